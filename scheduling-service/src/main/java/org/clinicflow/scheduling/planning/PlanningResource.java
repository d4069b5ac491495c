package org.clinicflow.scheduling.planning;

import static org.clinicflow.web.problem.ProblemException.invalid;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.clinicflow.scheduling.site.Site;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.clinicflow.web.security.ClinicRoles;

/**
 * Surge planning for a site, for supervisors and clinic admins (a city's dashboard reads the same):
 * {@code GET backlog}, {@code GET plan?target=&turnAway=&start=&end=&slotMinutes=},
 * {@code POST what-if} ({@code {people: {es: 300}, eligibleFrom, clearInDays}}),
 * {@code GET sessions/proposed?...} (the preview) and {@code POST sessions} (clinic-admin: creates
 * them). Tested by {@code SurgePlanningTest}.
 */
@Path("/api/planning/sites/{site}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ClinicRoles.SUPERVISOR, ClinicRoles.CLINIC_ADMIN})
public class PlanningResource {

    private final Backlog backlog;
    private final SurgePlanning planning;

    PlanningResource(Backlog backlog, SurgePlanning planning) {
        this.backlog = backlog;
        this.planning = planning;
    }

    @GET
    @Path("/backlog")
    public Backlog.View backlog(@PathParam("site") String site, @QueryParam("weeks") Integer weeks) {
        int w = weeks == null ? SurgePlanning.WEEKS : weeks;
        if (w < 1 || w > 26) {
            throw invalid("weeks", "must be between 1 and 26");
        }
        return backlog.of(site(site), w);
    }

    @GET
    @Path("/plan")
    public SurgePlanning.Answer plan(@PathParam("site") String site, @QueryParam("target") String target,
            @QueryParam("turnAway") Double turnAway, @QueryParam("start") String start, @QueryParam("end") String end,
            @QueryParam("slotMinutes") Integer slotMinutes) {
        return planning.plan(site(site), ask(target, turnAway, start, end, slotMinutes));
    }

    @POST
    @Path("/what-if")
    @Consumes(MediaType.APPLICATION_JSON)
    public SurgePlanning.WhatIfAnswer whatIf(@PathParam("site") String site, SurgePlanning.WhatIf whatIf) {
        return planning.whatIf(site(site), whatIf);
    }

    @GET
    @Path("/sessions/proposed")
    public List<SurgePlanning.ProposedSession> proposed(@PathParam("site") String site, @QueryParam("target") String target,
            @QueryParam("turnAway") Double turnAway, @QueryParam("start") String start, @QueryParam("end") String end,
            @QueryParam("slotMinutes") Integer slotMinutes) {
        return planning.proposed(site(site), ask(target, turnAway, start, end, slotMinutes));
    }

    @POST
    @Path("/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ClinicRoles.CLINIC_ADMIN)
    public Response create(@PathParam("site") String site, SurgePlanning.Ask ask) {
        List<SurgePlanning.ProposedSession> created = planning.create(site(site),
                ask == null ? new SurgePlanning.Ask(null, null, null, null, null) : ask);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    private static Site site(String id) {
        Site site = Site.findById(id);
        if (site == null) {
            throw new ProblemException(Problem.about(Response.Status.NOT_FOUND, "not-found", "site", "no site " + id));
        }
        return site;
    }

    private static SurgePlanning.Ask ask(String target, Double turnAway, String start, String end, Integer slotMinutes) {
        return new SurgePlanning.Ask(parse("target", target, LocalDate::parse), turnAway, parse("start", start, LocalTime::parse),
                parse("end", end, LocalTime::parse), slotMinutes);
    }

    private static <T> T parse(String field, String value, java.util.function.Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (DateTimeParseException e) {
            throw invalid(field, "is not a date (YYYY-MM-DD) or time (HH:MM)");
        }
    }
}
