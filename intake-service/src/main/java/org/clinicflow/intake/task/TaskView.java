package org.clinicflow.intake.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A task as the API shows it: the case it is on (id, name, site), what to do, and whether it is done. */
public record TaskView(UUID id, UUID applicantId, String applicantName, String siteId, String kind, String title, String detail,
        LocalDate dueOn, Instant createdAt, LocalDate doneOn, String doneBy) {

    static TaskView of(CaseTask t, String name, String siteId) {
        String title = TaskKind.ofCode(t.kind).map(TaskKind::title).orElse(t.kind);
        return new TaskView(t.id, t.applicantId, name, siteId, t.kind, title, t.detail, t.dueOn, t.createdAt, t.doneOn, t.doneBy);
    }
}
