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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicflow.portal.api.Applicant;
import org.clinicflow.portal.api.ApplicantPage;
import org.clinicflow.portal.api.Appointment;
import org.clinicflow.portal.api.IntakeApi;
import org.clinicflow.portal.api.QueueDay;
import org.clinicflow.portal.api.SchedulingApi;
import org.clinicflow.portal.api.Site;
import org.clinicflow.portal.api.Waitlist;
import org.clinicflow.portal.format.Legible;
import org.clinicflow.portal.security.Viewer;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * "Today at my site": everyone booked for the day with their status (expected, checked in and
 * waiting how long, done, no-show), times in the site's zone, and check-in or no-show by keyboard
 * alone (each row's buttons are in tab order; after an action the page comes back focused on that
 * row). The same day prints as a sheet for the front desk ({@code /today/sheet}). Caseworkers see
 * their own site; supervisors pick one. The day, the waitlist and the site list are asked in
 * parallel; names come from intake, a hundred per call. Tested with the services stubbed over HTTP
 * by {@code TodayPageTest} (a 50-row day) and in a browser by {@code PortalBrowserTest}.
 */
@Path("/today")
public class TodayPage {

    /** intake's largest page. */
    private static final int NAMES_PER_CALL = 100;

    /** A row of the day: the appointment and the applicant's name (the sheet on paper carries no phone numbers). */
    public record Row(QueueDay.Entry entry, String name) {
    }

    /** A row of the waitlist, by name. */
    public record WaitingRow(Waitlist.Waiting waiting, String name) {
    }

    private final Template today;
    private final Template sheet;
    private final Pages pages;
    private final Viewer viewer;
    private final SchedulingApi scheduling;
    private final IntakeApi intake;

    TodayPage(Template today, @io.quarkus.qute.Location("day-sheet") Template sheet, Pages pages, Viewer viewer,
            @RestClient SchedulingApi scheduling, @RestClient IntakeApi intake) {
        this.today = today;
        this.sheet = sheet;
        this.pages = pages;
        this.viewer = viewer;
        this.scheduling = scheduling;
        this.intake = intake;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@QueryParam("site") String site, @QueryParam("date") String date, @QueryParam("note") String note) {
        return day(today, site, date).data("note", note);
    }

    /** The day as a printable sheet: time, name, language, status, and boxes to tick by hand. */
    @GET
    @Path("/sheet")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance sheet(@QueryParam("site") String site, @QueryParam("date") String date) {
        return day(sheet, site, date);
    }

    private TemplateInstance day(Template template, String site, String date) {
        Pages.Pending<List<Site>> sites = pages.start(scheduling::sites);
        String own = viewer.site() != null ? viewer.site() : site != null && !site.isBlank() ? site : null;
        Pages.Pending<QueueDay> queue = null;
        Pages.Pending<Waitlist> waitlist = null;
        if (own != null) { // the site is known: ask for its day beside the site list
            queue = pages.start(() -> scheduling.queue(own, blank(date)));
            waitlist = pages.start(() -> scheduling.waitlist(own));
        }
        Pages.Outcome<List<Site>> siteList = sites.get();
        String chosen = own != null ? own : siteList.ok() && !siteList.value().isEmpty() ? siteList.value().get(0).id() : null;
        if (queue == null && chosen != null) {
            queue = pages.start(() -> scheduling.queue(chosen, blank(date)));
            waitlist = pages.start(() -> scheduling.waitlist(chosen));
        }
        Legible show = pages.legibleAt(chosen);
        LocalDate day = parse(date, show.today());
        Pages.Outcome<QueueDay> queued = queue == null ? null : queue.get();
        Pages.Outcome<Waitlist> waiting = waitlist == null ? null : waitlist.get();

        List<QueueDay.Entry> entries = queued != null && queued.ok() ? queued.value().entries() : List.of();
        List<Waitlist.Waiting> waitingEntries = waiting != null && waiting.ok()
                ? waiting.value().entries().stream().limit(NAMES_PER_CALL).toList() : List.of();
        List<UUID> ids = new ArrayList<>();
        entries.forEach(e -> ids.add(e.applicantId()));
        waitingEntries.forEach(w -> ids.add(w.applicantId()));
        Map<UUID, Applicant> people = people(ids.stream().distinct().toList());
        List<Row> rows = entries.stream().map(e -> row(e, people.get(e.applicantId()))).toList();
        List<WaitingRow> waitingRows = waitingEntries.stream()
                .map(w -> new WaitingRow(w, people.containsKey(w.applicantId()) ? people.get(w.applicantId()).name() : "?")).toList();
        return pages.render(template).data("sites", siteList.ok() ? siteList.value() : List.<Site>of()).data("site", chosen)
                .data("siteName", siteName(chosen, siteList)).data("date", day.toString()).data("day", day).data("queue", queued)
                .data("rows", rows).data("waiting", waitingRows).data("show", show).data("note", null);
    }

    private static Row row(QueueDay.Entry entry, Applicant person) {
        return new Row(entry, person == null ? "?" : person.name());
    }

    private static String siteName(String id, Pages.Outcome<List<Site>> sites) {
        if (id == null) {
            return "-";
        }
        return sites.ok() ? sites.value().stream().filter(s -> s.id().equals(id)).map(Site::name).findFirst().orElse(id) : id;
    }

    /** The day's people: intake asked a page of ids at a time, the pages in parallel; missing where intake did not answer. */
    private Map<UUID, Applicant> people(List<UUID> ids) {
        List<Pages.Pending<ApplicantPage>> calls = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += NAMES_PER_CALL) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + NAMES_PER_CALL)).stream().map(UUID::toString).toList();
            calls.add(pages.start(() -> intake.byIds(chunk, chunk.size())));
        }
        Map<UUID, Applicant> people = new HashMap<>();
        for (Pages.Pending<ApplicantPage> call : calls) {
            Pages.Outcome<ApplicantPage> found = call.get();
            if (found.ok()) {
                found.value().items().forEach(a -> people.put(a.id(), a));
            }
        }
        return people;
    }

    @POST
    @Path("/{applicant}/{action:check-in|no-show}")
    public Response act(@PathParam("applicant") String applicant, @PathParam("action") String action, @QueryParam("site") String site,
            @QueryParam("date") String date) {
        Pages.Outcome<Appointment> done = pages.call(() -> scheduling.act(applicant, action, SchedulingApi.Action.NONE));
        String back = "/today?site=" + (site == null ? "" : site) + "&date=" + (date == null ? "" : date);
        // Back to the row acted on, so keyboard users carry on from where they were.
        return Response.seeOther(java.net.URI.create(Pages.back(back, done.ok() ? "done" : done.message()).getLocation()
                + "#row-" + applicant)).build();
    }

    private static LocalDate parse(String date, LocalDate today) {
        try {
            return date == null || date.isBlank() ? today : LocalDate.parse(date);
        } catch (java.time.format.DateTimeParseException e) {
            return today;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
