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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /dev/sms?to=+1...}: every SMS the development gateway "sent", newest first, as
 * {@code [{id, to, body, language, status, createdAt}]}. Exists only while that gateway is the
 * active one (404 otherwise); needs a caseworker's token like everything else.
 */
@Path("/dev/sms")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ClinicRoles.CASEWORKER)
public class DevSmsResource {

    private final boolean active;

    DevSmsResource(@ConfigProperty(name = "clinic.notification.gateway") String gateway) {
        this.active = "dev".equals(gateway);
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
        List<DevSms> sms = to == null || to.isBlank() ? DevSms.list("order by createdAt desc")
                : DevSms.list("to = ?1 order by createdAt desc", to);
        return sms.stream().limit(500).map(s -> new DevSmsView(s.id, s.to, s.body, s.language, s.status, s.createdAt)).toList();
    }
}
