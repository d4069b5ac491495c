package org.clinicflow.web.time;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.clinicflow.web.security.ClinicRoles;

/**
 * {@code GET/PUT /api/admin/clock}: for a rehearsal on the local stack, a clinic admin reads and
 * moves the service's {@link ClinicClock} (say, 50 days ahead to see day 150 of an asylum clock
 * book an appointment). In production the clock is fixed and a PUT answers 409. Tested by
 * {@code EligibilityGatingTest} in scheduling-service.
 */
@Path("/api/admin/clock")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ClinicRoles.CLINIC_ADMIN)
public class ClockResource {

    private final ClinicClock clock;

    ClockResource(ClinicClock clock) {
        this.clock = clock;
    }

    /** The clock as the service reads it. */
    public record ClockView(Instant now, String offset, boolean adjustable) {
    }

    /** How far ahead of the real time the clock should run, as an ISO-8601 duration ({@code P50D}). */
    public record OffsetRequest(String offset) {
    }

    @GET
    public ClockView get() {
        return new ClockView(clock.now(), clock.offset().toString(), clock.adjustable());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public ClockView set(OffsetRequest request) {
        Duration offset;
        try {
            offset = Duration.parse(request == null || request.offset() == null ? "" : request.offset());
        } catch (java.time.format.DateTimeParseException e) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.FieldError("offset",
                    "must be an ISO-8601 duration such as P50D or PT0S"))));
        }
        if (!clock.adjustable()) {
            throw new ProblemException(Problem.of(Response.Status.CONFLICT, "clock-fixed",
                    "This service's clock is fixed; only the dev and test profiles may move it."));
        }
        clock.setOffset(offset);
        return get();
    }
}
