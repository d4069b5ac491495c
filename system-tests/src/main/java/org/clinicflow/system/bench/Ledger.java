package org.clinicflow.system.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.clinicflow.system.LocalStack;

/**
 * Reads what really happened from the four services' own databases (as the local stack's
 * PostgreSQL superuser, read-only queries): when each applicant was registered, got a checklist,
 * had it verified, was booked, and when each booking SMS was queued and accepted by the
 * development gateway; how many rows wait in outboxes; every table's row count (the replay
 * check). The benchmark's latencies and its lost / duplicate counts come from here, never from
 * the driver's own clock alone.
 */
public final class Ledger implements AutoCloseable {

    /** One applicant's way through the pipeline; null where a step has not happened. */
    public record Journey(UUID applicant, Instant registered, Instant checklistOpened, Instant verified, Instant booked,
            Instant smsQueued, Instant smsAccepted, int bookingSms) {
    }

    public static final List<String> DATABASES = List.of("intake", "document", "scheduling", "notification");

    /** How far before the newest accepted text {@link #smsAccepted()} looks again for late commits. */
    private static final Duration ACCEPTED_WINDOW = Duration.ofSeconds(5);

    private final Map<String, Connection> connections = new LinkedHashMap<>();
    /** Each database's server process answering this ledger, by database (a reconnect replaces it). */
    private final Map<String, Long> backends = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Set<UUID> acceptedCounted = new java.util.HashSet<>();
    private Instant newestAccepted = Instant.EPOCH;

    public Ledger(LocalStack stack) throws SQLException {
        for (String db : DATABASES) {
            connections.put(db, connect(stack, db));
        }
    }

    /**
     * The PostgreSQL server processes that answer this ledger's queries: the bench's own load on
     * the database (its worklist, its SMS count, the probe's outbox rows), which the CPU figures
     * of the pipeline and of the floor leave out.
     */
    public java.util.Set<Long> backendPids() {
        return java.util.Set.copyOf(backends.values());
    }

