package org.clinicflow.intake.filing;

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
import org.clinicflow.intake.applicant.Applicant;
import org.clinicflow.intake.applicant.CaseAccess;
import org.clinicflow.web.security.ClinicRoles;

/**
 * The end of the visit: the filing packet (a PDF, only for a complete case), the filing, and
 * USCIS's receipt number. Caseworkers of the case's site; every packet download is audited.
 * Tested by {@code FilingApiTest}.
 */
@Path("/api/applicants/{id}")
@RolesAllowed(ClinicRoles.CASEWORKER)
public class FilingResource {

    /** The case's filing state after a change. */
    public record Filing(String stage, java.time.LocalDate filedOn, String method, String feeStatus, String receiptNumber) {

        static Filing of(Applicant a) {
            return new Filing(a.stageCode, a.filedOn, a.filedMethod, a.feeStatus, a.receiptNumber);
        }
    }

    private final Packets packets;
    private final FilingService filing;
    private final CaseAccess access;

    FilingResource(Packets packets, FilingService filing, CaseAccess access) {
        this.packets = packets;
        this.filing = filing;
        this.access = access;
    }

    @GET
    @Path("/packet")
    @Produces({ "application/pdf", MediaType.APPLICATION_JSON })
    @Transactional
    public Response packet(@PathParam("id") String id) {
        Applicant a = access.require(id);
        byte[] pdf = packets.render(a, access.actor());
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"i765-packet-" + a.id.toString().substring(0, 8) + ".pdf\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Path("/filing")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Filing file(@PathParam("id") String id, @Valid @NotNull(message = "is required") FilingRequest request) {
        Applicant a = access.require(id);
        filing.file(a, request, access.actor());
        return Filing.of(a);
    }

    @POST
    @Path("/receipt")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Filing receipt(@PathParam("id") String id, @Valid @NotNull(message = "is required") ReceiptRequest request) {
        Applicant a = access.require(id);
        filing.receipt(a, request, access.actor());
        return Filing.of(a);
    }
}
