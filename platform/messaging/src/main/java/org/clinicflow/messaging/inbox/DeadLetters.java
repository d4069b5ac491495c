package org.clinicflow.messaging.inbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicflow.events.catalog.Topic;
import org.clinicflow.events.cloudevents.EventMetadata;
import org.clinicflow.messaging.outbox.Outbox;

/**
 * The service's own record of every event its consumers gave up on, beside the copy on
 * {@code <topic>.dlq}: an operator lists and re-drives them from here. A record dead-lettered
 * from a Kafka delivery reaches the topic through SmallRye's dead-letter strategy; one given up
 * after parking reaches it through the outbox ({@link #toTopic}), in the same transaction that
 * removes it from parking, so it is never lost between the two. Tested by {@code ParkingTest}.
 */
@ApplicationScoped
public class DeadLetters {

    private final AgroalDataSource dataSource;
    private final Outbox outbox;

    DeadLetters(AgroalDataSource dataSource, Outbox outbox) {
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    /** One dead letter, as stored. */
    public record DeadLetter(long id, String consumer, UUID eventId, String eventType, InboundRecord record, String reason,
            Instant deadAt, Instant redrivenAt, String redriveOutcome) {
    }

    /** Records {@code record} as given up by {@code consumer}; a record recorded before is opened again with the new reason. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String consumer, EventMetadata metadata, InboundRecord record, String reason) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = ParkedEvents.prepare(c, """
                INSERT INTO dead_letter_event (consumer, parking_key, event_id, event_type, topic, kafka_partition, kafka_offset,
                                               headers, payload, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                ON CONFLICT (consumer, topic, kafka_partition, kafka_offset)
                DO UPDATE SET reason = excluded.reason, dead_at = now(), redriven_at = NULL, redrive_outcome = NULL""",
                consumer, record.key(), metadata == null ? null : metadata.id(), metadata == null ? null : metadata.type(),
                record.topic(), record.partition(), record.offset(), StoredRecords.headersJson(record.headers()),
                record.payload(), reason)) {
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record a dead letter", e);
        }
    }

    /**
     * Puts {@code record} on its topic's dead-letter topic through the outbox, with the headers
     * SmallRye's dead-letter strategy writes (reason, topic, partition, offset) so both kinds
     * read alike.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void toTopic(InboundRecord record, String reason) {
        Map<String, String> headers = new LinkedHashMap<>(record.headers());
        headers.put("dead-letter-reason", reason);
        headers.put("dead-letter-topic", record.topic());
        headers.put("dead-letter-partition", Integer.toString(record.partition()));
        headers.put("dead-letter-offset", Long.toString(record.offset()));
        // A record without a key (an outside producer's mistake) keeps an empty one on the dead-letter topic.
        outbox.publishRecord(record.topic() + Topic.DLQ_SUFFIX, record.key() == null ? "" : record.key(), headers,
                record.payload());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public DeadLetter find(long id) {
        List<DeadLetter> rows = query("SELECT * FROM dead_letter_event WHERE id = ? FOR UPDATE", id);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Dead letters still waiting for a person (or all, with {@code includeRedriven}), oldest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DeadLetter> list(boolean includeRedriven, int limit) {
        return query("SELECT * FROM dead_letter_event" + (includeRedriven ? "" : " WHERE redriven_at IS NULL")
                + " ORDER BY id LIMIT ?", limit);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void redriven(long id, String outcome) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = ParkedEvents.prepare(c,
                "UPDATE dead_letter_event SET redriven_at = now(), redrive_outcome = ? WHERE id = ?", outcome, id)) {
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark a dead letter re-driven", e);
        }
    }

    private List<DeadLetter> query(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = ParkedEvents.prepare(c, sql, args);
                ResultSet rs = s.executeQuery()) {
            List<DeadLetter> rows = new ArrayList<>();
            while (rs.next()) {
                java.sql.Timestamp redriven = rs.getTimestamp("redriven_at");
                rows.add(new DeadLetter(rs.getLong("id"), rs.getString("consumer"), rs.getObject("event_id", UUID.class),
                        rs.getString("event_type"), StoredRecords.read(rs), rs.getString("reason"),
                        rs.getTimestamp("dead_at").toInstant(), redriven == null ? null : redriven.toInstant(),
                        rs.getString("redrive_outcome")));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("dead-letter query failed", e);
        }
    }
}
