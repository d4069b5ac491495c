package org.clinicflow.events.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.clinicflow.events.ClinicEvent;

/**
 * Intake's eligibility decision for a case changed: on registration, after a correction, when a
 * clock moves the date past a threshold (a daily review), when a rule changes, and when a case
 * is put on hold or released. Consumers gate on it: scheduling books only an applicant who may
 * file on the slot's date; notification tells a held applicant, once per hold, to contact the
 * clinic. Codes and dates only: the reasons in words stay in intake.
 *
 * @param status {@code eligible}, {@code not_yet}, {@code ineligible}, {@code on_hold} or {@code undetermined}
 * @param earliestFilingDate the first date the I-765 may be filed; null when not known or never
 * @param validUntil the last date a work permit in this category could run to, when the rules cap it
 * @param holdReference what put the case on hold (a policy action's id, or {@code case} for a
 *        caseworker's hold); null unless on hold
 * @param overridden a supervisor approved booking despite the decision (audited in intake)
 * @param ruleIds the rule-book rows that decided it
 */
public record EligibilityDecidedV1(UUID applicantId, String status, LocalDate earliestFilingDate, LocalDate validUntil,
        String holdReference, boolean overridden, List<String> ruleIds, String ruleBookVersion, Instant decidedAt)
        implements ClinicEvent {

    public EligibilityDecidedV1 {
        Objects.requireNonNull(applicantId, "applicantId");
        Objects.requireNonNull(status, "status");
        ruleIds = ruleIds == null ? List.of() : List.copyOf(ruleIds);
    }
}
