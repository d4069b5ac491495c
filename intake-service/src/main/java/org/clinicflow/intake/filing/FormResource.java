package org.clinicflow.intake.filing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clinicflow.intake.applicant.Applicant;
import org.clinicflow.intake.applicant.CaseAccess;
import org.clinicflow.intake.audit.AuditLog;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.clinicflow.web.security.ClinicRoles;

/**
 * The I-765 of a case: read it with its completeness, save the preparer's answers (the whole
 * set each time; document numbers are write-only), and a supervisor's audited reveal of the
 * document numbers. Caseworkers of the case's site. Tested by {@code FilingApiTest}.
 */
@Path("/api/applicants/{id}/form")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ClinicRoles.CASEWORKER)
public class FormResource {

    private final FormService forms;
    private final FilingReadiness readiness;
    private final CaseAccess access;
    private final AuditLog audit;

    FormResource(FormService forms, FilingReadiness readiness, CaseAccess access, AuditLog audit) {
        this.forms = forms;
        this.readiness = readiness;
        this.access = access;
        this.audit = audit;
    }

    @GET
    @Transactional
    public FormView get(@PathParam("id") String id) {
        Applicant a = access.require(id);
        audit.record(a.id, access.actor(), "read-form", null);
        return view(a);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public FormView save(@PathParam("id") String id, FormRequest request) {
        if (request == null) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.FieldError("body", "is required"))));
        }
        Applicant a = access.require(id);
        if (a.stage().isFinal()) {
            throw new ProblemException(Problem.of(Response.Status.CONFLICT, "case-closed", "The case is already " + a.stageCode
                    + "; its form can no longer change."));
        }
        forms.save(a, request, access.actor());
        return view(a);
    }

    @POST
    @Path("/numbers/reveal")
    @RolesAllowed(ClinicRoles.SUPERVISOR)
    @Transactional
    public Map<String, String> reveal(@PathParam("id") String id) {
        return forms.reveal(access.require(id), access.actor());
    }

    private FormView view(Applicant a) {
        Optional<FormRecord> record = forms.find(a);
        return FormView.of(a, record, forms.answers(record), readiness.of(a));
    }
}
