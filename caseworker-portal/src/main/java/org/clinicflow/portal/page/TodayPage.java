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
 * site; supervisors pick one. Names come from intake, one call per row (a day's list is short).
 */
@Path("/today")
public class TodayPage {

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
        if (queue != null && queue.ok()) {
            Object entries = queue.value().get("entries");
            if (entries instanceof List<?> list) {
                for (Object e : list) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> row = new LinkedHashMap<>((Map<String, Object>) e);
                    Pages.Outcome<Map<String, Object>> person = pages.call(() -> intake.applicant(String.valueOf(row.get("applicantId"))));
                    row.put("name", person.ok() ? person.value().get("givenName") + " " + person.value().get("familyName") : "?");
                    rows.add(row);
                }
            }
        }
        return pages.render(today).data("sites", sites.ok() ? sites.value() : List.of()).data("site", chosen).data("date", day)
                .data("queue", queue).data("rows", rows).data("note", note);
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
