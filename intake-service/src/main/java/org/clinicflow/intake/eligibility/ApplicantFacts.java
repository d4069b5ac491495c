package org.clinicflow.intake.eligibility;

import java.time.LocalDate;

/**
 * What eligibility is decided from: the category and its facts, whether the applicant held an
 * EAD before (renewal), the fee-waiver basis claimed and how the form is filed.
 *
 * @param clockStoppedDays days of asylum-clock delay the applicant caused (missed biometrics,
 *        requested reschedule): they do not count toward the 150 days
 */
public record ApplicantFacts(Category category, LocalDate asylumFiledOn, LocalDate asylumLodgedOn,
        int clockStoppedDays, LocalDate lastArrivalOn, LocalDate paroleEndDate, String paroleProgram,
        String tpsCountry, boolean priorEad, FeeWaiverBasis feeWaiverBasis, FilingMethod filingMethod) {

    public ApplicantFacts {
        feeWaiverBasis = feeWaiverBasis == null ? FeeWaiverBasis.NONE : feeWaiverBasis;
        filingMethod = filingMethod == null ? FilingMethod.PAPER : filingMethod;
    }

    /** Bases on which form I-912 waives a fee. */
    public enum FeeWaiverBasis {
        NONE, MEANS_TESTED_BENEFIT, INCOME_AT_OR_BELOW_150_PERCENT_FPG, FINANCIAL_HARDSHIP
    }

    /** Paper and online filings pay different base fees. */
    public enum FilingMethod {
        PAPER, ONLINE
    }
}
