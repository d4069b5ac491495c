package org.clinicflow.events.intake;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.clinicflow.events.ClinicEvent;

/**
 * Intake corrected an applicant's routing facts. Carries the current values of the same
 * fields as {@link ApplicantRegisteredV1} and the names of the fields that changed, so a
 * consumer can re-plan (a category change re-plans the checklist) without a lookup.
 */
public record ApplicantUpdatedV1(UUID applicantId, UUID householdId, String siteId, String category,
        String preferredLanguage, List<String> changedFields, Instant updatedAt, Boolean priorEad,
        Boolean feeWaiverClaimed) implements ClinicEvent {

    public ApplicantUpdatedV1 {
        Objects.requireNonNull(applicantId, "applicantId");
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }
}
