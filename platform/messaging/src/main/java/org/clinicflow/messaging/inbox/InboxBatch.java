package org.clinicflow.messaging.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.clinicflow.events.cloudevents.EventMetadata;
import org.clinicflow.events.cloudevents.InvalidEventException;
import org.clinicflow.messaging.CorrelationContext;
import org.clinicflow.messaging.inbox.InboxProcessor.Delivery;
import org.clinicflow.messaging.inbox.InboxProcessor.Outcome;
import org.clinicflow.messaging.metrics.MessagingMetrics;
import org.clinicflow.messaging.tracing.InboundTracing;
import org.jboss.logging.Logger;

/**
 * Applies a whole poll in one transaction: its applicants locked in one order ({@link ApplicantLocks}),
 * one query for the applicants with parked events, one
 * multi-row inbox insert that also finds the duplicates, the consumer's own prefetch of the rows
 * its handlers will read ({@link EventHandlers.Builder#prefetch}), every handler, one commit. That is what
 * a surge needs (a transaction per record cost more than the records' own work). Any failure
 * inside rolls the batch back and each record is applied alone by {@link InboxProcessor}, with
 * its retries, parking and dead-lettering, in order, so one bad record costs its batch a second
 * pass and never its neighbours' effects; a record given up on goes to the dead-letter topic
 * through the outbox ({@link Delivery#BATCH}). A record that cannot be parsed is dead-lettered
 * before the batch runs. Tested on the real broker and database by {@code InboxBatchTest}, and
 * through every listener by the services' tests.
 */
@ApplicationScoped
public class InboxBatch {

    private static final Logger LOG = Logger.getLogger(InboxBatch.class);

    private final InboxProcessor single;
    private final ApplicantLocks locks;
    private final Inbox inbox;
    private final ParkedEvents parked;
    private final MessagingMetrics metrics;
    private final InboundTracing tracing;

    InboxBatch(InboxProcessor single, ApplicantLocks locks, Inbox inbox, ParkedEvents parked, MessagingMetrics metrics,
            InboundTracing tracing) {
        this.single = single;
        this.locks = locks;
        this.inbox = inbox;
        this.parked = parked;
        this.metrics = metrics;
        this.tracing = tracing;
    }

    /** A listener's entry point: one poll of its channel. */
    public void process(ConsumerRecords<String, byte[]> records, EventConsumer consumer) {
        List<InboundRecord> all = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            all.add(InboundRecord.of(record));
        }
        process(all, consumer.consumerName(), consumer.handlers());
    }

    /** Applies {@code records} (in poll order) for {@code consumer}; answers how many ended each way. */
    public Map<Outcome, Integer> process(List<InboundRecord> records, EventConsumer consumer) {
        return process(records, consumer.consumerName(), consumer.handlers());
    }

    private Map<Outcome, Integer> process(List<InboundRecord> records, String consumer, EventHandlers handlers) {
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        List<Parsed> parsed = new ArrayList<>(records.size());
        for (InboundRecord record : records) {
            Parsed event = parse(record, consumer, handlers, outcomes);
            if (event != null) {
                parsed.add(event);
            }
        }
        if (parsed.isEmpty()) {
            return outcomes;
        }
        try {
            Map<Outcome, Integer> applied = QuarkusTransaction.requiringNew().call(() -> applyAll(parsed, consumer, handlers));
            applied.forEach((outcome, n) -> {
                outcomes.merge(outcome, n, Integer::sum);
                metrics.inbound(consumer, outcome.name().toLowerCase(), n);
            });
        } catch (RuntimeException e) {
            LOG.debugf("a batch of %d records for %s rolled back (%s): applying them one by one", parsed.size(), consumer,
                    e.toString());
            metrics.batchSplit(consumer);
            for (Parsed event : parsed) {
                outcomes.merge(single.process(event.record(), consumer, handlers, Delivery.BATCH), 1, Integer::sum);
            }
        }
        return outcomes;
    }

    /** The record's event, or null when it is not for this consumer or cannot be read (then dead-lettered at once). */
    private Parsed parse(InboundRecord record, String consumer, EventHandlers handlers, Map<Outcome, Integer> outcomes) {
        try {
            EventMetadata metadata = EventMetadata.fromHeaders(record.headers());
            InboxProcessor.Handled handled = InboxProcessor.handled(record, metadata, handlers);
            if (handled == null) {
                metrics.inbound(consumer, "ignored");
                outcomes.merge(Outcome.IGNORED, 1, Integer::sum);
                return null;
            }
            return new Parsed(record, handled.event(), handled.handler(), InboxProcessor.key(handled.event()));
        } catch (InvalidEventException e) {
            // The single path records and dead-letters it exactly as it would on its own.
            outcomes.merge(single.process(record, consumer, handlers, Delivery.BATCH), 1, Integer::sum);
            return null;
        }
    }

    /** Inside the batch's transaction. */
    private Map<Outcome, Integer> applyAll(List<Parsed> events, String consumer, EventHandlers handlers) {
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        Set<String> keys = new LinkedHashSet<>();
        events.forEach(event -> keys.add(event.key()));
        locks.lockAll(keys);
        Set<String> queued = new HashSet<>(parked.queuedAmong(consumer, keys));
        // Events queued behind a parked one are not recorded in the inbox: they are applied when re-driven.
        List<EventMetadata> toRecord = events.stream().filter(event -> !queued.contains(event.key()))
                .map(event -> event.event().metadata()).toList();
        Set<UUID> first = inbox.firstDeliveries(toRecord, consumer);
        Set<UUID> toApply = new LinkedHashSet<>();
        events.stream().filter(event -> first.contains(event.event().metadata().id()))
                .forEach(event -> toApply.add(event.event().event().applicantId()));
        handlers.prefetch(toApply);
        for (Parsed event : events) {
            EventMetadata metadata = event.event().metadata();
            Outcome outcome;
            if (queued.contains(event.key())) {
                parked.park(consumer, event.key(), metadata, event.record(), ParkedEvents.BEHIND, java.time.Duration.ZERO);
                outcome = Outcome.PARKED;
            } else if (!first.remove(metadata.id())) {
                outcome = Outcome.DUPLICATE;
            } else {
                tracing.around(event.record().headers(), consumer, metadata.type(),
                        () -> CorrelationContext.with(metadata.correlationId(), () -> {
                            event.handler().apply(cast(event.event()));
                            return null;
                        }));
                outcome = Outcome.APPLIED;
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }
        return outcomes;
    }

    @SuppressWarnings("unchecked")
    private static <T extends org.clinicflow.events.ClinicEvent> InboundEvent<T> cast(InboundEvent<?> event) {
        return (InboundEvent<T>) event;
    }

    private record Parsed(InboundRecord record, InboundEvent<?> event, EventHandlers.Handler<?> handler, String key) {
    }
}
