package org.clinicflow.intake.certification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.clinicflow.intake.applicant.Applicant;
import org.clinicflow.intake.applicant.CaseAccess;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.clinicflow.web.security.ClinicRoles;

/**
 * The certifications of a case (I-765 Parts 3 to 5): record one as it is given, list all with
 * the ones in force marked. Caseworkers of the case's site. Tested by {@code FilingApiTest}.
 */
@Path("/api/applicants/{id}/certifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ClinicRoles.CASEWORKER)
public class CertificationResource {

    private final Certifications certifications;
    private final CaseAccess access;

    CertificationResource(Certifications certifications, CaseAccess access) {
        this.certifications = certifications;
        this.access = access;
    }

    @GET
    @Transactional
    public List<CertificationView> list(@PathParam("id") String id) {
        Applicant a = access.require(id);
        Set<UUID> inForce = certifications.current(a.id).values().stream().map(c -> c.id).collect(Collectors.toSet());
        return certifications.history(a.id).stream().map(c -> CertificationView.of(c, inForce.contains(c.id))).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response record(@PathParam("id") String id, CertificationRequest request) {
        if (request == null) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.FieldError("body", "is required"))));
        }
        Applicant a = access.require(id);
        if (a.stage().isFinal()) {
            throw new ProblemException(Problem.of(Response.Status.CONFLICT, "case-closed", "The case is already " + a.stageCode + "."));
        }
        return Response.status(Response.Status.CREATED).entity(CertificationView.of(certifications.record(a, request, access.actor()), true))
                .build();
    }
}
