package org.clinicflow.events.intake;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.clinicflow.events.ClinicEvent;

/**
 * Intake registered an applicant. Carries identifiers and routing facts only (category,
 * language, site, household): never a name, a date of birth, an A-number or a phone number.
 * The category code is what the document service needs to open the right checklist.
 *
 * @param householdId the family the applicant moves through the clinic with, if any
 * @param siteId the clinic site (or shelter) the applicant is served at
 * @param category I-765 eligibility category code: c8, c11, a12 or c19
 * @param preferredLanguage BCP 47 language tag, e.g. es or ht
 * @param priorEad whether the applicant held a work permit before (added in v1, may be null from older producers)
 * @param feeWaiverClaimed whether a fee waiver is claimed, so its evidence is checked (added in v1, may be null)
 */
public record ApplicantRegisteredV1(UUID applicantId, UUID householdId, String siteId, String category,
        String preferredLanguage, Instant registeredAt, Boolean priorEad, Boolean feeWaiverClaimed) implements ClinicEvent {

    public ApplicantRegisteredV1 {
        Objects.requireNonNull(applicantId, "applicantId");
    }
}
