package org.clinicflow.scheduling.applicant;

import java.time.LocalDate;

/**
 * Whether intake's eligibility lets an applicant be booked, and from which date: eligible (from
 * the earliest filing date, if one is given) and not yet eligible (from that date) open the gate;
 * on hold, not eligible, undetermined, or no decision heard yet keep it shut, with the reason
 * the waitlist shows. A supervisor's approval (overridden) opens it from today, except against a
 * policy hold, which only the hold's lift ends. Pure; tested by {@code EligibilityGatingTest}.
 *
 * @param from the first date a slot may be on; null for any
 */
public record EligibilityGate(boolean open, LocalDate from, String reason) {

    public static final String PENDING = "eligibility-pending";
    public static final String NOT_YET = "not-yet-eligible";
    public static final String ON_HOLD = "on-hold";
    public static final String NOT_ELIGIBLE = "not-eligible";
    public static final String UNDETERMINED = "eligibility-undetermined";

    public static EligibilityGate of(KnownApplicant known) {
        if (known == null || known.eligibilityStatus == null) {
            return new EligibilityGate(false, null, PENDING);
        }
        if (known.holdReference != null) {
            return new EligibilityGate(false, null, ON_HOLD);
        }
        if (known.overridden) {
            return new EligibilityGate(true, null, null);
        }
        return switch (known.eligibilityStatus) {
            case "eligible" -> new EligibilityGate(true, known.eligibleFrom, null);
            case "not_yet" -> new EligibilityGate(known.eligibleFrom != null, known.eligibleFrom,
                    known.eligibleFrom != null ? null : UNDETERMINED);
            case "on_hold" -> new EligibilityGate(false, null, ON_HOLD);
            case "ineligible" -> new EligibilityGate(false, null, NOT_ELIGIBLE);
            default -> new EligibilityGate(false, null, UNDETERMINED);
        };
    }
}
