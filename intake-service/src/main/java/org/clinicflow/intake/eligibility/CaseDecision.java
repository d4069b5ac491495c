package org.clinicflow.intake.eligibility;

import java.util.Locale;

/**
 * A saved case's eligibility as the clinic acts on it: the rule book's decision (fees as owed on
 * the date the case can be filed), overlaid with a policy hold and a supervisor's approval.
 *
 * @param holdReference the policy action that holds the case, or null
 * @param overridden a supervisor approved booking despite the decision
 */
public record CaseDecision(EligibilityDecision decision, String holdReference, boolean overridden) {

    /** The status the case's event carries: a hold wins over the rules' own answer. */
    public String statusCode() {
        EligibilityDecision.Status status = holdReference != null ? EligibilityDecision.Status.ON_HOLD : decision.status();
        return status.name().toLowerCase(Locale.ROOT);
    }

    /** All an announcement says, as one string: a new event goes out only when it changes. */
    String signature() {
        return String.join("|", statusCode(), String.valueOf(decision.earliestFilingDate()),
                String.valueOf(decision.validUntil()), String.valueOf(holdReference), String.valueOf(overridden),
                String.join(",", decision.ruleIds()));
    }
}
