package org.clinicflow.web.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Which sites the caller works at: supervisors every site, caseworkers only their own (the
 * token's {@code site} claim, set per user in the realm). Every service limits case data with
 * it; a case at another site answers 404, so its existence does not leak. Tested through the
 * services' REST tests.
 */
@RequestScoped
public class SiteScope {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    SiteScope(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** The caller's user name, as audit entries and "checked by" fields record it. */
    public String actor() {
        return identity.getPrincipal().getName();
    }

    public boolean isSupervisor() {
        return identity.hasRole(ClinicRoles.SUPERVISOR);
    }

    /** The one site a caseworker is limited to; empty for a supervisor. */
    public Optional<String> restrictedToSite() {
        if (isSupervisor()) {
            return Optional.empty();
        }
        String site = token.getClaim("site");
        if (site == null || site.isBlank()) {
            throw new ProblemException(Problem.of(Response.Status.FORBIDDEN, "no-site",
                    "Your account is not assigned to a clinic site; ask an administrator to set one."));
        }
        return Optional.of(site);
    }

    public boolean maySee(String siteId) {
        return restrictedToSite().map(site -> site.equals(siteId)).orElse(true);
    }

    /** A caseworker registers and moves cases within their own site only. */
    public void requireSite(String siteId) {
        restrictedToSite().filter(site -> !site.equals(siteId)).ifPresent(site -> {
            throw new ProblemException(Problem.invalid(List.of(
                    new Problem.FieldError("siteId", "must be your own site (" + site + "); a supervisor can use another"))));
        });
    }
}
