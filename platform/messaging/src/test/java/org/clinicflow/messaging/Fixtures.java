package org.clinicflow.messaging;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import org.clinicflow.events.intake.ApplicantRegisteredV1;
import org.clinicflow.testing.Rows;

/** Small helpers shared by the messaging tests: events to publish and counts to assert. */
final class Fixtures {

    private Fixtures() {
    }

    static ApplicantRegisteredV1 registered(UUID applicantId, String siteId) {
        return new ApplicantRegisteredV1(applicantId, null, siteId, "c11", "es", Instant.now(), false, false);
    }

    static long count(AgroalDataSource dataSource, String sql, Object... args) {
        return Rows.count(dataSource, sql, args);
    }

    static String text(AgroalDataSource dataSource, String sql, Object... args) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                query.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long outboxSize(AgroalDataSource dataSource) {
        return count(dataSource, "SELECT count(*) FROM outbox_event");
    }

    static long effects(AgroalDataSource dataSource, UUID eventId) {
        return count(dataSource, "SELECT count(*) FROM applied_effect WHERE event_id = ?", eventId);
    }

    static void execute(AgroalDataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
