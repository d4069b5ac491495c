package org.clinicflow.events.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.clinicflow.events.ClinicEvent;

/**
 * The applicant waits for a booking: no suitable slot was free, or eligibility does not let them
 * be booked yet. They are booked as soon as both allow.
 *
 * @param reason why they wait (added 2026-11-30; absent from older producers, read as
 *        {@code no-free-slot}): {@code no-free-slot}, {@code not-yet-eligible},
 *        {@code on-hold}, {@code not-eligible}, {@code eligibility-undetermined} or
 *        {@code eligibility-pending}
 * @param eligibleFrom for {@code not-yet-eligible}, the first date they may file (added 2026-11-30)
 */
public record ApplicantWaitlistedV1(UUID applicantId, String siteId, String preferredLanguage, Instant waitlistedAt,
        String reason, LocalDate eligibleFrom) implements ClinicEvent {

    public ApplicantWaitlistedV1 {
        Objects.requireNonNull(applicantId, "applicantId");
    }
}
