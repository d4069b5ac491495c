package org.clinicflow.intake.applicant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.clinicflow.intake.eligibility.ApplicantFacts;
import org.clinicflow.intake.eligibility.EligibilityDecision;
import org.clinicflow.intake.identity.ANumber;

/**
 * A case as the API shows it: the registration fields, the A-number masked ({@code A-•••••1234}),
 * the stage, and the eligibility decided for today ({@code eligibilityStatus} is what the clinic
 * acts on: a hold wins over the rules' answer). {@code eligibility} is left out of lists.
 */
public record ApplicantView(UUID id, String givenName, String familyName, LocalDate dateOfBirth,
        String countryOfCitizenship, String preferredLanguage, String phone, String phoneRegion, boolean smsConsent,
        String smsConsentRecordedBy, Instant smsConsentRecordedAt, String aNumber, UUID householdId, String siteId,
        String category, LocalDate asylumFiledOn, LocalDate asylumLodgedOn, int clockStoppedDays,
        LocalDate lastArrivalOn, LocalDate paroleEndDate, String paroleProgram, String tpsCountry, boolean priorEad,
        ApplicantFacts.FeeWaiverBasis feeWaiverBasis, ApplicantFacts.FilingMethod filingMethod, String stage,
        String holdReason, String receiptNumber, EligibilityDecision eligibility, Instant createdAt, Instant updatedAt,
        long version, String eligibilityStatus, String overrideApprovedBy, String overrideReason, LocalDate filedOn,
        String filedMethod, String feeStatus, String uscisStatus, String uscisStatusTitle, LocalDate uscisStatusDate) {

    static ApplicantView of(Applicant a, org.clinicflow.intake.eligibility.CaseDecision decision) {
        EligibilityDecision eligibility = decision == null ? null : decision.decision();
        return new ApplicantView(a.id, a.givenName, a.familyName, a.dateOfBirth, a.countryOfCitizenship,
                a.preferredLanguage, a.phone, a.phoneRegion, a.smsConsent, a.smsConsentRecordedBy, a.smsConsentRecordedAt,
                a.aNumberLast4 == null ? null : ANumber.mask(a.aNumberLast4), a.householdId, a.siteId, a.category,
                a.asylumFiledOn, a.asylumLodgedOn, a.clockStoppedDays, a.lastArrivalOn, a.paroleEndDate,
                a.paroleProgram, a.tpsCountry, a.priorEad, a.feeWaiverBasis, a.filingMethod, a.stageCode, a.holdReason,
                a.receiptNumber, eligibility, a.createdAt, a.updatedAt, a.version,
                decision == null ? a.eligibilityStatus : decision.statusCode(), a.overrideApprovedBy, a.overrideReason,
                a.filedOn, a.filedMethod, a.feeStatus, a.uscisStatus, a.uscisStatusTitle, a.uscisStatusDate);
    }
}
