package org.clinicflow.messaging.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.clinicflow.events.ClinicEvent;
import org.clinicflow.events.cloudevents.EventJson;
import org.clinicflow.events.cloudevents.EventMetadata;
import org.clinicflow.events.cloudevents.InvalidEventException;
import org.clinicflow.messaging.CorrelationContext;
import org.clinicflow.messaging.MessagingConfig;
import org.clinicflow.messaging.metrics.MessagingMetrics;
import org.clinicflow.messaging.tracing.InboundTracing;
import org.jboss.logging.Logger;

/**
 * Applies one record exactly once in effect, and never lets one record hold its partition:
 * each record of a poll that {@link InboxBatch} could not apply whole, and each stored record
 * re-driven by an operator. It parses the CloudEvents headers and the body into the contract's record, then,
 * in one new transaction, records the event in the {@link Inbox} and runs the handler: a
 * duplicate is skipped, a failure rolls both back.
 * <ul>
 * <li>A handler that needs something not applied yet throws {@link ArrivedEarly}: the record is
 * parked for its applicant ({@link ParkedEvents}) and the consumer moves on; a later record of
 * an applicant with parked events queues behind them, so that applicant's order holds.</li>
 * <li>A passing failure (database unreachable, a concurrent writer: {@link TransientFailure}) is
 * retried in place until it passes: consumption pauses, which is right while the database is
 * down; the connector keeps polling, so the group does not evict the consumer.</li>
 * <li>Any other failure gets the configured attempts (well under a second in all), then the
 * record is recorded in {@link DeadLetters} and put on {@code <topic>.dlq} through the outbox, in
 * one transaction; a record that cannot be parsed goes there at once.</li>
 * </ul>
 * Tested on the real broker and database by {@code InboxProcessorTest},
 * {@code ParkingTest} and {@code OutboxGuaranteesTest}.
 */
@ApplicationScoped
public class InboxProcessor {

    private static final Logger LOG = Logger.getLogger(InboxProcessor.class);

    /** What became of one record. */
    public enum Outcome {
        APPLIED, DUPLICATE, IGNORED, PARKED, DEAD_LETTERED
    }

    /** Where a record comes from, which decides how a record given up on reaches the dead-letter topic. */
    enum Delivery {
        /** A record of a Kafka batch: recorded and sent through the outbox, since one record cannot fail the batch. */
        BATCH,
        /** A stored record being re-driven: thrown to the caller, who keeps it where it is. */
        STORED
    }

    private final Inbox inbox;
    private final ParkedEvents parked;
    private final DeadLetters deadLetters;
    private final MessagingConfig config;
    private final MessagingMetrics metrics;
    private final InboundTracing tracing;

    InboxProcessor(Inbox inbox, ParkedEvents parked, DeadLetters deadLetters, MessagingConfig config, MessagingMetrics metrics,
            InboundTracing tracing) {
        this.inbox = inbox;
        this.parked = parked;
        this.deadLetters = deadLetters;
        this.config = config;
        this.metrics = metrics;
        this.tracing = tracing;
    }

