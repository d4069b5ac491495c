package org.clinicflow.intake.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.clinicflow.intake.applicant.Applicant;
import org.clinicflow.intake.audit.AuditLog;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.clinicflow.web.time.ClinicClock;

/**
 * Raises tasks (once per raising event and kind, in the caller's transaction) and ticks them off
 * with the date the work was done, audited. Tested by {@code AfterFilingTest}.
 */
@ApplicationScoped
public class CaseTasks {

    private final AuditLog audit;
    private final ClinicClock clock;

    CaseTasks(AuditLog audit, ClinicClock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void raise(UUID applicantId, TaskKind kind, UUID sourceEventId, LocalDate dueOn, String detail) {
        if (CaseTask.count("sourceEventId = ?1 and kind = ?2", sourceEventId, kind.code()) > 0) {
            return;
        }
        CaseTask task = new CaseTask();
        task.id = UUID.randomUUID();
        task.applicantId = applicantId;
        task.kind = kind.code();
        task.detail = detail;
        task.dueOn = dueOn;
        task.createdAt = clock.now();
        task.sourceEventId = sourceEventId;
        task.persist();
    }

    /** Ticks a task off: 404 when the case has no such task, 409 when it was done already. */
    @Transactional
    public CaseTask done(Applicant a, UUID taskId, LocalDate doneOn, String actor) {
        CaseTask task = CaseTask.findById(taskId);
        if (task == null || !task.applicantId.equals(a.id)) {
            throw new ProblemException(Problem.about(Response.Status.NOT_FOUND, "not-found", "taskId", "no such task on this case"));
        }
        if (task.doneOn != null) {
            throw new ProblemException(Problem.about(Response.Status.CONFLICT, "task-done", "taskId",
                    "was ticked off on " + task.doneOn + " by " + task.doneBy));
        }
        if (doneOn.isAfter(clock.today())) {
            throw new ProblemException(Problem.about(Response.Status.BAD_REQUEST, "invalid", "doneOn", "cannot be in the future"));
        }
        task.doneOn = doneOn;
        task.doneBy = actor;
        task.doneAt = clock.now();
        audit.record(a.id, actor, "close-task", task.kind + " done " + doneOn);
        return task;
    }

    /** The case's tasks, open first, newest first. */
    public List<CaseTask> of(UUID applicantId) {
        return CaseTask.list("applicantId = ?1 order by case when doneOn is null then 0 else 1 end, createdAt desc", applicantId);
    }
}
