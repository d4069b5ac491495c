package org.clinicflow.intake.eligibility;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer for one applicant on one filing date: whether the I-765 can be filed now, the
 * earliest filing date, dates that limit it, the fees owed, the reasons in words a caseworker
 * can act on, and the ids of the rules that decided it.
 */
public record EligibilityDecision(String category, Status status, boolean eligibleNow, LocalDate filingDate,
        LocalDate earliestFilingDate, LocalDate earliestGrantDate, LocalDate validUntil,
        LocalDate asylumFilingDeadline, List<String> reasons, Fees fees, List<String> ruleIds, String ruleBookVersion) {

    /** Whether the applicant can file now, later, never in this category, or needs a person to look. */
    public enum Status {
        ELIGIBLE, NOT_YET, INELIGIBLE, ON_HOLD, UNDETERMINED
    }

    /** One fee line and whether a fee waiver can remove it. */
    public record FeeLine(String ruleId, String description, int amountUsd, boolean waivable) {
    }

    /** The fees owed on the filing date: every line, their total, what a waiver removes, and what is owed. */
    public record Fees(List<FeeLine> lines, int totalUsd, int waivableUsd, boolean waiverClaimed, int owedUsd) {
    }
}
