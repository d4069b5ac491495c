package org.clinicflow.events.notification;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.clinicflow.events.ClinicEvent;

/**
 * The applicant answered an SMS with a recognised intent (confirm, reschedule, cancel), in any
 * supported language. The reply's text itself is not carried.
 */
public record ApplicantRepliedV1(UUID applicantId, ReplyIntent intent, Instant receivedAt) implements ClinicEvent {

    public ApplicantRepliedV1 {
        Objects.requireNonNull(applicantId, "applicantId");
    }
}
