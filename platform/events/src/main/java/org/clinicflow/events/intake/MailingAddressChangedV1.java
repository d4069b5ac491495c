package org.clinicflow.events.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.clinicflow.events.ClinicEvent;

/**
 * A caseworker recorded that the applicant moved (one at a time, or a shelter's residents at
 * once). No address: only the date of the move and whether it came after the case was filed
 * (then USCIS must be told: AR-11 and the pending case, within 10 days).
 */
public record MailingAddressChangedV1(UUID applicantId, LocalDate movedOn, boolean afterFiling, Instant recordedAt)
        implements ClinicEvent {

    public MailingAddressChangedV1 {
        Objects.requireNonNull(applicantId, "applicantId");
    }
}
