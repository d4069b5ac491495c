package org.clinicflow.events.notification;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.clinicflow.events.ClinicEvent;

/**
 * The gateway accepted an SMS for the applicant. Never carries the phone number or the text.
 */
public record MessageSentV1(UUID applicantId, UUID messageId, String templateKey, Instant sentAt) implements ClinicEvent {

    public MessageSentV1 {
        Objects.requireNonNull(applicantId, "applicantId");
    }
}
