package org.clinicflow.portal.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is looking at the page: name, site and roles from the signed-in user's tokens. Pages show
 * or hide actions with it; the services enforce the same roles on every call, so hiding is a
 * courtesy, never the protection. Role names are the realm's (caseworker, supervisor, clinic-admin).
 */
@RequestScoped
@io.quarkus.qute.TemplateData
public class Viewer {

    private final SecurityIdentity identity;
    private final JsonWebToken idToken;

    /** In the code flow the injected token is the ID token (name and site); roles come from the access token. */
    Viewer(SecurityIdentity identity, JsonWebToken idToken) {
        this.identity = identity;
        this.idToken = idToken;
    }

    public String name() {
        String name = idToken.getClaim("preferred_username");
        return name == null ? identity.getPrincipal().getName() : name;
    }

    /** The caseworker's site; null for supervisors and admins, who see every site. */
    public String site() {
        return idToken.getClaim("site");
    }

    public boolean supervisor() {
        return identity.hasRole("supervisor");
    }

    public boolean admin() {
        return identity.hasRole("clinic-admin");
    }
}
