package org.clinicflow.portal.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What a new rule row would change among the open cases, before it is added (intake's preview). */
public record RulePreview(String ruleId, LocalDate effectiveFrom, int reviewed, int changedCount, List<ChangedCase> changed) {

    /** One case whose decision changes: before and after. */
    public record ChangedCase(UUID applicantId, String siteId, String category, Answer before, Answer after) {
    }

    /** A decision in brief: status, earliest filing date, fee owed. */
    public record Answer(String status, LocalDate earliestFilingDate, int owedUsd) {
    }
}
