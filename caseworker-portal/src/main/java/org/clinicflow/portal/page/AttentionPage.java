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
import org.clinicflow.portal.api.CaseTask;
import org.clinicflow.portal.api.IntakeApi;
import org.clinicflow.portal.security.Viewer;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * "Needs attention": what USCIS and moves ask of the site's caseworkers after filing (evidence
 * requested, mail returned, denials and rejections, unknown statuses, AR-11 after a move, a card
 * mailed to an old address), overdue first, each ticked off with the date it was done (a case's
 * own tasks are on its page too). Tested by {@code PortalBrowserTest} in system-tests.
 */
@Path("/attention")
@RolesAllowed("caseworker")
public class AttentionPage {

    private final Template attention;
    private final Pages pages;
    private final IntakeApi intake;
    private final Viewer viewer;

    AttentionPage(Template attention, Pages pages, @RestClient IntakeApi intake, Viewer viewer) {
        this.attention = attention;
        this.pages = pages;
        this.intake = intake;
        this.viewer = viewer;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@QueryParam("note") String note) {
        Pages.Outcome<List<CaseTask>> tasks = pages.call(intake::openTasks);
        return pages.render(attention).data("tasks", tasks).data("note", note)
                .data("show", pages.legibleAt(viewer.site()));
    }

    /** Ticks a task off on the date given; back to where the form was (this list, or the case). */
    @POST
    @Path("/{applicantId}/{taskId}/done")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response done(@PathParam("applicantId") String applicantId, @PathParam("taskId") String taskId,
            MultivaluedMap<String, String> form) {
        String doneOn = form.getFirst("doneOn");
        IntakeApi.TaskDone body = new IntakeApi.TaskDone(doneOn == null || doneOn.isBlank() ? null : doneOn);
        Pages.Outcome<CaseTask> done = pages.call(() -> intake.taskDone(applicantId, taskId, body));
        String back = "case".equals(form.getFirst("from")) ? "/applicants/" + applicantId : "/attention";
        return Pages.back(back, done.ok() ? "done" : done.message());
    }
}
