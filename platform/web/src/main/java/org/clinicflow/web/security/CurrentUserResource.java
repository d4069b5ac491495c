package org.clinicflow.web.security;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code GET /api/me}: who the service thinks the caller is (user name, the clinic roles it
 * recognised, the site claim). The portal uses it to show only the actions a user may take;
 * operators use it to check a realm's role mapping against a service. Any signed-in user.
 */
@Path("/api/me")
@Authenticated
public class CurrentUserResource {

    private static final Set<String> CLINIC_ROLES = Set.of(ClinicRoles.CASEWORKER, ClinicRoles.SUPERVISOR,
            ClinicRoles.CLINIC_ADMIN);

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    CurrentUserResource(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** The caller as this service sees it. */
    public record CurrentUser(String username, List<String> roles, String siteId) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public CurrentUser me() {
        Set<String> roles = new TreeSet<>(identity.getRoles());
        roles.retainAll(CLINIC_ROLES);
        String site = token.getClaim("site");
        return new CurrentUser(identity.getPrincipal().getName(), List.copyOf(roles), site);
    }
}
