package org.clinicflow.intake.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Fees owed for a filing, keyed to the filing (postmark) date: every {@code fee} rule in force
 * for the category and the kind of filing (initial or renewal), at the paper or online amount;
 * a claimed waiver removes the waivable lines only. Pure; tested by {@code FeeCalculatorTest}.
 */
final class FeeCalculator {

    private FeeCalculator() {
    }

    static EligibilityDecision.Fees fees(RuleBook book, ApplicantFacts facts, LocalDate filingDate, List<String> ruleIds) {
        String filing = facts.priorEad() ? "renewal" : "initial";
        List<EligibilityDecision.FeeLine> lines = new ArrayList<>();
        for (Rule rule : book.inForce("fee", facts.category(), filingDate)) {
            if (!rule.filings().contains(filing)) {
                continue;
            }
            int amount = facts.filingMethod() == ApplicantFacts.FilingMethod.ONLINE ? rule.onlineUsd() : rule.paperUsd();
            lines.add(new EligibilityDecision.FeeLine(rule.id(), rule.description(), amount, Boolean.TRUE.equals(rule.waivable())));
            ruleIds.add(rule.id());
        }
        int total = lines.stream().mapToInt(EligibilityDecision.FeeLine::amountUsd).sum();
        int waivable = lines.stream().filter(EligibilityDecision.FeeLine::waivable)
                .mapToInt(EligibilityDecision.FeeLine::amountUsd).sum();
        boolean claimed = facts.feeWaiverBasis() != ApplicantFacts.FeeWaiverBasis.NONE;
        return new EligibilityDecision.Fees(List.copyOf(lines), total, waivable, claimed, claimed ? total - waivable : total);
    }
}
