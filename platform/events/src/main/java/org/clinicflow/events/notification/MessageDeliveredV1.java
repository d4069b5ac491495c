package org.clinicflow.events.notification;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.clinicflow.events.ClinicEvent;

/**
 * The carrier reported the SMS delivered.
 */
public record MessageDeliveredV1(UUID applicantId, UUID messageId, Instant deliveredAt) implements ClinicEvent {

    public MessageDeliveredV1 {
        Objects.requireNonNull(applicantId, "applicantId");
    }
}
