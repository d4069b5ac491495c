package org.clinicflow.events.notification;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.clinicflow.events.ClinicEvent;

/**
 * The applicant's phone opted back in (START).
 */
public record ApplicantOptedInV1(UUID applicantId, Instant optedInAt) implements ClinicEvent {

    public ApplicantOptedInV1 {
        Objects.requireNonNull(applicantId, "applicantId");
    }
}
