package org.clinicflow.portal.page;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.clinicflow.portal.api.SchedulingApi;
import org.clinicflow.portal.api.SiteChanges;
import org.clinicflow.portal.api.Site;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Clinic capacity, for clinic admins: sites, sessions (hours, slot length, stations,
 * interpreter languages) and closures, whose appointments scheduling rebooks by itself.
 */
@Path("/capacity")
@RolesAllowed("clinic-admin")
public class CapacityPage {

    private final Template capacity;
    private final Pages pages;
    private final SchedulingApi scheduling;

    CapacityPage(Template capacity, Pages pages, @RestClient SchedulingApi scheduling) {
        this.capacity = capacity;
        this.pages = pages;
        this.scheduling = scheduling;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@QueryParam("note") String note) {
        Pages.Outcome<List<Site>> sites = pages.call(scheduling::sites);
        return pages.render(capacity).data("sites", sites).data("note", note);
    }

    @POST
    @Path("/sites")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response site(MultivaluedMap<String, String> form) {
        SiteChanges.NewSite site = new SiteChanges.NewSite(form.getFirst("id"), form.getFirst("name"), form.getFirst("address"),
                form.getFirst("timeZone"));
        return outcome(pages.call(() -> scheduling.createSite(site)));
    }

    @POST
    @Path("/sites/{site}/sessions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response session(@PathParam("site") String siteId, MultivaluedMap<String, String> form) {
        List<String> languages = form.get("languages") == null ? List.of() : form.get("languages");
        SiteChanges.NewSession session = new SiteChanges.NewSession(form.getFirst("date"), form.getFirst("start"), form.getFirst("end"),
                number(form.getFirst("slotMinutes")), number(form.getFirst("stations")), languages);
        return outcome(pages.run(() -> scheduling.addSession(siteId, session)));
    }

    @POST
    @Path("/sites/{site}/closures")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response closure(@PathParam("site") String siteId, MultivaluedMap<String, String> form) {
        SiteChanges.Closure closure = new SiteChanges.Closure(form.getFirst("date"), form.getFirst("reason"));
        return outcome(pages.run(() -> scheduling.close(siteId, closure)));
    }

    private static Response outcome(Pages.Outcome<?> outcome) {
        String note = outcome.ok() ? "done" : outcome.message() + (outcome.fieldErrors().isEmpty() ? "" : ": " + outcome.fieldErrors());
        return Pages.back("/capacity", note);
    }

    private static Integer number(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return -1; // scheduling answers with the field's allowed range
        }
    }
}
