package org.clinicflow.portal.page;

import io.quarkus.qute.RawString;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clinicflow.portal.api.Planning;
import org.clinicflow.portal.api.SchedulingApi;
import org.clinicflow.portal.api.Site;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Surge planning, for supervisors and clinic admins: a site's backlog by language (eligible now,
 * later, waitlisted, no-show rate), the plan to clear it by a chosen date drawn as a chart (seats
 * needed per day by language beside the free seats) with the same numbers in a table, when the
 * backlog clears with today's sessions, a what-if for a roster not imported yet, and, for a clinic
 * admin, the proposed sessions created in one step. Everything is a plain form: it works without
 * JavaScript and prints. Tested by {@code PortalBrowserTest} in system-tests.
 */
@Path("/planning")
@RolesAllowed({"supervisor", "clinic-admin"})
public class PlanningPage {

    private final Template planning;
    private final Pages pages;
    private final SchedulingApi scheduling;

    PlanningPage(Template planning, Pages pages, @RestClient SchedulingApi scheduling) {
        this.planning = planning;
        this.pages = pages;
        this.scheduling = scheduling;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@QueryParam("site") String site, @QueryParam("target") String target,
            @QueryParam("turnAway") Double turnAwayPercent, @QueryParam("start") String start, @QueryParam("end") String end,
            @QueryParam("slotMinutes") Integer slotMinutes, @QueryParam("note") String note) {
        Pages.Outcome<List<Site>> sites = pages.call(scheduling::sites);
        String chosen = site != null && !site.isBlank() ? site
                : sites.ok() && !sites.value().isEmpty() ? sites.value().get(0).id() : null;
        TemplateInstance page = pages.render(planning).data("sites", sites).data("site", chosen).data("note", note)
                .data("target", target).data("turnAway", turnAwayPercent == null ? 5.0 : turnAwayPercent)
                .data("start", start == null ? "09:00" : start).data("end", end == null ? "16:00" : end)
                .data("slotMinutes", slotMinutes == null ? 30 : slotMinutes).data("whatIf", null).data("whatIfAsked", null)
                .data("rosterLanguages", List.of("es", "ht", "fr", "pt", "en"));
        if (chosen == null) {
            return page.data("backlog", null).data("plan", null).data("chart", null).data("show", pages.legibleAt(null));
        }
        Double alpha = turnAwayPercent == null ? null : turnAwayPercent / 100.0;
        Pages.Pending<Planning.Backlog> backlogCall = pages.start(() -> scheduling.backlog(chosen));
        Pages.Pending<Planning.Answer> planCall = pages.start(() -> scheduling.plan(chosen, target, alpha, start, end, slotMinutes));
        Pages.Outcome<Planning.Backlog> backlog = backlogCall.get();
        Pages.Outcome<Planning.Answer> plan = planCall.get();
        RawString chart = null;
        if (backlog.ok() && plan.ok()) {
            chart = new RawString(PlanCharts.svg(PlanCharts.days(plan.value().plan(), backlog.value().sessions()),
                    "Seats needed per clinic day, by language",
                    "Stacked bars: seats the plan needs each day per language; dashed outline: seats still free in the published sessions."));
        }
        return page.data("backlog", backlog).data("plan", plan).data("chart", chart)
                .data("show", pages.legibleAt(chosen));
    }

    /**
     * A what-if: people per language arriving (typed, or counted from a roster file before it is
     * imported, added together), cleared in K days; answered on the same page.
     */
    @POST
    @Path("/what-if")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance whatIf(@RestForm String site, @RestForm String clearInDays, @RestForm("people.en") String en,
            @RestForm("people.es") String es, @RestForm("people.ht") String ht, @RestForm("people.fr") String fr,
            @RestForm("people.pt") String pt, @RestForm("roster") FileUpload roster) throws java.io.IOException {
        Map<String, Integer> people = new LinkedHashMap<>();
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("en", en);
        typed.put("es", es);
        typed.put("ht", ht);
        typed.put("fr", fr);
        typed.put("pt", pt);
        typed.forEach((language, n) -> {
            if (n != null && !n.isBlank()) {
                try {
                    people.put(language, Integer.parseInt(n.trim()));
                } catch (NumberFormatException e) {
                    people.put(language, -1); // scheduling names the field
                }
            }
        });
        if (roster != null && roster.size() > 0) {
            RosterLanguages.count(java.nio.file.Files.readAllBytes(roster.uploadedFile()))
                    .forEach((language, n) -> people.merge(language, n, Integer::sum));
        }
        String digits = clearInDays == null ? "" : clearInDays.replaceAll("\\D", "");
        Planning.WhatIf body = new Planning.WhatIf(people, digits.isEmpty() ? null : Integer.valueOf(digits));
        Pages.Outcome<Planning.WhatIfAnswer> answer = pages.call(() -> scheduling.whatIf(site, body));
        return show(site, null, null, null, null, null, null).data("whatIf", answer).data("whatIfAsked", body);
    }

    /** Creates the proposed sessions (clinic admins; scheduling refuses anyone else). */
    @POST
    @Path("/sessions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        String site = form.getFirst("site");
        String slot = blank(form.getFirst("slotMinutes"));
        String turnAway = blank(form.getFirst("turnAway"));
        Planning.Ask ask = new Planning.Ask(blank(form.getFirst("target")), turnAway == null ? null : Double.parseDouble(turnAway) / 100.0,
                blank(form.getFirst("start")), blank(form.getFirst("end")), slot == null ? null : Integer.valueOf(slot));
        Pages.Outcome<List<Planning.ProposedSession>> created = pages.call(() -> scheduling.createPlannedSessions(site, ask));
        String note = created.ok() ? "created " + created.value().size() : created.message();
        return Pages.back("/planning?site=" + URLEncoder.encode(site, StandardCharsets.UTF_8), note);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
