package org.clinicflow.messaging.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.clinicflow.events.ClinicEvent;
import org.clinicflow.events.catalog.EventCatalog;
import org.clinicflow.events.catalog.EventContract;
import org.clinicflow.events.cloudevents.EventJson;
import org.clinicflow.events.cloudevents.EventMetadata;
import org.clinicflow.messaging.CorrelationContext;
import org.clinicflow.messaging.MessagingConfig;

/**
 * Publishes an event by writing it to the outbox table inside the caller's transaction, so
 * the state change and its event commit, or roll back, together. The relay sends it later.
 * Calling it outside a transaction is a programming error ({@code MANDATORY}). Tested by
 * {@code OutboxGuaranteesTest} on a real PostgreSQL and Kafka.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox_event (event_id, event_type, source, subject, correlation_id, occurred_at,
                                      topic, event_key, shard, payload, headers)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""";
    private static final String INSERT_RAW = """
            INSERT INTO outbox_event (event_id, event_type, source, subject, correlation_id, occurred_at,
                                      topic, event_key, shard, payload, headers, raw)
            VALUES (?, 'raw', ?, ?, ?, now(), ?, ?, ?, ?, ?::jsonb, true)""";

    private final AgroalDataSource dataSource;
    private final MessagingConfig config;
    private final Clock clock;

    Outbox(AgroalDataSource dataSource, MessagingConfig config) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    /** Writes {@code event} to the outbox; returns its CloudEvents metadata (its id is the dedupe key). */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventMetadata publish(ClinicEvent event) {
        EventContract<?> contract = EventCatalog.of(event.getClass());
        UUID id = UUID.randomUUID();
        String key = event.applicantId().toString();
        // PostgreSQL keeps microseconds: truncate so the relayed ce_time equals what publish returned.
        EventMetadata metadata = new EventMetadata(id, contract.type(), config.source(),
                clock.instant().truncatedTo(ChronoUnit.MICROS), key,
                CorrelationContext.current().orElse(id.toString()));
        // Within a JTA transaction Agroal hands out the connection enlisted in it, the one
        // Hibernate uses too: this insert commits with the caller's entity changes.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, metadata.id());
            insert.setString(2, metadata.type());
            insert.setString(3, metadata.source());
            insert.setString(4, metadata.subject());
            insert.setString(5, metadata.correlationId());
            insert.setTimestamp(6, Timestamp.from(metadata.time()));
            insert.setString(7, contract.topic().name());
            insert.setString(8, key);
            insert.setShort(9, (short) OutboxShards.of(key));
            insert.setBytes(10, EventJson.write(event));
            Map<String, String> trace = TraceHeaders.current();
            insert.setString(11, trace.isEmpty() ? null : json(trace));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write " + contract.type() + " to the outbox", e);
        }
        return metadata;
    }

    /**
     * Writes a record to send as it is, with exactly {@code headers}: a record forwarded to a
     * dead-letter topic. It shares the outbox's guarantee (sent if and only if the caller commits).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishRecord(String topic, String key, Map<String, String> headers, byte[] payload) {
        UUID rowId = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_RAW)) {
            insert.setObject(1, rowId);
            insert.setString(2, config.source());
            insert.setString(3, key);
            insert.setString(4, rowId.toString());
            insert.setString(5, topic);
            insert.setString(6, key);
            insert.setShort(7, (short) OutboxShards.of(key));
            insert.setBytes(8, payload);
            insert.setString(9, json(headers));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write a record for " + topic + " to the outbox", e);
        }
    }

    private static String json(Map<String, String> headers) {
        try {
            return EventJson.mapper().writeValueAsString(headers);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("headers are not serializable", e);
        }
    }
}
