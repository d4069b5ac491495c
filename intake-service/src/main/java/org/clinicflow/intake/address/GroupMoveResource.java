package org.clinicflow.intake.address;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.clinicflow.web.security.ClinicRoles;
import org.clinicflow.web.security.SiteScope;

/**
 * {@code POST /api/address-moves}: many people to one address on one day ({@code {applicantIds,
 * address, movedOn}}), as when a shelter closes. Tested by {@code AfterFilingTest}.
 */
@Path("/api/address-moves")
@RolesAllowed(ClinicRoles.CASEWORKER)
@Produces(MediaType.APPLICATION_JSON)
public class GroupMoveResource {

    private final GroupMoves groupMoves;
    private final SiteScope scope;

    GroupMoveResource(GroupMoves groupMoves, SiteScope scope) {
        this.groupMoves = groupMoves;
        this.scope = scope;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public GroupMoves.Result move(@Valid @NotNull(message = "is required") GroupMoveRequest request) {
        return groupMoves.move(request, scope);
    }
}
