package org.clinicflow.events.intake;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.clinicflow.events.ClinicEvent;

/**
 * The applicant left the clinic's process (moved away, filed elsewhere, asked to stop).
 * Consumers stop their work for the applicant: appointments are released, messages stop.
 *
 * @param reason a reason code such as {@code moved}, {@code filed-elsewhere}, {@code requested}
 */
public record ApplicantWithdrawnV1(UUID applicantId, String reason, Instant withdrawnAt) implements ClinicEvent {

    public ApplicantWithdrawnV1 {
        Objects.requireNonNull(applicantId, "applicantId");
    }
}
