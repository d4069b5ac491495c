package org.clinicflow.messaging.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.clinicflow.events.ClinicEvent;
import org.clinicflow.events.cloudevents.EventJson;
import org.clinicflow.events.cloudevents.EventMetadata;
import org.clinicflow.events.cloudevents.InvalidEventException;
import org.clinicflow.messaging.CorrelationContext;
import org.clinicflow.messaging.MessagingConfig;
import org.clinicflow.messaging.metrics.MessagingMetrics;
import org.jboss.logging.Logger;

/**
 * Applies one Kafka record exactly once in effect. It parses the CloudEvents headers and the
 * body into the contract's record, then, in one new transaction, records the event in the
 * {@link Inbox} and runs the handler: a duplicate is skipped, a failure rolls both back. A
 * failing handler is retried with exponential backoff, without limit while the failure is a
 * passing one (database unreachable, a concurrent writer: {@link TransientFailure}). A record that cannot be parsed, or still
 * fails for its own reasons after the last attempt, is thrown back to the connector, whose
 * {@code failure-strategy=dead-letter-queue} parks it on {@code <topic>.dlq} with the error in
 * its headers, and the consumer moves on. The connector commits offsets only for records
 * this method returned from, that is after the database commit.
 *
 * <p>A service wires a channel to it like this:
 * <pre>{@code
 * @Incoming("applicants") @Blocking
 * void consume(ConsumerRecord<String, byte[]> record) { processor.process(record, "document-service", handlers); }
 * }</pre>
 * Tested on the real broker and database by {@code InboxProcessorTest} and {@code OutboxGuaranteesTest}.
 */
@ApplicationScoped
public class InboxProcessor {

    private static final Logger LOG = Logger.getLogger(InboxProcessor.class);

    /** What became of one record. */
    public enum Outcome {
        APPLIED, DUPLICATE, IGNORED
    }

    private final Inbox inbox;
    private final MessagingConfig config;
    private final MessagingMetrics metrics;

    InboxProcessor(Inbox inbox, MessagingConfig config, MessagingMetrics metrics) {
        this.inbox = inbox;
        this.config = config;
        this.metrics = metrics;
    }

    public Outcome process(ConsumerRecord<String, byte[]> record, String consumer, EventHandlers handlers) {
        EventMetadata metadata;
        EventHandlers.Handler<?> handler;
        InboundEvent<?> event;
        try {
            metadata = EventMetadata.fromHeaders(headers(record));
            handler = handlers.forType(metadata.type()).orElse(null);
            if (handler == null) {
                metrics.inbound(consumer, "ignored");
                return Outcome.IGNORED;
            }
            event = new InboundEvent<>(metadata, parse(record, handler));
        } catch (InvalidEventException e) {
            metrics.deadLettered(consumer, "invalid");
            LOG.warnf("dead-lettering an invalid record from %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            throw e;
        }
        return CorrelationContext.with(metadata.correlationId(), () -> applyWithRetries(event, handler, consumer));
    }

    private static ClinicEvent parse(ConsumerRecord<String, byte[]> record, EventHandlers.Handler<?> handler) {
        return EventJson.read(record.value(), handler.contract().payloadType());
    }

    private Outcome applyWithRetries(InboundEvent<?> event, EventHandlers.Handler<?> handler, String consumer) {
        long backoff = config.inbox().initialBackoff().toMillis();
        int attempts = config.inbox().maxAttempts();
        for (int attempt = 1;; attempt++) {
            try {
                Outcome outcome = QuarkusTransaction.requiringNew().call(() -> {
                    if (!inbox.firstDelivery(event.metadata(), consumer)) {
                        return Outcome.DUPLICATE;
                    }
                    handler.apply(event);
                    return Outcome.APPLIED;
                });
                metrics.inbound(consumer, outcome.name().toLowerCase());
                return outcome;
            } catch (RuntimeException e) {
                boolean passing = TransientFailure.causedBy(e);
                if (!passing && attempt >= attempts) {
                    metrics.deadLettered(consumer, "failed");
                    LOG.errorf("dead-lettering %s %s after %d attempts: %s", event.metadata().type(),
                            event.metadata().id(), attempt, e.toString());
                    throw e;
                }
                // A passing condition holds this partition until it passes: nothing is parked, order is kept.
                LOG.warnf("%s %s failed (attempt %d%s), retrying in %d ms: %s", event.metadata().type(), event.metadata().id(),
                        attempt, passing ? ", passing condition" : " of " + attempts, backoff, e.toString());
                sleep(backoff);
                backoff = Math.min(backoff * 2, config.inbox().maxBackoff().toMillis());
            }
        }
    }

    private static Map<String, String> headers(ConsumerRecord<?, ?> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return headers;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
