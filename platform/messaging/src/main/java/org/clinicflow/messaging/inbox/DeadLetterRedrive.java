package org.clinicflow.messaging.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.clinicflow.events.cloudevents.EventMetadata;
import org.clinicflow.events.cloudevents.InvalidEventException;
import org.jboss.logging.Logger;

/**
 * Re-drives a dead letter after a fix: the stored record goes through the same path as a
 * Kafka delivery of its consumer (the inbox still skips an event applied before, a missing
 * prerequisite parks it), and the outcome is written on the dead letter; a record that fails
 * again stays open with the new reason. Tested by {@code ParkingTest}.
 */
@ApplicationScoped
public class DeadLetterRedrive {

    private static final Logger LOG = Logger.getLogger(DeadLetterRedrive.class);

    private final DeadLetters deadLetters;
    private final EventConsumers consumers;
    private final InboxProcessor processor;

    DeadLetterRedrive(DeadLetters deadLetters, EventConsumers consumers, InboxProcessor processor) {
        this.deadLetters = deadLetters;
        this.consumers = consumers;
        this.processor = processor;
    }

    /** The outcome (applied, duplicate, ignored, parked, or failed: reason); empty when no such dead letter is open. */
    public Optional<String> redrive(long id, String actor) {
        DeadLetters.DeadLetter letter = QuarkusTransaction.requiringNew().call(() -> deadLetters.find(id));
        if (letter == null || letter.redrivenAt() != null) {
            return Optional.empty();
        }
        EventConsumer consumer = consumers.named(letter.consumer());
        String outcome;
        try {
            outcome = processor.process(letter.record(), consumer.consumerName(), consumer.handlers(), InboxProcessor.Delivery.STORED).name()
                    .toLowerCase();
            String done = outcome;
            QuarkusTransaction.requiringNew().run(() -> deadLetters.redriven(id, done));
        } catch (RuntimeException e) {
            String reason = StoredRecords.describe(e);
            outcome = "failed: " + reason;
            QuarkusTransaction.requiringNew().run(() -> deadLetters.record(letter.consumer(), metadata(letter), letter.record(),
                    reason));
        }
        LOG.infof("dead letter %d (%s %s) re-driven by %s: %s", id, letter.eventType(), letter.eventId(), actor, outcome);
        return Optional.of(outcome);
    }

    private static EventMetadata metadata(DeadLetters.DeadLetter letter) {
        try {
            return EventMetadata.fromHeaders(letter.record().headers());
        } catch (InvalidEventException e) {
            return null;
        }
    }
}
