package org.clinicflow.audit.retention;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.clinicflow.web.security.ClinicRoles;
import org.clinicflow.web.security.SiteScope;

/**
 * The service's retention for clinic admins: {@code GET /api/admin/retention} is the dry run
 * (each data class, its period and cutoff, how many records a purge would touch), {@code POST
 * .../purge} purges now, {@code GET .../runs} lists the recorded runs. Every call is recorded.
 * Tested by each service's retention tests.
 */
@Path("/api/admin/retention")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ClinicRoles.CLINIC_ADMIN)
public class RetentionResource {

    private final Retention retention;
    private final SiteScope scope;

    RetentionResource(Retention retention, SiteScope scope) {
        this.retention = retention;
        this.scope = scope;
    }

    @GET
    public List<Retention.Report> dryRun() {
        return retention.dryRun(scope.actor());
    }

    @POST
    @Path("/purge")
    public List<Retention.Report> purge() {
        return retention.purge(scope.actor());
    }

    @GET
    @Path("/runs")
    public List<Retention.Run> runs(@QueryParam("limit") @DefaultValue("100") int limit) {
        return retention.runs(Math.max(1, Math.min(limit, 1000)));
    }
}
