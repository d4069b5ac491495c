package org.clinicflow.portal.page;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clinicflow.portal.api.DocumentApi;
import org.clinicflow.portal.api.IntakeApi;
import org.clinicflow.portal.api.NotificationApi;
import org.clinicflow.portal.api.SchedulingApi;
import org.clinicflow.portal.security.Viewer;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * One case across the four services: the applicant (A-number masked), the document checklist
 * with verify / reject with a reason / not applicable, the appointment with reschedule and
 * cancel, how complete the filing is (with the way to the filing step), the SMS history with
 * delivery status, and the timeline. Revealing the A-number is a
 * supervisor's action that intake audits; it is shown once, on this response only.
 */
@Path("/applicants/{id}")
public class CasePage {

    /** The case page's checklist form names each row's choice {@code status.<document type>}. */
    static final String STATUS_FIELD = "status.";

    /** document-service's reason codes (templates.json); an unknown one is refused there with a field error. */
    static final List<String> REJECTION_REASONS = List.of("expired", "illegible", "name-mismatch", "missing-page", "not-original", "not-identical", "wrong-document",
            "not-translated", "incomplete");

    private final Template caseView;
    private final Pages pages;
    private final Viewer viewer;
    private final IntakeApi intake;
    private final DocumentApi documents;
    private final SchedulingApi scheduling;
    private final NotificationApi notification;

    CasePage(@io.quarkus.qute.Location("case") Template caseView, Pages pages, Viewer viewer, @RestClient IntakeApi intake,
            @RestClient DocumentApi documents, @RestClient SchedulingApi scheduling, @RestClient NotificationApi notification) {
        this.caseView = caseView;
        this.pages = pages;
        this.viewer = viewer;
        this.intake = intake;
        this.documents = documents;
        this.scheduling = scheduling;
        this.notification = notification;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@PathParam("id") String id, @QueryParam("note") String note) {
        return Response.ok(view(id, note, null)).build();
    }

    @POST
    @Path("/documents/{type}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response check(@PathParam("id") String id, @PathParam("type") String type, MultivaluedMap<String, String> form) {
        Map<String, Object> check = new HashMap<>();
        check.put("status", form.getFirst("status"));
        if (form.getFirst("reason") != null && !form.getFirst("reason").isBlank()) {
            check.put("reason", form.getFirst("reason"));
        }
        Pages.Outcome<Map<String, Object>> done = pages.call(() -> documents.check(id, type, check));
        return Pages.back("/applicants/" + id, done.ok() ? "done" : done.message());
    }

    /** The checklist's status choices ({@code status.<type>} fields), saved at once; rows left unchanged are not sent. */
    @POST
    @Path("/documents")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response checkAll(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        List<Map<String, Object>> checks = new ArrayList<>();
        form.forEach((field, values) -> {
            String status = values.isEmpty() ? null : values.get(0);
            if (field.startsWith(STATUS_FIELD) && status != null && !status.isBlank()) {
                checks.add(Map.of("type", field.substring(STATUS_FIELD.length()), "status", status));
            }
        });
        if (checks.isEmpty()) {
            return Pages.back("/applicants/" + id, "nothing-chosen");
        }
        Pages.Outcome<Map<String, Object>> done = pages.call(() -> documents.checkAll(id, Map.of("checks", checks)));
        return Pages.back("/applicants/" + id, done.ok() ? "done" : done.message());
    }

    @POST
    @Path("/appointment/{action:reschedule|cancel}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response appointment(@PathParam("id") String id, @PathParam("action") String action, MultivaluedMap<String, String> form) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", "caseworker");
        if ("reschedule".equals(action)) {
            body.put("slotStart", form.getFirst("slotStart"));
        }
        Pages.Outcome<Map<String, Object>> done = pages.call(() -> scheduling.act(id, action, body));
        return Pages.back("/applicants/" + id, done.ok() ? "done" : done.message());
    }

    /** A move: the new mailing address and the day it took effect (after filing, intake raises the AR-11 task). */
    @POST
    @Path("/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        Map<String, Object> address = new HashMap<>();
        for (String field : List.of("inCareOf", "street", "unit", "city", "state", "zipCode")) {
            String value = form.getFirst(field);
            if (value != null && !value.isBlank()) {
                address.put(field, value.trim());
            }
        }
        Map<String, Object> body = new HashMap<>();
        body.put("address", address);
        body.put("movedOn", form.getFirst("movedOn") == null || form.getFirst("movedOn").isBlank() ? null : form.getFirst("movedOn"));
        Pages.Outcome<Map<String, Object>> done = pages.call(() -> intake.move(id, body));
        return Pages.back("/applicants/" + id, done.ok() ? "moved" : done.message());
    }

    /** A supervisor's approval to book despite the eligibility decision; intake audits it. */
    @POST
    @Path("/override")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response override(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        Map<String, Object> approval = new HashMap<>();
        approval.put("approve", !"false".equals(form.getFirst("approve")));
        approval.put("reason", form.getFirst("reason"));
        Pages.Outcome<Map<String, Object>> done = pages.call(() -> intake.override(id, approval));
        return Pages.back("/applicants/" + id, done.ok() ? "done" : done.message());
    }

    @POST
    @Path("/reveal")
    @Produces(MediaType.TEXT_HTML)
    public Response reveal(@PathParam("id") String id) {
        Pages.Outcome<Map<String, Object>> revealed = pages.call(() -> intake.revealANumber(id));
        return Response.status(revealed.ok() ? 200 : revealed.status())
                .entity(view(id, revealed.ok() ? null : revealed.message(), revealed.ok() ? revealed.value().get("aNumber") : null))
                .build();
    }

    private TemplateInstance view(String id, String note, Object revealedANumber) {
        Pages.Outcome<Map<String, Object>> applicant = pages.call(() -> intake.applicant(id));
        Pages.Outcome<Map<String, Object>> checklist = pages.call(() -> documents.checklist(id));
        Pages.Outcome<Map<String, Object>> appointment = pages.call(() -> scheduling.appointment(id));
        Pages.Outcome<List<Map<String, Object>>> messages = pages.call(() -> notification.messages(id));
        Pages.Outcome<List<Map<String, Object>>> timeline = pages.call(() -> intake.timeline(id));
        Pages.Outcome<Map<String, Object>> filing = pages.call(() -> intake.form(id));
        Pages.Outcome<List<Map<String, Object>>> tasks = pages.call(() -> intake.caseTasks(id));
        Pages.Outcome<List<Map<String, Object>>> free = null;
        if (appointment.ok()) {
            Map<String, Object> a = appointment.value();
            free = pages.call(() -> scheduling.availability(String.valueOf(a.get("siteId")), String.valueOf(a.get("localDate")),
                    a.get("language") == null ? null : String.valueOf(a.get("language"))));
        }
        return pages.render(caseView).data("id", id).data("note", note).data("applicant", applicant).data("checklist", checklist)
                .data("appointment", appointment).data("messages", messages).data("timeline", timeline)
                .data("filing", filing).data("tasks", tasks)
                .data("free", free == null || !free.ok() ? List.of() : free.value().stream().limit(12).toList())
                .data("reasons", REJECTION_REASONS).data("revealed", revealedANumber).data("supervisor", viewer.supervisor());
    }
}
