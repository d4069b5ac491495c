package org.clinicflow.events.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.clinicflow.events.ClinicEvent;

/**
 * USCIS's status of a filed case changed, as the tracking service read it from the Case Status
 * API. {@code status} is the clinic's code for it (see {@link UscisStatus}); {@code uscisStatus}
 * is USCIS's English title as worded (kept so an unknown wording can be read by a person; titles
 * name no category); {@code statusDate} is USCIS's modified date when it gave one. No receipt
 * number: every consumer knows the case by its applicant id.
 */
public record CaseStatusChangedV1(UUID applicantId, String status, String uscisStatus, LocalDate statusDate,
        Instant observedAt) implements ClinicEvent {

    public CaseStatusChangedV1 {
        Objects.requireNonNull(applicantId, "applicantId");
        Objects.requireNonNull(status, "status");
    }
}
