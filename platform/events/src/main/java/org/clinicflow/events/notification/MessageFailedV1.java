package org.clinicflow.events.notification;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.clinicflow.events.ClinicEvent;

/**
 * The SMS could not be delivered; {@code errorCode} is the provider's code.
 */
public record MessageFailedV1(UUID applicantId, UUID messageId, String errorCode, Instant failedAt) implements ClinicEvent {

    public MessageFailedV1 {
        Objects.requireNonNull(applicantId, "applicantId");
    }
}
