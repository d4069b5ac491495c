package org.clinicflow.portal.api;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * scheduling-service as the portal calls it, with the signed-in user's access token; answers and
 * requests are records (sites, days, waitlists, appointments, capacity changes, planning).
 */
@RegisterRestClient(configKey = "scheduling")
@AccessToken
@Path("/api")
public interface SchedulingApi {

    @GET
    @Path("/sites")
    List<Site> sites();

    @POST
    @Path("/sites")
    @Consumes(MediaType.APPLICATION_JSON)
    Site createSite(SiteChanges.NewSite site);

    @POST
    @Path("/sites/{site}/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    void addSession(@PathParam("site") String site, SiteChanges.NewSession session);

    @POST
    @Path("/sites/{site}/closures")
    @Consumes(MediaType.APPLICATION_JSON)
    void close(@PathParam("site") String site, SiteChanges.Closure closure);

    @GET
    @Path("/sites/{site}/availability")
    List<FreeSlot> availability(@PathParam("site") String site, @QueryParam("from") String from,
            @QueryParam("language") String language);

    @GET
    @Path("/sites/{site}/queue")
    QueueDay queue(@PathParam("site") String site, @QueryParam("date") String date);

    @GET
    @Path("/sites/{site}/waitlist")
    Waitlist waitlist(@PathParam("site") String site);

    @GET
    @Path("/applicants/{id}/appointment")
    Appointment appointment(@PathParam("id") String id);

    @POST
    @Path("/applicants/{id}/appointment/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    Appointment act(@PathParam("id") String id, @PathParam("action") String action, Action body);

    /** An appointment action's body: why (cancel, reschedule) and the new slot (reschedule). */
    record Action(String reason, String slotStart) {
        public static final Action NONE = new Action(null, null);
    }

    /** Surge planning: the site's backlog and sessions for the coming weeks. */
    @GET
    @Path("/planning/sites/{site}/backlog")
    Planning.Backlog backlog(@PathParam("site") String site);

    @GET
    @Path("/planning/sites/{site}/plan")
    Planning.Answer plan(@PathParam("site") String site, @QueryParam("target") String target, @QueryParam("turnAway") Double turnAway,
            @QueryParam("start") String start, @QueryParam("end") String end, @QueryParam("slotMinutes") Integer slotMinutes);

    @POST
    @Path("/planning/sites/{site}/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    List<Planning.ProposedSession> createPlannedSessions(@PathParam("site") String site, Planning.Ask ask);

    @POST
    @Path("/planning/sites/{site}/what-if")
    @Consumes(MediaType.APPLICATION_JSON)
    Planning.WhatIfAnswer whatIf(@PathParam("site") String site, Planning.WhatIf whatIf);
}
