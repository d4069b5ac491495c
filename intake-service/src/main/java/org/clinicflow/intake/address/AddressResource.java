package org.clinicflow.intake.address;

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
import org.clinicflow.intake.applicant.Applicant;
import org.clinicflow.intake.applicant.CaseAccess;
import org.clinicflow.intake.audit.AuditLog;
import org.clinicflow.web.security.ClinicRoles;

/**
 * A case's mailing addresses: {@code GET /api/applicants/{id}/addresses} (the history, newest
 * first, audited) and {@code POST} (a move: {@code {address, movedOn}}). Caseworkers of the
 * case's site. Tested by {@code AfterFilingTest}.
 */
@Path("/api/applicants/{id}/addresses")
@RolesAllowed(ClinicRoles.CASEWORKER)
@Produces(MediaType.APPLICATION_JSON)
public class AddressResource {

    private final AddressBook book;
    private final CaseAccess access;
    private final AuditLog audit;

    AddressResource(AddressBook book, CaseAccess access, AuditLog audit) {
        this.book = book;
        this.access = access;
        this.audit = audit;
    }

    @GET
    @Transactional
    public List<AddressView> history(@PathParam("id") String id) {
        Applicant a = access.require(id);
        audit.record(a.id, access.actor(), "read-addresses", null);
        return book.history(a.id).stream().map(AddressView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response move(@PathParam("id") String id, @Valid @NotNull(message = "is required") MoveRequest request) {
        Applicant a = access.require(id);
        MailingAddress stored = book.move(a, request.address(), request.movedOn(), access.actor());
        return Response.status(Response.Status.CREATED).entity(AddressView.of(stored)).build();
    }
}
