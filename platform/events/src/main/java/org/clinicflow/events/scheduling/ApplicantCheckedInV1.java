package org.clinicflow.events.scheduling;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.clinicflow.events.ClinicEvent;

/**
 * The applicant arrived at the clinic and was checked in.
 */
public record ApplicantCheckedInV1(UUID applicantId, UUID appointmentId, String siteId, Instant checkedInAt) implements ClinicEvent {

    public ApplicantCheckedInV1 {
        Objects.requireNonNull(applicantId, "applicantId");
    }
}
