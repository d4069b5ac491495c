package org.clinicflow.messaging.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.clinicflow.events.cloudevents.EventMetadata;
import org.clinicflow.messaging.CorrelationContext;
import org.clinicflow.messaging.MessagingConfig;
import org.clinicflow.messaging.metrics.MessagingMetrics;
import org.jboss.logging.Logger;

/**
 * Applies parked events when they are due: the head of each applicant's queue, oldest first,
 * each in one transaction that locks it ({@code FOR UPDATE SKIP LOCKED}, so replicas share the
 * work), records it in the inbox, runs the consumer's handler and deletes it. A head that is
 * still early is tried again with backoff; one parked longer than the bound, or failing for
 * its own reasons after the configured attempts, goes to the dead-letter topic with its reason
 * and stops holding the queue. Woken at once by {@link Parking#release}, otherwise it looks
 * every poll interval. Tested by {@code ParkingTest}.
 */
@ApplicationScoped
public class ParkingRedriver {

    private static final Logger LOG = Logger.getLogger(ParkingRedriver.class);

    private final ParkedEvents parked;
    private final DeadLetters deadLetters;
    private final EventConsumers consumers;
    private final InboxProcessor processor;
    private final MessagingConfig config;
    private final MessagingMetrics metrics;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    ParkingRedriver(ParkedEvents parked, DeadLetters deadLetters, EventConsumers consumers, InboxProcessor processor,
            MessagingConfig config, MessagingMetrics metrics) {
        this.parked = parked;
        this.deadLetters = deadLetters;
        this.consumers = consumers;
        this.processor = processor;
        this.config = config;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        thread = new Thread(this::run, "parking-redriver");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(Duration.ofSeconds(10).toMillis());
        }
    }

    /** Look now instead of at the next poll. */
    public void wake() {
        wakeUp.release();
    }

    private void run() {
        long backoff = 100;
        while (running) {
            try {
                while (running && redriveOne()) {
                    backoff = 100;
                }
                wakeUp.tryAcquire(config.inbox().parking().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                // The database is away: back off, as the relay does.
                LOG.warnf("parking redriver failed, retrying in %d ms: %s", backoff, e.toString());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, config.inbox().maxBackoff().toMillis());
            }
        }
    }

    /** Tries the oldest due head; false when none is due. */
    boolean redriveOne() {
        AtomicReference<ParkedEvents.Parked> head = new AtomicReference<>();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                ParkedEvents.Parked next = parked.lockDueHead();
                if (next == null) {
                    return false;
                }
                head.set(next);
                apply(next);
                parked.delete(next.id());
                return true;
            });
        } catch (RuntimeException e) {
            ParkedEvents.Parked failed = head.get();
            if (failed == null || TransientFailure.causedBy(e)) {
                throw e;
            }
            QuarkusTransaction.requiringNew().run(() -> notYet(failed, e));
            return true;
        }
    }

    private void apply(ParkedEvents.Parked head) {
        EventConsumer consumer = consumers.named(head.consumer());
        InboxProcessor.Handled handled = InboxProcessor.handled(head.record(),
                EventMetadata.fromHeaders(head.record().headers()), consumer.handlers());
        if (handled == null) {
            metrics.inbound(head.consumer(), "ignored");
            return; // the consumer no longer handles this type, or no longer acts on this event
        }
        InboxProcessor.Outcome outcome = CorrelationContext.with(handled.event().metadata().correlationId(),
                () -> processor.applyInTransaction(handled.event(), handled.handler(), head.consumer()));
        metrics.inbound(head.consumer(), outcome.name().toLowerCase());
        LOG.infof("applied parked %s %s (%s) after %s", head.eventType(), head.eventId(), outcome.name().toLowerCase(),
                Duration.between(head.parkedAt(), Instant.now()));
    }

    /** The head could not be applied: wait longer, or give up on it. */
    private void notYet(ParkedEvents.Parked head, RuntimeException failure) {
        ArrivedEarly early = ArrivedEarly.in(failure);
        String reason = early != null ? "waiting for " + early.waitingFor() : StoredRecords.describe(failure);
        boolean expired = Duration.between(head.parkedAt(), Instant.now()).compareTo(config.inbox().parking().bound()) > 0;
        boolean hopeless = early == null && head.attempts() + 1 >= config.inbox().maxAttempts();
        if (expired || hopeless) {
            String why = expired ? "parked longer than " + config.inbox().parking().bound() + ", " + reason : reason;
            parked.delete(head.id());
            deadLetters.record(head.consumer(), metadataOf(head), head.record(), why);
            deadLetters.toTopic(head.record(), why);
            metrics.deadLettered(head.consumer(), expired ? "parked-too-long" : "failed");
            LOG.warnf("dead-lettering parked %s %s: %s", head.eventType(), head.eventId(), why);
            return;
        }
        parked.retryLater(head.id(), early == null ? null : early.waitingFor(), reason, backoff(head.attempts()));
    }

    private Duration backoff(int attempts) {
        Duration first = config.inbox().parking().firstRetry();
        Duration max = config.inbox().parking().maxRetry();
        long millis = first.toMillis() << Math.min(attempts, 20);
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }

    private static org.clinicflow.events.cloudevents.EventMetadata metadataOf(ParkedEvents.Parked head) {
        return org.clinicflow.events.cloudevents.EventMetadata.fromHeaders(head.record().headers());
    }
}
