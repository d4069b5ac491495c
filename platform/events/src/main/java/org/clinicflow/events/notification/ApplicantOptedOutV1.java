package org.clinicflow.events.notification;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.clinicflow.events.ClinicEvent;

/**
 * The applicant's phone replied with an opt-out keyword: no further SMS until it opts back in.
 */
public record ApplicantOptedOutV1(UUID applicantId, Instant optedOutAt) implements ClinicEvent {

    public ApplicantOptedOutV1 {
        Objects.requireNonNull(applicantId, "applicantId");
    }
}