    private Connection connect(LocalStack stack, String db) throws SQLException {
        Connection c = DriverManager.getConnection(stack.jdbcUrl(db), "postgres", stack.secret("postgres"));
        c.setAutoCommit(true);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            backends.put(db, rs.getLong(1));
        }
        return c;
    }

    /** Every applicant's journey, read in batches. */
    public synchronized Map<UUID, Journey> journeys(Collection<UUID> ids) {
        Map<UUID, Journey> all = new HashMap<>();
        List<UUID> list = new ArrayList<>(ids);
        for (int from = 0; from < list.size(); from += 5000) {
            all.putAll(batch(list.subList(from, Math.min(list.size(), from + 5000))));
        }
        return all;
    }

    private Map<UUID, Journey> batch(List<UUID> ids) {
        Map<UUID, Instant[]> times = new HashMap<>();
        Map<UUID, Integer> sms = new HashMap<>();
        for (UUID id : ids) {
            times.put(id, new Instant[6]);
            sms.put(id, 0);
        }
        query("intake", "SELECT id, created_at FROM applicant WHERE id = ANY(?)", ids,
                rs -> times.get(uuid(rs, 1))[0] = instant(rs, 2));
        query("document", """
                SELECT c.applicant_id, c.opened_at, max(i.checked_at) FROM checklist c
                JOIN checklist_item i ON i.applicant_id = c.applicant_id
                WHERE c.applicant_id = ANY(?) GROUP BY c.applicant_id, c.opened_at""", ids, rs -> {
                    Instant[] t = times.get(uuid(rs, 1));
                    t[1] = instant(rs, 2);
                    t[2] = instant(rs, 3);
                });
        query("scheduling", "SELECT applicant_id, min(created_at) FROM appointment WHERE applicant_id = ANY(?) GROUP BY 1", ids,
                rs -> times.get(uuid(rs, 1))[3] = instant(rs, 2));
        query("notification", """
                SELECT m.applicant_id, m.created_at, d.created_at FROM message m LEFT JOIN dev_sms d ON d.reference = m.id
                WHERE m.template_key = 'appointment-booked' AND m.applicant_id = ANY(?) ORDER BY m.created_at""", ids, rs -> {
                    UUID id = uuid(rs, 1);
                    Instant[] t = times.get(id);
                    if (t[4] == null) {
                        t[4] = instant(rs, 2);
                    }
                    Instant accepted = instant(rs, 3);
                    if (accepted != null) {
                        sms.merge(id, 1, Integer::sum);
                        if (t[5] == null) {
                            t[5] = accepted;
                        }
                    }
                });
        Map<UUID, Journey> journeys = new HashMap<>();
        times.forEach((id, t) -> journeys.put(id, new Journey(id, t[0], t[1], t[2], t[3], t[4], t[5], sms.get(id))));
        return journeys;
    }

    /**
     * Which of {@code ids} document-service has opened a checklist for: the caseworkers' worklist.
     * Looked up by the checklist's key, so the poll costs the same at the 100,000th applicant as at
     * the first (a scan by opening time grew with the table and slowed the run it measured).
     */
    public synchronized java.util.Set<UUID> checklistsOpened(List<UUID> ids) {
        java.util.Set<UUID> opened = new java.util.HashSet<>();
        if (!ids.isEmpty()) {
            query("document", "SELECT applicant_id FROM checklist WHERE applicant_id = ANY(?)", ids,
                    rs -> opened.add(uuid(rs, 1)));
        }
        return opened;
    }

    /**
     * Booking SMS the development gateway accepted so far. Counted as it goes: each call reads only
     * the texts stamped from a few seconds before the newest one already seen (the gateway stamps a
     * text just before its short transaction commits, so a late commit still falls inside the
     * window) and adds the new ones to those counted. The probe asks every second; a count over the
     * whole table grew with the run (4.2 ms a call at 3,000 applicants, 0.65-1.2 s at 79,000 under
     * load) and taxed the PostgreSQL it measured.
     */
    public synchronized long smsAccepted() {
        Timestamp from = Timestamp.from(newestAccepted.minus(ACCEPTED_WINDOW));
        query("notification", "SELECT d.reference, d.created_at FROM dev_sms d JOIN message m ON m.id = d.reference"
                + " WHERE d.created_at >= ? AND m.template_key = 'appointment-booked'", s -> s.setTimestamp(1, from), rs -> {
                    acceptedCounted.add(uuid(rs, 1));
                    Instant at = instant(rs, 2);
                    if (at.isAfter(newestAccepted)) {
                        newestAccepted = at;
                    }
                });
        return acceptedCounted.size();
    }

    /** Events {@code db}'s consumers applied, by type (the bench's stack holds only the run's). */
    public synchronized Map<String, Long> eventsByType(String db) {
        Map<String, Long> counts = new TreeMap<>();
        try (Statement s = connections.get(db).createStatement();
                ResultSet rs = s.executeQuery("SELECT event_type, count(*) FROM processed_event GROUP BY event_type")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(db + ": " + e.getMessage(), e);
        }
        return counts;
    }

    /** Pairs of SMS with the same phone and the same text: an applicant texted twice. */
    public synchronized long duplicateSms() {
        return single("notification",
                "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM dev_sms GROUP BY to_phone, body HAVING count(*) > 1) d");
    }

    /** Rows waiting in each service's outbox. */
    public synchronized Map<String, Long> outboxRows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String db : DATABASES) {
            rows.put(db, single(db, "SELECT count(*) FROM outbox_event"));
        }
        return rows;
    }

    /** The applicants each database has events parked for (waiting for a prerequisite), by database. */
    public synchronized Map<String, java.util.Set<String>> parkedApplicants() {
        Map<String, java.util.Set<String>> parked = new TreeMap<>();
        for (String db : DATABASES) {
            java.util.Set<String> keys = new java.util.TreeSet<>();
            try (Statement s = connections.get(db).createStatement();
                    ResultSet rs = s.executeQuery("SELECT DISTINCT parking_key FROM parked_event")) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(db + ": " + e.getMessage(), e);
            }
            parked.put(db, keys);
        }
        return parked;
    }

    /** Every table's exact row count in every database, by "database.table". */
    public synchronized Map<String, Long> tableCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String db : DATABASES) {
            List<String> tables = new ArrayList<>();
            try (Statement s = connections.get(db).createStatement();
                    ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            for (String table : tables) {
                counts.put(db + "." + table, single(db, "SELECT count(*) FROM \"" + table + "\""));
            }
        }
        return counts;
    }

    /** Refreshes the planner's statistics after seeding (a new queue table otherwise gets a bad plan). */
    public synchronized void analyze() {
        for (String db : DATABASES) {
            try (Statement s = connections.get(db).createStatement()) {
                s.execute("ANALYZE");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Reconnects after PostgreSQL restarted. */
    public synchronized void reconnect(LocalStack stack) throws SQLException {
        for (String db : DATABASES) {
            try {
                connections.get(db).close();
            } catch (SQLException ignored) {
                // already broken
            }
            connections.put(db, connect(stack, db));
        }
    }

    private long single(String db, String sql) {
        try (Statement s = connections.get(db).createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(db + ": " + e.getMessage(), e);
        }
    }

    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private interface Parameters {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Runs {@code sql} with {@code ids} as its one parameter, a uuid array. */
    private void query(String db, String sql, List<UUID> ids, Row row) {
        Connection c = connections.get(db);
        query(db, sql, s -> s.setArray(1, c.createArrayOf("uuid", ids.toArray())), row);
    }

    private void query(String db, String sql, Parameters parameters, Row row) {
        try (PreparedStatement s = connections.get(db).prepareStatement(sql)) {
            parameters.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(db + ": " + e.getMessage(), e);
        }
    }

    private static UUID uuid(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    @Override
    public synchronized void close() throws SQLException {
        for (Connection c : connections.values()) {
            c.close();
        }
    }
}
