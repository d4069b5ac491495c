package org.clinicflow.scheduling.visit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.clinicflow.audit.ReadAudit;
import org.clinicflow.scheduling.booking.Appointment;
import org.clinicflow.scheduling.site.Site;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.clinicflow.web.security.ClinicRoles;
import org.clinicflow.web.security.SiteScope;

/**
 * {@code GET /api/sites/{id}/queue?date=}: the day at a site, in appointment order: who is
 * expected, who is checked in and for how many minutes they have waited, who is done, who did
 * not come; with counts per state. Ids only: the portal adds names from intake. Every applicant
 * listed is recorded in the read audit. Tested by {@code BookingTest} and {@code ReadAuditTest}.
 */
@Path("/api/sites/{id}/queue")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ClinicRoles.CASEWORKER)
public class QueueResource {

    private final SiteScope scope;
    private final ReadAudit audit;

    QueueResource(SiteScope scope, ReadAudit audit) {
        this.scope = scope;
        this.audit = audit;
    }

    /** One appointment of the day. */
    public record Entry(UUID applicantId, UUID appointmentId, LocalTime localTime, String status, String language,
            Instant checkedInAt, Long waitingMinutes) {
    }

    /** The day: its entries and how many are in each state. */
    public record Day(String siteId, LocalDate date, Map<String, Long> counts, List<Entry> entries) {
    }

    @GET
    @Transactional
    public Day day(@PathParam("id") String siteId, @QueryParam("date") String date) {
        Site site = Site.findById(siteId);
        if (site == null || !scope.maySee(siteId)) {
            throw new ProblemException(Problem.of(Response.Status.NOT_FOUND, "not-found", "No site " + siteId + " that you can see."));
        }
        ZoneId zone = site.zone();
        LocalDate day;
        try {
            day = date == null ? LocalDate.now(zone) : LocalDate.parse(date);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ProblemException(Problem.invalid(List.of(new Problem.FieldError("date", "must be a date YYYY-MM-DD"))));
        }
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        Instant now = Instant.now();
        List<Entry> entries = Appointment.<Appointment>list(
                "siteId = ?1 and startsAt >= ?2 and startsAt < ?3 and status <> ?4 order by startsAt, createdAt",
                siteId, from, to, Appointment.Status.CANCELLED).stream()
                .map(a -> new Entry(a.applicantId, a.id, a.startsAt.atZone(zone).toLocalTime(), state(a), a.language,
                        a.checkedInAt, a.status == Appointment.Status.CHECKED_IN
                                ? Duration.between(a.checkedInAt, now).toMinutes() : null))
                .toList();
        Map<String, Long> counts = entries.stream().collect(Collectors.groupingBy(Entry::status, Collectors.counting()));
        audit.read("read-day-queue", entries.stream().map(Entry::applicantId).distinct().toList());
        return new Day(siteId, day, counts, entries);
    }

    /** Booked and confirmed are both "expected" on the day. */
    private static String state(Appointment a) {
        return switch (a.status) {
            case BOOKED, CONFIRMED -> "expected";
            case CHECKED_IN -> "waiting";
            case COMPLETED -> "done";
            case NO_SHOW -> "no_show";
            case ON_HOLD -> "on_hold";
            default -> a.status.code();
        };
    }

}
