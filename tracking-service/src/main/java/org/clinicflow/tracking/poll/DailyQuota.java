package org.clinicflow.tracking.poll;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.clinicflow.tracking.uscis.UscisConfig;

/**
 * USCIS's daily quota, counted in the database so that every replica draws on one count: a call
 * is taken ({@link #take}) before it is made, by one statement that adds it only while the day's
 * count is under the limit, and commits at once (a call made is spent, whatever follows). Hand-
 * written JDBC because the count must commit on its own, outside any caller's transaction.
 * Tested by {@code TrackerTest} (3,000 open cases over simulated days).
 */
@ApplicationScoped
public class DailyQuota {

    private final AgroalDataSource dataSource;
    private final UscisConfig config;

    DailyQuota(AgroalDataSource dataSource, UscisConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Takes one call from {@code day}'s quota if any is left under {@code ceiling} (at most per-day). */
    public boolean take(LocalDate day, int ceiling) {
        int limit = Math.min(ceiling, config.quota().perDay());
        String sql = "INSERT INTO uscis_quota (day, used) VALUES (?, 1) ON CONFLICT (day) DO UPDATE SET used = uscis_quota.used + 1 "
                + "WHERE uscis_quota.used < ? RETURNING used";
        if (limit < 1) {
            return false;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, day);
            s.setInt(2, limit);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count USCIS's quota", e);
        }
    }

    /** The calls spent on {@code day}. */
    public int used(LocalDate day) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT used FROM uscis_quota WHERE day = ?")) {
            s.setObject(1, day);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read USCIS's quota", e);
        }
    }
}
