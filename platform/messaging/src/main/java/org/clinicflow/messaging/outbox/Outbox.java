package org.clinicflow.messaging.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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
 * A transaction's events are held until it is about to commit and then written in one JDBC
 * batch, which the driver sends as multi-row INSERTs (clinic-messaging's defaults): a consumer's
 * poll that publishes a hundred events writes them in a few statements, not a hundred, in the
 * order they were published (the relay sends each applicant's rows in id order). Written in the
 * transaction's before-completion, on the connection enlisted in it, so a failed write fails the
 * commit; a rolled-back transaction writes nothing. Calling it outside a transaction is a
 * programming error ({@code MANDATORY}). Tested by {@code OutboxGuaranteesTest} on a real
 * PostgreSQL and Kafka.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox_event (event_id, event_type, source, subject, correlation_id, occurred_at,
                                      topic, event_key, shard, payload, headers, raw)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""";

    /** The transaction-scoped resource key under which a transaction's unwritten rows wait. */
    private static final Object PENDING = new Object();

    private final AgroalDataSource dataSource;
    private final MessagingConfig config;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;

    Outbox(AgroalDataSource dataSource, MessagingConfig config, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.config = config;
        this.transactions = transactions;
        this.clock = Clock.systemUTC();
    }

    /** Publishes {@code event} with the caller's transaction; returns its CloudEvents metadata (its id is the dedupe key). */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventMetadata publish(ClinicEvent event) {
        EventContract<?> contract = EventCatalog.of(event.getClass());
        UUID id = UUID.randomUUID();
        String key = event.applicantId().toString();
        // PostgreSQL keeps microseconds: truncate so the relayed ce_time equals what publish returned.
        EventMetadata metadata = new EventMetadata(id, contract.type(), config.source(),
                clock.instant().truncatedTo(ChronoUnit.MICROS), key,
                CorrelationContext.current().orElse(id.toString()));
        Map<String, String> trace = TraceHeaders.current();
        write(new Row(metadata.id(), metadata.type(), metadata.source(), metadata.subject(), metadata.correlationId(),
                metadata.time(), contract.topic().name(), key, EventJson.write(event), trace.isEmpty() ? null : json(trace),
                false));
        return metadata;
    }

    /**
     * Writes a record to send as it is, with exactly {@code headers}: a record forwarded to a
     * dead-letter topic. It shares the outbox's guarantee (sent if and only if the caller commits).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishRecord(String topic, String key, Map<String, String> headers, byte[] payload) {
        UUID rowId = UUID.randomUUID();
        write(new Row(rowId, "raw", config.source(), key, rowId.toString(), clock.instant().truncatedTo(ChronoUnit.MICROS),
                topic, key, payload, json(headers), true));
    }

    /** Adds the row to the transaction's rows, written before it commits; at once if that moment has passed. */
    private void write(Row row) {
        Pending pending = (Pending) transactions.getResource(PENDING);
        if (pending == null) {
            Pending fresh = new Pending();
            try {
                transactions.registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                        insert(fresh.rows);
                        // Anything published after this point (another synchronization's work) is written at once.
                        fresh.written = true;
                    }

                    @Override
                    public void afterCompletion(int status) {
                    }
                });
            } catch (IllegalStateException completing) {
                // The transaction is already completing: no later moment to write in.
                insert(List.of(row));
                return;
            }
            transactions.putResource(PENDING, fresh);
            pending = fresh;
        }
        if (pending.written) {
            insert(List.of(row));
        } else {
            pending.rows.add(row);
        }
    }

    private void insert(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        // Within a JTA transaction Agroal hands out the connection enlisted in it, the one
        // Hibernate uses too: these rows commit with the caller's entity changes.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Row row : rows) {
                insert.setObject(1, row.eventId());
                insert.setString(2, row.type());
                insert.setString(3, row.source());
                insert.setString(4, row.subject());
                insert.setString(5, row.correlationId());
                insert.setTimestamp(6, Timestamp.from(row.time()));
                insert.setString(7, row.topic());
                insert.setString(8, row.key());
                insert.setShort(9, (short) OutboxShards.of(row.key()));
                insert.setBytes(10, row.payload());
                insert.setString(11, row.headers());
                insert.setBoolean(12, row.raw());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write " + rows.size() + " events to the outbox ("
                    + rows.stream().map(Row::type).distinct().toList() + ")", e);
        }
    }

    private static String json(Map<String, String> headers) {
        try {
            return EventJson.mapper().writeValueAsString(headers);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("headers are not serializable", e);
        }
    }

    /** A transaction's rows not yet written, and whether its before-completion has written them. */
    private static final class Pending {
        private final List<Row> rows = new ArrayList<>();
        private boolean written;
    }

    /** One outbox row as it will be inserted. */
    private record Row(UUID eventId, String type, String source, String subject, String correlationId, Instant time,
            String topic, String key, byte[] payload, String headers, boolean raw) {
    }
}
