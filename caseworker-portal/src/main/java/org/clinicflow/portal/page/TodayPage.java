package org.clinicflow.portal.page;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clinicflow.portal.api.IntakeApi;
import org.clinicflow.portal.api.SchedulingApi;
import org.clinicflow.portal.security.Viewer;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * "Today at my site": everyone booked for the day with their status (expected, checked in and
 * waiting how long, done, no-show) and one-click check-in or no-show. Caseworkers see their own
 * site; supervisors pick one. Names come from intake, a hundred per call (its search by id).
 * Tested through the browser by {@code PortalBrowserTest}.
 */
@Path("/today")
public class TodayPage {

    /** intake's largest page. */
    private static final int NAMES_PER_CALL = 100;

    private final Template today;
    private final Pages pages;
    private final Viewer viewer;
    private final SchedulingApi scheduling;
    private final IntakeApi intake;

    TodayPage(Template today, Pages pages, Viewer viewer, @RestClient SchedulingApi scheduling, @RestClient IntakeApi intake) {
        this.today = today;
        this.pages = pages;
        this.viewer = viewer;
        this.scheduling = scheduling;
        this.intake = intake;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@QueryParam("site") String site, @QueryParam("date") String date, @QueryParam("note") String note) {
        Pages.Outcome<List<Map<String, Object>>> sites = pages.call(scheduling::sites);
        String chosen = viewer.site() != null ? viewer.site()
                : site != null && !site.isBlank() ? site
                : sites.ok() && !sites.value().isEmpty() ? String.valueOf(sites.value().get(0).get("id")) : null;
        String day = date == null || date.isBlank() ? LocalDate.now().toString() : date;
        Pages.Outcome<Map<String, Object>> queue = chosen == null ? null : pages.call(() -> scheduling.queue(chosen, day));
        List<Map<String, Object>> rows = new ArrayList<>();
        if (queue != null && queue.ok() && queue.value().get("entries") instanceof List<?> entries) {
            for (Object e : entries) {
                @SuppressWarnings("unchecked")
                Map<String, Object> row = new LinkedHashMap<>((Map<String, Object>) e);
                rows.add(row);
            }
            Map<String, String> names = names(rows.stream().map(r -> String.valueOf(r.get("applicantId"))).distinct().toList());
            rows.forEach(row -> row.put("name", names.getOrDefault(String.valueOf(row.get("applicantId")), "?")));
        }
        List<Map<String, Object>> waiting = waitlist(chosen);
        return pages.render(today).data("sites", sites.ok() ? sites.value() : List.of()).data("site", chosen).data("date", day)
                .data("queue", queue).data("rows", rows).data("note", note).data("waiting", waiting);
    }

    /** Who waits for a booking at the site and why (the first page), by name. */
    private List<Map<String, Object>> waitlist(String site) {
        if (site == null) {
            return List.of();
        }
        Pages.Outcome<Map<String, Object>> list = pages.call(() -> scheduling.waitlist(site));
        List<Map<String, Object>> waiting = new ArrayList<>();
        if (list.ok() && list.value().get("entries") instanceof List<?> entries) {
            for (Object e : entries.stream().limit(NAMES_PER_CALL).toList()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> row = new LinkedHashMap<>((Map<String, Object>) e);
                waiting.add(row);
            }
            Map<String, String> names = names(waiting.stream().map(r -> String.valueOf(r.get("applicantId"))).toList());
            waiting.forEach(row -> row.put("name", names.getOrDefault(String.valueOf(row.get("applicantId")), "?")));
        }
        return waiting;
    }

    /** The day's people by name: intake asked a page of ids at a time; "?" where intake did not answer. */
    private Map<String, String> names(List<String> ids) {
        Map<String, String> names = new HashMap<>();
        for (int from = 0; from < ids.size(); from += NAMES_PER_CALL) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + NAMES_PER_CALL));
            Pages.Outcome<Map<String, Object>> found = pages.call(() -> intake.byIds(chunk, chunk.size()));
            if (found.ok() && found.value().get("items") instanceof List<?> items) {
                for (Object item : items) {
                    if (item instanceof Map<?, ?> person) {
                        names.put(String.valueOf(person.get("id")), person.get("givenName") + " " + person.get("familyName"));
                    }
                }
            }
        }
        return names;
    }

    @POST
    @Path("/{applicant}/{action:check-in|no-show}")
    public Response act(@PathParam("applicant") String applicant, @PathParam("action") String action, @QueryParam("site") String site,
            @QueryParam("date") String date) {
        Pages.Outcome<Map<String, Object>> done = pages.call(() -> scheduling.act(applicant, action, Map.of()));
        String back = "/today?site=" + (site == null ? "" : site) + "&date=" + (date == null ? "" : date);
        return Pages.back(back, done.ok() ? "done" : done.message());
    }
}
