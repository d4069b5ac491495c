package org.clinicflow.intake.roster;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.clinicflow.web.security.SiteScope;
import org.clinicflow.intake.audit.AuditLog;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.clinicflow.web.security.ClinicRoles;

/**
 * {@code POST /api/applicants/import} (body: the CSV, {@code text/csv}) answers 202 with the
 * import's status and its Location; the same file again answers 200 with the first import.
 * {@code GET /api/applicants/import/{id}} shows progress, counts and the rows that failed.
 */
@Path("/api/applicants/import")
@RolesAllowed(ClinicRoles.CASEWORKER)
@Produces(MediaType.APPLICATION_JSON)
public class RosterImportResource {

    private static final int MAX_BYTES = 20 * 1024 * 1024;

    private final RosterImports imports;
    private final SiteScope access;
    private final AuditLog audit;

    RosterImportResource(RosterImports imports, SiteScope access, AuditLog audit) {
        this.imports = imports;
        this.access = access;
        this.audit = audit;
    }

    @POST
    @Consumes({ "text/csv", MediaType.TEXT_PLAIN })
    public Response upload(byte[] content, @Context UriInfo uri) {
        if (content == null || content.length > MAX_BYTES) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.FieldError("file",
                    content == null ? "is required" : "is larger than 20 MB"))));
        }
        RosterImports.Submitted submitted = imports.submit(content, access.actor(), access.restrictedToSite());
        audit.record(null, access.actor(), "roster-import", submitted.rosterImport().id.toString());
        if (submitted.created()) {
            imports.start(submitted.rosterImport().id);
        }
        return Response.status(submitted.created() ? Response.Status.ACCEPTED : Response.Status.OK)
                .location(uri.getAbsolutePathBuilder().path(submitted.rosterImport().id.toString()).build())
                .entity(status(submitted.rosterImport().id)).build();
    }

    @GET
    @Path("/{id}")
    public RosterImports.Status get(@PathParam("id") String id) {
        try {
            return status(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw notFound(id);
        }
    }

    private RosterImports.Status status(UUID id) {
        return imports.status(id, access.restrictedToSite()).orElseThrow(() -> notFound(id.toString()));
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(Problem.of(Response.Status.NOT_FOUND, "not-found", "No roster import " + id));
    }
}
