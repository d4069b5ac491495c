package org.clinicflow.events.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.clinicflow.events.ClinicEvent;

/**
 * The applicant's I-765 was filed: on which date, how ({@code paper} or {@code online}) and
 * how its fee was met ({@code paid} or {@code waiver-requested}). No answer of the form and no
 * amount travels: consumers learn only that the case left the clinic's hands.
 */
public record CaseFiledV1(UUID applicantId, LocalDate filedOn, String method, String feeStatus, Instant filedAt)
        implements ClinicEvent {

    public CaseFiledV1 {
        Objects.requireNonNull(applicantId, "applicantId");
    }
}
