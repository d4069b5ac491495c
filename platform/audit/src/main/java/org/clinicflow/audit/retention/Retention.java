package org.clinicflow.audit.retention;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.clinicflow.web.time.ClinicClock;

/**
 * Runs the service's data classes: a dry run counts what each would purge, a purge forgets it a
 * page per transaction (so a long purge never holds locks for long), and both are recorded in the
 * append-only {@code retention_run} table with who ran them (a scheduled run only for the classes
 * that purged something). Nightly at
 * {@code clinic.retention.cron}; on demand for a clinic admin. Time is the clinic clock, so a
 * test can stand three years ahead. Tested by each service's retention tests.
 */
@ApplicationScoped
public class Retention {

    static final int PAGE = 500;

    /** One class's run: its period, the cutoff, and how many records it found (dry run) or purged. */
    public record Report(String dataClass, String description, String period, Instant cutoff, long records, boolean dryRun) {
    }

    /** A recorded run. */
    public record Run(String dataClass, Instant cutoff, long records, boolean dryRun, String actor, Instant at) {
    }

    private final Instance<DataClass> classes;
    private final AgroalDataSource dataSource;
    private final ClinicClock clock;

    Retention(Instance<DataClass> classes, AgroalDataSource dataSource, ClinicClock clock) {
        this.classes = classes;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public List<Report> dryRun(String actor) {
        List<Report> reports = new ArrayList<>();
        for (DataClass c : sorted()) {
            Instant cutoff = clock.now().minus(c.period());
            long due = QuarkusTransaction.requiringNew().call(() -> c.due(cutoff));
            reports.add(record(new Report(c.name(), c.description(), c.period().toString(), cutoff, due, true), actor));
        }
        return reports;
    }

    public List<Report> purge(String actor) {
        return purge(actor, true);
    }

    /**
     * Purges every class; {@code recordEmpty} false records only the classes that purged something
     * (the schedule runs hourly in some services: a row per class per hour that forgot nothing would
     * bury the runs that did).
     */
    List<Report> purge(String actor, boolean recordEmpty) {
        List<Report> reports = new ArrayList<>();
        for (DataClass c : sorted()) {
            Instant cutoff = clock.now().minus(c.period());
            long purged = 0;
            int page;
            do {
                page = QuarkusTransaction.requiringNew().call(() -> c.purge(cutoff, PAGE));
                purged += page;
            } while (page == PAGE);
            Report report = new Report(c.name(), c.description(), c.period().toString(), cutoff, purged, false);
            reports.add(recordEmpty || purged > 0 ? record(report, actor) : report);
        }
        return reports;
    }

    @Scheduled(cron = "{clinic.retention.cron}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void nightly() {
        purge("retention-schedule", false);
    }

    public List<Run> runs(int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT data_class, cutoff, records, dry_run, actor, at FROM retention_run ORDER BY id DESC LIMIT ?")) {
            select.setInt(1, limit);
            List<Run> runs = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    runs.add(new Run(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getLong(3), rs.getBoolean(4), rs.getString(5),
                            rs.getTimestamp(6).toInstant()));
                }
            }
            return runs;
        } catch (SQLException e) {
            throw new IllegalStateException("retention runs could not be read", e);
        }
    }

    private Report record(Report report, String actor) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO retention_run (data_class, cutoff, records, dry_run, actor) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, report.dataClass());
                insert.setTimestamp(2, Timestamp.from(report.cutoff()));
                insert.setLong(3, report.records());
                insert.setBoolean(4, report.dryRun());
                insert.setString(5, actor);
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("the retention run could not be recorded", e);
            }
        });
        return report;
    }

    private List<DataClass> sorted() {
        return classes.stream().sorted(Comparator.comparing(DataClass::name)).toList();
    }
}
