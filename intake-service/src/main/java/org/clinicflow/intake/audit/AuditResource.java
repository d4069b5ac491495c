package org.clinicflow.intake.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.clinicflow.web.security.ClinicRoles;

/** {@code GET /api/audit?applicant=ID}: a case's audit trail, oldest first. Supervisors only. */
@Path("/api/audit")
@RolesAllowed(ClinicRoles.SUPERVISOR)
public class AuditResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<AuditEntry> forApplicant(@QueryParam("applicant") String applicant) {
        UUID id;
        try {
            id = UUID.fromString(applicant == null ? "" : applicant);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.FieldError("applicant", "must be an applicant id"))));
        }
        return AuditEntry.list("applicantId = ?1 order by at, id", id);
    }
}
