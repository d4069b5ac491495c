package org.clinicflow.tracking.tracked;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.clinicflow.web.security.ClinicRoles;

/**
 * {@code GET /api/tracking/summary}: the tracker at a glance (supervisors and clinic admins).
 * Tested by {@code TrackerTest} and the service contract test.
 */
@Path("/api/tracking")
@Produces(MediaType.APPLICATION_JSON)
public class TrackingResource {

    private final TrackingSummary summary;

    TrackingResource(TrackingSummary summary) {
        this.summary = summary;
    }

    @GET
    @Path("/summary")
    @RolesAllowed({ClinicRoles.SUPERVISOR, ClinicRoles.CLINIC_ADMIN})
    public TrackingSummary.Summary summary() {
        return summary.now();
    }
}
