package org.clinicflow.intake.applicant;

import java.time.LocalDate;
import org.clinicflow.intake.eligibility.ApplicantFacts;

/**
 * What a caseworker (or a roster row) submits to register or correct an applicant. Field names
 * are the API's contract. Values are checked by {@link ApplicantValidator}, all at once, so a
 * caseworker sees every problem in one answer.
 *
 * @param aNumber optional; "A" and 7 to 9 digits, in any common spelling
 * @param clockStoppedDays asylum-clock days the applicant's own delays stopped (default 0)
 * @param lastArrivalOn date of the last arrival in the US, for the asylum one-year deadline
 * @param paroleProgram cbp-one, chnv, u4u, other: parole-program terminations are rules
 * @param priorEad whether the applicant held a work permit before (a renewal)
 */
public record ApplicantRequest(String givenName, String familyName, LocalDate dateOfBirth, String countryOfCitizenship,
        String preferredLanguage, String phone, String phoneRegion, Boolean smsConsent, String aNumber,
        String householdId, String siteId, String category, LocalDate asylumFiledOn, LocalDate asylumLodgedOn,
        Integer clockStoppedDays, LocalDate lastArrivalOn, LocalDate paroleEndDate, String paroleProgram,
        String tpsCountry, Boolean priorEad, ApplicantFacts.FeeWaiverBasis feeWaiverBasis,
        ApplicantFacts.FilingMethod filingMethod) {

    /**
     * The request that would produce this case as it stands (the A-number left out: it is only
     * ever replaced, never echoed): the base a correction is merged onto.
     */
    static ApplicantRequest of(Applicant a) {
        return new ApplicantRequest(a.givenName, a.familyName, a.dateOfBirth, a.countryOfCitizenship, a.preferredLanguage,
                a.phone, a.phoneRegion, a.smsConsent, null, a.householdId == null ? null : a.householdId.toString(),
                a.siteId, a.category, a.asylumFiledOn, a.asylumLodgedOn, a.clockStoppedDays, a.lastArrivalOn,
                a.paroleEndDate, a.paroleProgram, a.tpsCountry, a.priorEad, a.feeWaiverBasis, a.filingMethod);
    }

    /** Never prints the A-number or the person's details. */
    @Override
    public String toString() {
        return "ApplicantRequest[category=" + category + ", siteId=" + siteId + "]";
    }
}
