package org.clinicflow.intake.task;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.clinicflow.intake.applicant.Applicant;
import org.clinicflow.intake.applicant.CaseAccess;
import org.clinicflow.intake.audit.AuditLog;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.clinicflow.web.security.ClinicRoles;

/**
 * {@code GET /api/applicants/{id}/tasks}: one case's tasks, open first (audited);
 * {@code POST /api/applicants/{id}/tasks/{taskId}/done} with {@code {doneOn}}: ticked off,
 * audited. Caseworkers of the case's site. Tested by {@code AfterFilingTest}.
 */
@Path("/api/applicants/{id}/tasks")
@RolesAllowed(ClinicRoles.CASEWORKER)
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    private final CaseTasks tasks;
    private final CaseAccess access;
    private final AuditLog audit;

    TaskResource(CaseTasks tasks, CaseAccess access, AuditLog audit) {
        this.tasks = tasks;
        this.access = access;
        this.audit = audit;
    }

    @GET
    @Transactional
    public List<TaskView> ofCase(@PathParam("id") String id) {
        Applicant a = access.require(id);
        audit.record(a.id, access.actor(), "read-tasks", null);
        return tasks.of(a.id).stream().map(t -> TaskView.of(t, a.givenName + " " + a.familyName, a.siteId)).toList();
    }

    @POST
    @Path("/{taskId}/done")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public TaskView done(@PathParam("id") String id, @PathParam("taskId") String taskId,
            @Valid @NotNull(message = "is required") TaskDoneRequest request) {
        Applicant a = access.require(id);
        UUID task;
        try {
            task = UUID.fromString(taskId);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.about(Response.Status.NOT_FOUND, "not-found", "taskId", "no such task on this case"));
        }
        return TaskView.of(tasks.done(a, task, request.doneOn(), access.actor()), a.givenName + " " + a.familyName, a.siteId);
    }
}
