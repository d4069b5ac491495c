package org.clinicflow.intake.task;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.clinicflow.web.security.ClinicRoles;
import org.clinicflow.web.security.SiteScope;

/**
 * {@code GET /api/tasks}: the "Needs attention" list (open tasks; caseworkers their site's,
 * supervisors every site's or {@code ?site=}). Tested by {@code AfterFilingTest}.
 */
@Path("/api/tasks")
@RolesAllowed(ClinicRoles.CASEWORKER)
@Produces(MediaType.APPLICATION_JSON)
public class NeedsAttentionResource {

    private final NeedsAttention needsAttention;
    private final SiteScope scope;

    NeedsAttentionResource(NeedsAttention needsAttention, SiteScope scope) {
        this.needsAttention = needsAttention;
        this.scope = scope;
    }

    @GET
    public List<TaskView> open(@QueryParam("site") String site) {
        return needsAttention.open(scope, site);
    }
}
