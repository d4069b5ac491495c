package org.clinicflow.events.scheduling;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.clinicflow.events.ClinicEvent;

/**
 * No suitable slot was free: the applicant waits and is booked as soon as capacity appears.
 */
public record ApplicantWaitlistedV1(UUID applicantId, String siteId, String preferredLanguage, Instant waitlistedAt) implements ClinicEvent {

    public ApplicantWaitlistedV1 {
        Objects.requireNonNull(applicantId, "applicantId");
    }
}
