package org.clinicflow.messaging.inbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clinicflow.events.cloudevents.EventMetadata;

/**
 * The parking table: events waiting for a prerequisite, one queue per consumer and applicant
 * (the parking key). Only the head of a queue is ever tried; the rows behind it wait their
 * turn, which keeps one applicant's order. Plain JDBC on the caller's transaction (the inbox's
 * or the redriver's), so parking, applying and deleting commit with the handler's effects.
 * Tested by {@code ParkingTest} on the real broker and database.
 */
@ApplicationScoped
public class ParkedEvents {

    /** What parked rows say about the event behind which they queue. */
    static final String BEHIND = "an earlier parked event of the same applicant";

    private static final String COLUMNS = """
            id, consumer, parking_key, event_id, event_type, topic, kafka_partition, kafka_offset, headers, payload,
            waiting_for, attempts, parked_at, next_attempt_at, last_error""";

    private final AgroalDataSource dataSource;

    ParkedEvents(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One parked event. */
    public record Parked(long id, String consumer, UUID eventId, String eventType, InboundRecord record, String waitingFor,
            int attempts, Instant parkedAt, Instant nextAttemptAt, String lastError) {
    }

    /** Whether {@code consumer} has anything parked for {@code key}: a new event of that applicant must queue behind it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean queued(String consumer, String key) {
        return exists("SELECT 1 FROM parked_event WHERE consumer = ? AND parking_key = ? LIMIT 1", consumer, key);
    }

    /** Which of {@code keys} have anything parked for {@code consumer}: one query for a whole poll. */
    @Transactional(Transactional.TxType.MANDATORY)
    public java.util.Set<String> queuedAmong(String consumer, java.util.Collection<String> keys) {
        java.util.Set<String> queued = new java.util.HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT DISTINCT parking_key FROM parked_event WHERE consumer = ? AND parking_key = ANY(?)")) {
            s.setString(1, consumer);
            s.setArray(2, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    queued.add(rs.getString(1));
                }
            }
            return queued;
        } catch (SQLException e) {
            throw new IllegalStateException("parking query failed", e);
        }
    }

    /** Parks a record; a record parked already (redelivered) stays parked once. Tried first after {@code firstTry}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void park(String consumer, String key, EventMetadata metadata, InboundRecord record, String waitingFor,
            Duration firstTry) {
        execute("""
                INSERT INTO parked_event (consumer, parking_key, event_id, event_type, topic, kafka_partition, kafka_offset,
                                          headers, payload, waiting_for, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, now() + ? * interval '1 millisecond')
                ON CONFLICT (consumer, event_id) DO NOTHING""",
                consumer, key, metadata.id(), metadata.type(), record.topic(), record.partition(), record.offset(),
                StoredRecords.headersJson(record.headers()), record.payload(), waitingFor, firstTry.toMillis());
    }

    /**
     * Locks the oldest head of any queue that is due, skipping heads another replica holds;
     * null when none is due.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Parked lockDueHead() {
        List<Parked> rows = query("SELECT " + COLUMNS + """
                 FROM parked_event p
                WHERE next_attempt_at <= now()
                  AND NOT EXISTS (SELECT 1 FROM parked_event e
                                   WHERE e.consumer = p.consumer AND e.parking_key = p.parking_key AND e.id < p.id)
                ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED""");
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void delete(long id) {
        execute("DELETE FROM parked_event WHERE id = ?", id);
    }

    /** A head that could not be applied yet: tried again after {@code backoff}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void retryLater(long id, String waitingFor, String error, Duration backoff) {
        execute("""
                UPDATE parked_event SET attempts = attempts + 1, waiting_for = coalesce(?, waiting_for), last_error = ?,
                       next_attempt_at = now() + ? * interval '1 millisecond'
                 WHERE id = ?""", waitingFor, error, backoff.toMillis(), id);
    }

    /** Makes every parked event of {@code key} due now (its prerequisite arrived); returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int release(String key) {
        return execute("UPDATE parked_event SET next_attempt_at = now() WHERE parking_key = ? AND next_attempt_at > now()", key);
    }

    /** Makes one parked event (or, with null, every one) due now: an operator's re-drive after a fix. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int dueNow(Long id) {
        return id == null ? execute("UPDATE parked_event SET next_attempt_at = now()")
                : execute("UPDATE parked_event SET next_attempt_at = now() WHERE id = ?", id);
    }

    /** The oldest parked events first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Parked> list(int limit) {
        return query("SELECT " + COLUMNS + " FROM parked_event ORDER BY id LIMIT ?", limit);
    }

    private boolean exists(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, args); ResultSet rs = s.executeQuery()) {
            return rs.next();
        } catch (SQLException e) {
            throw new IllegalStateException("parking query failed", e);
        }
    }

    private int execute(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, args)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("parking update failed", e);
        }
    }

    private List<Parked> query(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, args); ResultSet rs = s.executeQuery()) {
            List<Parked> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new Parked(rs.getLong("id"), rs.getString("consumer"), rs.getObject("event_id", UUID.class),
                        rs.getString("event_type"), StoredRecords.read(rs), rs.getString("waiting_for"), rs.getInt("attempts"),
                        rs.getTimestamp("parked_at").toInstant(), rs.getTimestamp("next_attempt_at").toInstant(),
                        rs.getString("last_error")));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("parking query failed", e);
        }
    }

    static PreparedStatement prepare(Connection connection, String sql, Object... args) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }
}
