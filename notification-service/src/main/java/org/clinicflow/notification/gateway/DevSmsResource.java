package org.clinicflow.notification.gateway;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.clinicflow.web.security.ClinicRoles;
import org.clinicflow.web.security.SiteScope;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /dev/sms?to=+1...}: every SMS the development gateway "sent", newest first, as
 * {@code [{id, to, body, language, status, createdAt}]}. Exists only while that gateway is the
 * active one (404 otherwise, so never beside the real gateway); needs a caseworker's token like
 * everything else, and a caseworker sees only the texts sent to applicants of their own site
 * (phones and texts are personal data). Tested by {@code NotificationFlowTest}.
 */
@Path("/dev/sms")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ClinicRoles.CASEWORKER)
public class DevSmsResource {

    private final boolean active;
    private final SiteScope scope;

    DevSmsResource(@ConfigProperty(name = "clinic.notification.gateway") String gateway, SiteScope scope) {
        this.active = "dev".equals(gateway);
        this.scope = scope;
    }

    /** One message as the development inbox shows it. */
    public record DevSmsView(UUID id, String to, String body, String language, String status, Instant createdAt) {
    }

    @GET
    @Transactional
    public List<DevSmsView> list(@QueryParam("to") String to) {
        if (!active) {
            throw new ProblemException(Problem.of(Response.Status.NOT_FOUND, "not-found", "The development SMS gateway is not active."));
        }
        StringBuilder where = new StringBuilder("1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (to != null && !to.isBlank()) {
            where.append(" and to = :to");
            params.put("to", to);
        }
        scope.restrictedToSite().ifPresent(site -> {
            where.append(" and to in (select c.phone from Contact c where c.siteId = :site)");
            params.put("site", site);
        });
        List<DevSms> sms = DevSms.find(where + " order by createdAt desc", params).page(0, 500).list();
        return sms.stream().map(s -> new DevSmsView(s.id, s.to, s.body, s.language, s.status, s.createdAt)).toList();
    }
}
