package org.clinicflow.events.documents;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.clinicflow.events.ClinicEvent;

/**
 * A caseworker rejected one checklist item, so the applicant is told what to bring. Carries
 * the reason code only, never the document's content or the caseworker's free note. A
 * rejection after {@link DocumentsReadyV1} withdraws readiness.
 *
 * @param reasonCode expired, illegible, name-mismatch, missing-page, not-original, ...
 */
public record DocumentRejectedV1(UUID applicantId, String documentType, String reasonCode, String checkedBy,
        Instant rejectedAt) implements ClinicEvent {

    public DocumentRejectedV1 {
        Objects.requireNonNull(applicantId, "applicantId");
    }
}
