package org.clinicflow.scheduling.booking;

import static org.clinicflow.web.problem.ProblemException.invalid;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.clinicflow.events.scheduling.AppointmentSlot;
import org.clinicflow.audit.ReadAudit;
import org.clinicflow.scheduling.applicant.KnownApplicants;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.clinicflow.web.security.ClinicRoles;
import org.clinicflow.web.security.SiteScope;

/**
 * An applicant's appointment, for caseworkers: read it, book a specific slot (201, or 409 with
 * the next free slot), reschedule, cancel, check in, complete with the USCIS receipt number,
 * record a no-show. Caseworkers act at their own site only. Every write names an applicant
 * intake registered and has not withdrawn ({@code KnownApplicants}): an unknown id is a 404, not
 * a seat. A read is recorded in the read audit. Tested by {@code BookingTest},
 * {@code KnownApplicantsTest} and {@code ReadAuditTest}.
 */
@Path("/api/applicants/{id}/appointment")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ClinicRoles.CASEWORKER)
public class AppointmentResource {

    private final Bookings bookings;
    private final KnownApplicants applicants;
    private final SiteScope scope;
    private final ReadAudit audit;

    AppointmentResource(Bookings bookings, KnownApplicants applicants, SiteScope scope, ReadAudit audit) {
        this.bookings = bookings;
        this.applicants = applicants;
        this.scope = scope;
        this.audit = audit;
    }

    /** An appointment with its place and local time. */
    public record AppointmentView(UUID id, UUID applicantId, UUID householdId, String siteId, String siteName,
            String siteAddress, String timeZone, Instant slotStart, LocalDate localDate, LocalTime localTime, String status,
            String language, Instant checkedInAt, Instant completedAt, String receiptNumber) {

        static AppointmentView of(Appointment a) {
            AppointmentSlot slot = AppointmentEvents.slot(a);
            return new AppointmentView(a.id, a.applicantId, a.householdId, a.siteId, slot.siteName(), slot.siteAddress(),
                    slot.timeZone(), a.startsAt, slot.localDate(), slot.localTime(), a.status.code(), a.language,
                    a.checkedInAt, a.completedAt, a.receiptNumber);
        }
    }

    /** The slot a caseworker asks for. */
    public record BookRequest(String siteId, String slotStart) {
    }

    @GET
    @Transactional
    public AppointmentView get(@PathParam("id") String id) {
        Appointment a = Appointment.activeFor(applicant(id));
        if (a == null) {
            a = Appointment.<Appointment>find("applicantId = ?1 order by updatedAt desc", applicant(id)).firstResult();
        }
        if (a == null || !scope.maySee(a.siteId)) {
            throw new ProblemException(Problem.of(Response.Status.NOT_FOUND, "no-appointment", "No appointment for applicant " + id));
        }
        audit.read("read-appointment", a.applicantId);
        return AppointmentView.of(a);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response book(@PathParam("id") String id, BookRequest request, @Context UriInfo uri) {
        if (request == null || request.siteId() == null) {
            throw invalid("siteId", "is required");
        }
        scope.requireSite(request.siteId());
        applicants.requireActionable(applicant(id), scope);
        Bookings.Attempt attempt = bookings.bookSlot(applicant(id), request.siteId(), instant("slotStart", request.slotStart()));
        if (attempt.booked() == null) {
            Problem full = Problem.of(Response.Status.CONFLICT, "slot-full", "That slot is full.");
            if (attempt.nextFree() != null) {
                full = full.with("nextFreeSlot", attempt.nextFree().startsAt().toString());
            }
            throw new ProblemException(full);
        }
        return Response.created(uri.getAbsolutePath()).entity(view(attempt.booked())).build();
    }

    /** Where to move: a given slot, or (empty) the next suitable one. */
    public record RescheduleRequest(String slotStart, String reason) {
    }

    @POST
    @Path("/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    public AppointmentView reschedule(@PathParam("id") String id, RescheduleRequest request) {
        visible(id);
        String slot = request == null ? null : request.slotStart();
        return view(bookings.reschedule(applicant(id), slot == null ? null : instant("slotStart", slot),
                request == null || request.reason() == null ? "caseworker" : request.reason()));
    }

    /** Why an appointment is cancelled. */
    public record CancelRequest(String reason) {
    }

    @POST
    @Path("/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    public AppointmentView cancel(@PathParam("id") String id, CancelRequest request) {
        if (request == null || request.reason() == null || !request.reason().matches("[a-z][a-z-]{1,40}")) {
            throw invalid("reason", "is required: a reason code such as applicant-request or documents-missing");
        }
        visible(id);
        return view(bookings.cancel(applicant(id), request.reason()));
    }

    @POST
    @Path("/check-in")
    public AppointmentView checkIn(@PathParam("id") String id) {
        visible(id);
        return view(bookings.checkIn(applicant(id)));
    }

    /** The USCIS receipt number of the filed I-765. */
    public record CompleteRequest(String receiptNumber) {
    }

    @POST
    @Path("/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    public AppointmentView complete(@PathParam("id") String id, CompleteRequest request) {
        visible(id);
        return view(bookings.complete(applicant(id), request == null ? null : request.receiptNumber()));
    }

    @POST
    @Path("/no-show")
    public Response noShow(@PathParam("id") String id) {
        visible(id);
        return bookings.noShow(applicant(id)).map(again -> Response.ok(view(again)).build())
                .orElse(Response.noContent().build());
    }

    @Transactional
    AppointmentView view(Appointment a) {
        return AppointmentView.of(a);
    }

    /** A write on an applicant's appointment: the applicant must be known here, active, and of the caller's site. */
    @Transactional
    void visible(String id) {
        applicants.requireActionable(applicant(id), scope);
        Appointment a = Appointment.activeFor(applicant(id));
        if (a != null && !scope.maySee(a.siteId)) {
            throw new ProblemException(Problem.of(Response.Status.NOT_FOUND, "no-appointment", "No appointment for applicant " + id));
        }
    }

    private static UUID applicant(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of(Response.Status.NOT_FOUND, "not-found", "No applicant " + id));
        }
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw invalid(field, "must be an instant such as 2026-12-03T15:30:00Z (a slot's start from availability)");
        }
    }
}
