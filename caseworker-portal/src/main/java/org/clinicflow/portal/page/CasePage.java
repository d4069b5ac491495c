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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clinicflow.portal.api.Applicant;
import org.clinicflow.portal.api.ApplicantPage;
import org.clinicflow.portal.api.Appointment;
import org.clinicflow.portal.api.CaseTask;
import org.clinicflow.portal.api.Checklist;
import org.clinicflow.portal.api.DocumentApi;
import org.clinicflow.portal.api.Filing;
import org.clinicflow.portal.api.FreeSlot;
import org.clinicflow.portal.api.IntakeApi;
import org.clinicflow.portal.api.NotificationApi;
import org.clinicflow.portal.api.Scan;
import org.clinicflow.portal.api.SchedulingApi;
import org.clinicflow.portal.api.SmsMessage;
import org.clinicflow.portal.api.SmsReply;
import org.clinicflow.portal.api.SmsStatus;
import org.clinicflow.portal.api.TimelineEntry;
import org.clinicflow.portal.format.Legible;
import org.clinicflow.portal.security.Viewer;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * One case across the four services, asked in parallel: the applicant (A-number masked, category
 * and language by name, SMS reachability and opt-out beside the phone, the household by its
 * members' names), eligibility and fees, the document checklist with verify / reject with a
 * reason / not applicable and the scans under each document (upload from a phone or tablet
 * camera, open one: document-service audits it), the appointment with reschedule and cancel, how
 * complete the filing is, USCIS's receipt number (entered here once filed), the SMS history with
 * the applicant's replies, and the timeline, every time in the site's zone. Revealing the A-number is a supervisor's action
 * that intake audits; it is shown once, on this response only. The handler is tested with the
 * services stubbed over HTTP by {@code CasePageTest}, and in a browser by {@code PortalBrowserTest}.
 */
@Path("/applicants/{id}")
public class CasePage {

    /** The case page's checklist form names each row's choice {@code status.<document type>}. */
    static final String STATUS_FIELD = "status.";

    /** document-service's reason codes (templates.json); an unknown one is refused there with a field error. */
    static final List<String> REJECTION_REASONS = List.of("expired", "illegible", "name-mismatch", "missing-page", "not-original", "not-identical", "wrong-document",
            "not-translated", "incomplete");

    /** How many free slots the reschedule choice offers. */
    private static final int SLOTS_OFFERED = 12;

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
        String reason = form.getFirst("reason");
        DocumentApi.Check check = new DocumentApi.Check(form.getFirst("status"), reason == null || reason.isBlank() ? null : reason);
        Pages.Outcome<Checklist> done = pages.call(() -> documents.check(id, type, check));
        return Pages.back("/applicants/" + id, done.ok() ? "done" : done.message());
    }

    /** The checklist's status choices ({@code status.<type>} fields), saved at once; rows left unchanged are not sent. */
    @POST
    @Path("/documents")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response checkAll(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        List<DocumentApi.TypedCheck> checks = new ArrayList<>();
        form.forEach((field, values) -> {
            String status = values.isEmpty() ? null : values.get(0);
            if (field.startsWith(STATUS_FIELD) && status != null && !status.isBlank()) {
                checks.add(new DocumentApi.TypedCheck(field.substring(STATUS_FIELD.length()), status));
            }
        });
        if (checks.isEmpty()) {
            return Pages.back("/applicants/" + id, "nothing-chosen");
        }
        Pages.Outcome<Checklist> done = pages.call(() -> documents.checkAll(id, new DocumentApi.Checks(checks)));
        return Pages.back("/applicants/" + id, done.ok() ? "done" : done.message());
    }

    /** A scan of one document, from a file or straight from the device's camera; document-service inspects and stores it. */
    @POST
    @Path("/documents/{type}/scans")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("id") String id, @PathParam("type") String type, @RestForm("file") FileUpload file) {
        if (file == null || file.size() == 0) {
            return Pages.back("/applicants/" + id, "no-file");
        }
        Pages.Outcome<Scan> stored = pages.call(() -> documents.upload(id, type, file.uploadedFile().toFile()));
        return Pages.back("/applicants/" + id, stored.ok() ? "scan-stored" : stored.message());
    }

    /** One scan, opened in the browser; document-service records the view on the applicant's audit trail. */
    @GET
    @Path("/scans/{scanId}")
    public Response scan(@PathParam("id") String id, @PathParam("scanId") String scanId) {
        Pages.Outcome<Response> scan = pages.call(() -> documents.scan(id, scanId));
        if (!scan.ok()) {
            return Pages.back("/applicants/" + id, scan.message());
        }
        Response found = scan.value();
        return Response.ok(found.readEntity(byte[].class), found.getMediaType())
                .header("Content-Disposition", found.getHeaderString("Content-Disposition"))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/appointment/{action:reschedule|cancel}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response appointment(@PathParam("id") String id, @PathParam("action") String action, MultivaluedMap<String, String> form) {
        SchedulingApi.Action body = new SchedulingApi.Action("caseworker", "reschedule".equals(action) ? form.getFirst("slotStart") : null);
        Pages.Outcome<Appointment> done = pages.call(() -> scheduling.act(id, action, body));
        return Pages.back("/applicants/" + id, done.ok() ? "done" : done.message());
    }

    /** A move: the new mailing address and the day it took effect (after filing, intake raises the AR-11 task). */
    @POST
    @Path("/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        IntakeApi.Address address = new IntakeApi.Address(typed(form, "inCareOf"), typed(form, "street"), typed(form, "unit"),
                typed(form, "city"), typed(form, "state"), typed(form, "zipCode"));
        Pages.Outcome<Void> done = pages.run(() -> intake.move(id, new IntakeApi.Move(address, typed(form, "movedOn"))));
        return Pages.back("/applicants/" + id, done.ok() ? "moved" : done.message());
    }

    /** USCIS's receipt number, once the case is filed (intake checks its form: three letters and ten digits). */
    @POST
    @Path("/receipt")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response receipt(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        Pages.Outcome<Filing.Filed> done = pages.call(() -> intake.receipt(id, new IntakeApi.Receipt(typed(form, "receiptNumber"))));
        return Pages.back("/applicants/" + id, done.ok() ? "receipt-recorded" : done.message());
    }

    /** A supervisor's approval to book despite the eligibility decision; intake audits it. */
    @POST
    @Path("/override")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response override(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        IntakeApi.Approval approval = new IntakeApi.Approval(!"false".equals(form.getFirst("approve")), form.getFirst("reason"));
        Pages.Outcome<Applicant> done = pages.call(() -> intake.override(id, approval));
        return Pages.back("/applicants/" + id, done.ok() ? "done" : done.message());
    }

    @POST
    @Path("/reveal")
    @Produces(MediaType.TEXT_HTML)
    public Response reveal(@PathParam("id") String id) {
        Pages.Outcome<IntakeApi.Revealed> revealed = pages.call(() -> intake.revealANumber(id));
        return Response.status(revealed.ok() ? 200 : revealed.status())
                .entity(view(id, revealed.ok() ? null : revealed.message(), revealed.ok() ? revealed.value().aNumber() : null))
                .build();
    }

    private TemplateInstance view(String id, String note, String revealedANumber) {
        // Everything the page shows, asked at once; the second wave needs the first's answers.
        Pages.Pending<Applicant> applicant = pages.start(() -> intake.applicant(id));
        Pages.Pending<Checklist> checklist = pages.start(() -> documents.checklist(id));
        Pages.Pending<List<Scan>> scans = pages.start(() -> documents.scans(id));
        Pages.Pending<Appointment> appointment = pages.start(() -> scheduling.appointment(id));
        Pages.Pending<List<SmsMessage>> messages = pages.start(() -> notification.messages(id));
        Pages.Pending<SmsStatus> sms = pages.start(() -> notification.smsStatus(id));
        Pages.Pending<List<SmsReply>> replies = pages.start(() -> notification.replies(id));
        Pages.Pending<List<TimelineEntry>> timeline = pages.start(() -> intake.timeline(id));
        Pages.Pending<IntakeApi.FormProgress> filing = pages.start(() -> intake.formProgress(id));
        Pages.Pending<List<CaseTask>> tasks = pages.start(() -> intake.caseTasks(id));

        Pages.Outcome<Applicant> a = applicant.get();
        Pages.Outcome<Appointment> ap = appointment.get();
        Pages.Pending<List<FreeSlot>> free = ap.ok() && ap.value().changeable()
                ? pages.start(() -> scheduling.availability(ap.value().siteId(), String.valueOf(ap.value().localDate()), ap.value().language()))
                : Pages.known(Pages.Outcome.of(List.of()));
        Pages.Pending<ApplicantPage> household = a.ok() && a.value().householdId() != null
                ? pages.start(() -> intake.household(a.value().householdId().toString(), 20))
                : Pages.known(Pages.Outcome.of(new ApplicantPage(List.of(), 0, 0, false)));
        Legible show = ap.ok() && ap.value().timeZone() != null ? pages.legible(ZoneId.of(ap.value().timeZone()))
                : pages.legibleAt(a.ok() ? a.value().siteId() : viewer.site());

        Pages.Outcome<List<FreeSlot>> slots = free.get();
        Pages.Outcome<ApplicantPage> family = household.get();
        return pages.render(caseView).data("id", id).data("note", note).data("applicant", a).data("checklist", checklist.get())
                .data("scans", byDocument(scans.get())).data("appointment", ap).data("messages", messages.get()).data("sms", sms.get())
                .data("replies", replies.get())
                .data("timeline", timeline.get()).data("filing", filing.get()).data("tasks", tasks.get())
                .data("free", slots.ok() && ap.ok() ? otherThan(ap.value(), slots.value()) : List.<FreeSlot>of())
                .data("family", family.ok() ? family.value().items().stream().filter(m -> !m.id().toString().equals(id)).toList()
                        : List.<Applicant>of())
                .data("reasons", REJECTION_REASONS).data("revealed", revealedANumber).data("supervisor", viewer.supervisor())
                .data("show", show);
    }

    /** The free slots a reschedule may choose: the appointment's own time is not a move, so it is not offered. */
    private static List<FreeSlot> otherThan(Appointment current, List<FreeSlot> free) {
        return free.stream().filter(f -> !java.time.Instant.parse(f.slotStart()).equals(current.slotStart())).limit(SLOTS_OFFERED)
                .toList();
    }

    /** The scans grouped under their document type, newest first; none when document-service did not answer. */
    private static Map<String, List<Scan>> byDocument(Pages.Outcome<List<Scan>> scans) {
        Map<String, List<Scan>> byType = new LinkedHashMap<>();
        if (scans.ok()) {
            scans.value().forEach(s -> byType.computeIfAbsent(s.documentType(), t -> new ArrayList<>()).add(s));
        }
        return byType;
    }

    private static String typed(MultivaluedMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
