package org.clinicflow.portal.api;

import java.time.LocalDate;
import java.util.List;

/**
 * intake-service's eligibility decision ({@code EligibilityDecision}): the category's status, the
 * dates that matter, why, and the fees owed on the filing date line by line.
 */
public record Eligibility(String category, String status, boolean eligibleNow, LocalDate filingDate, LocalDate earliestFilingDate,
        LocalDate earliestGrantDate, LocalDate validUntil, List<String> reasons, Fees fees, String ruleBookVersion) {

    /** Every fee line, their total, what a waiver removes, and what is owed. */
    public record Fees(List<FeeLine> lines, int totalUsd, int waivableUsd, boolean waiverClaimed, int owedUsd) {
    }

    /** One fee: its rule, what it is, the amount in whole dollars, and whether a waiver removes it. */
    public record FeeLine(String ruleId, String description, int amountUsd, boolean waivable) {
    }

    public boolean notYet() {
        return "NOT_YET".equals(status);
    }
}