    /**
     * Applies a record of a poll, or one stored in the dead letters. A poll's record given up on is
     * put on the dead-letter topic here; a stored one throws, and stays where it is ({@link Delivery}).
     */
    Outcome process(InboundRecord record, String consumer, EventHandlers handlers, Delivery delivery) {
        EventMetadata metadata = null;
        try {
            metadata = EventMetadata.fromHeaders(record.headers());
            Handled handled = handled(record, metadata, handlers);
            if (handled == null) {
                metrics.inbound(consumer, "ignored");
                return Outcome.IGNORED;
            }
            EventMetadata known = metadata;
            return tracing.around(record.headers(), consumer, metadata.type(), () -> CorrelationContext.with(
                    known.correlationId(), () -> deliver(record, handled.event(), handled.handler(), consumer)));
        } catch (InvalidEventException e) {
            metrics.deadLettered(consumer, "invalid");
            LOG.warnf("dead-lettering an invalid record from %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            giveUp(record, consumer, metadata, StoredRecords.describe(e), delivery);
            if (delivery == Delivery.BATCH) {
                return Outcome.DEAD_LETTERED;
            }
            throw e;
        } catch (HandlerFailed e) {
            giveUp(record, consumer, metadata, StoredRecords.describe(e.getCause()), delivery);
            if (delivery == Delivery.BATCH) {
                return Outcome.DEAD_LETTERED;
            }
            throw e.failure();
        }
    }

    private static ClinicEvent parse(InboundRecord record, EventHandlers.Handler<?> handler) {
        return EventJson.read(record.payload(), handler.contract().payloadType());
    }

    private Outcome deliver(InboundRecord record, InboundEvent<?> event, EventHandlers.Handler<?> handler, String consumer) {
        String key = key(event);
        long backoff = config.inbox().initialBackoff().toMillis();
        for (int attempt = 1;; attempt++) {
            try {
                Outcome outcome = QuarkusTransaction.requiringNew().call(() -> {
                    if (parked.queued(consumer, key)) {
                        parked.park(consumer, key, event.metadata(), record, ParkedEvents.BEHIND, java.time.Duration.ZERO);
                        return Outcome.PARKED;
                    }
                    return applyInTransaction(event, handler, consumer);
                });
                metrics.inbound(consumer, outcome.name().toLowerCase());
                return outcome;
            } catch (RuntimeException e) {
                ArrivedEarly early = ArrivedEarly.in(e);
                if (early != null) {
                    QuarkusTransaction.requiringNew().run(() -> parked.park(consumer, key, event.metadata(), record,
                            early.waitingFor(), config.inbox().parking().firstRetry()));
                    metrics.inbound(consumer, "parked");
                    LOG.infof("parked %s %s: waiting for %s", event.metadata().type(), event.metadata().id(), early.waitingFor());
                    return Outcome.PARKED;
                }
                boolean passing = TransientFailure.causedBy(e);
                if (!passing && attempt >= config.inbox().maxAttempts()) {
                    metrics.deadLettered(consumer, "failed");
                    LOG.errorf("dead-lettering %s %s after %d attempts: %s", event.metadata().type(), event.metadata().id(),
                            attempt, e.toString());
                    throw new HandlerFailed(e);
                }
                // A passing condition holds this partition until it passes: nothing is parked, order is kept.
                LOG.warnf("%s %s failed (attempt %d%s), retrying in %d ms: %s", event.metadata().type(), event.metadata().id(),
                        attempt, passing ? ", passing condition" : " of " + config.inbox().maxAttempts(), backoff, e.toString());
                sleep(backoff);
                backoff = Math.min(backoff * 2, config.inbox().maxBackoff().toMillis());
            }
        }
    }

    /** Inside the caller's transaction: the inbox row, then the handler. */
    Outcome applyInTransaction(InboundEvent<?> event, EventHandlers.Handler<?> handler, String consumer) {
        if (!inbox.firstDelivery(event.metadata(), consumer)) {
            return Outcome.DUPLICATE;
        }
        handler.apply(event);
        return Outcome.APPLIED;
    }

    /** A record's event and the handler that acts on it. */
    record Handled(InboundEvent<?> event, EventHandlers.Handler<?> handler) {
    }

    /**
     * Parses a record for {@code handlers}: its event and handler, or null when they do not handle
     * its type or do not act on it. The one place a poll's record, a batch's and a parked one are read.
     */
    static Handled handled(InboundRecord record, EventMetadata metadata, EventHandlers handlers) {
        EventHandlers.Handler<?> handler = handlers.forType(metadata.type()).orElse(null);
        if (handler == null) {
            return null;
        }
        ClinicEvent payload = parse(record, handler);
        return handler.actsOn(payload) ? new Handled(new InboundEvent<>(metadata, payload), handler) : null;
    }

    /** Records a poll's record given up on and puts it on the dead-letter topic, in one transaction; a stored one stays. */
    private void giveUp(InboundRecord record, String consumer, EventMetadata metadata, String reason, Delivery delivery) {
        if (delivery == Delivery.STORED) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            deadLetters.record(consumer, metadata, record, reason);
            deadLetters.toTopic(record, reason);
        });
    }

    static String key(InboundEvent<?> event) {
        return event.event().applicantId().toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    /** A handler's own failure after the last attempt: carried out of the traced, correlated block. */
    private static final class HandlerFailed extends RuntimeException {

        HandlerFailed(RuntimeException failure) {
            super(failure);
        }

        RuntimeException failure() {
            return (RuntimeException) getCause();
        }
    }
}
