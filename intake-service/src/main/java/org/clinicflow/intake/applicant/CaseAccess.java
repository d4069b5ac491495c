package org.clinicflow.intake.applicant;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.clinicflow.web.security.ClinicRoles;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who may see which case: supervisors every site's, caseworkers their own site's (the token's
 * {@code site} claim). A case at another site answers 404, so its existence does not leak.
 */
@RequestScoped
public class CaseAccess {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    CaseAccess(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

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

    public boolean maySee(Applicant applicant) {
        return restrictedToSite().map(site -> site.equals(applicant.siteId)).orElse(true);
    }

    /** A caseworker registers and moves cases within their own site only. */
    public void requireSite(String siteId) {
        restrictedToSite().filter(site -> !site.equals(siteId)).ifPresent(site -> {
            throw new ProblemException(Problem.invalid(java.util.List.of(
                    new Problem.FieldError("siteId", "must be your own site (" + site + "); a supervisor can use another"))));
        });
    }
}
