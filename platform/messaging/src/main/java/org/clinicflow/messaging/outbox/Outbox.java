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
                                      topic, event_key, shard, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

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
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write " + contract.type() + " to the outbox", e);
        }
        return metadata;
    }
}
