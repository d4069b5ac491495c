package org.clinicflow.intake.applicant;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.clinicflow.web.security.SiteScope;

/**
 * Finds the case a filing request names: 404 when there is no such case, 403 when it belongs to
 * another site than the caller's (the filing step is the clinic's most sensitive screen, so the
 * refusal is explicit rather than a silent not-found). Supervisors reach every site. Tested by
 * {@code FilingApiTest}.
 */
@RequestScoped
public class CaseAccess {

    private final SiteScope scope;

    CaseAccess(SiteScope scope) {
        this.scope = scope;
    }

    public Applicant require(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound(id);
        }
        Applicant a = Applicant.findById(uuid);
        if (a == null) {
            throw notFound(id);
        }
        if (!scope.maySee(a.siteId)) {
            throw new ProblemException(Problem.of(Response.Status.FORBIDDEN, "other-site",
                    "This case belongs to another site; a supervisor can open it."));
        }
        return a;
    }

    public String actor() {
        return scope.actor();
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(Problem.of(Response.Status.NOT_FOUND, "not-found", "No applicant " + id + "."));
    }
}
