package org.clinicflow.intake.identity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.clinicflow.web.security.ClinicRoles;
import org.clinicflow.web.security.SiteScope;

/**
 * The identity key rotation for clinic admins: {@code GET} counts what each key version holds
 * (the dry run), {@code POST .../rotate} re-seals everything under the current version. Tested
 * by {@code KeyRotationTest}.
 */
@Path("/api/admin/identity-keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ClinicRoles.CLINIC_ADMIN)
public class KeyRotationResource {

    private final KeyRotation rotation;
    private final SiteScope scope;

    KeyRotationResource(KeyRotation rotation, SiteScope scope) {
        this.rotation = rotation;
        this.scope = scope;
    }

    @GET
    public KeyRotation.Status status() {
        return rotation.status();
    }

    @POST
    @Path("/rotate")
    public KeyRotation.Status rotate() {
        return rotation.rotate(scope.actor());
    }
}
