package org.clinicflow.scheduling.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.clinicflow.scheduling.booking.Bookings;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;

/**
 * A clinic's capacity: sites with their time zone, and day sessions cut into slots (one seat
 * per station). Times are the site's local times; a slot's instant is computed in the site's
 * zone, so a session on a daylight-saving day still starts when the sign on the door says.
 * New capacity serves the waitlist at once. Tested by {@code CapacityTest}.
 */
@ApplicationScoped
public class Capacity {

    public static final Set<String> LANGUAGES = Set.of("en", "es", "ht", "fr", "pt");

    private final Bookings bookings;

    Capacity(Bookings bookings) {
        this.bookings = bookings;
    }

    /** What an admin sends to open a site. */
    public record NewSite(String id, String name, String address, String timeZone) {
    }

    /** What an admin sends to open a session. */
    public record NewSession(LocalDate date, LocalTime start, LocalTime end, Integer slotMinutes, Integer stations,
            List<String> languages) {
    }

    @Transactional
    public Site createSite(NewSite request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.name() == null || request.name().isBlank()) {
            errors.add(new Problem.FieldError("name", "is required"));
        }
        if (request.address() == null || request.address().isBlank()) {
            errors.add(new Problem.FieldError("address", "is required: it goes into the applicants' SMS"));
        }
        try {
            if (request.timeZone() == null) {
                throw new DateTimeException("missing");
            }
            ZoneId.of(request.timeZone());
        } catch (DateTimeException e) {
            errors.add(new Problem.FieldError("timeZone", "must be an IANA time zone such as America/Chicago"));
        }
        String id = request.id() != null ? request.id() : slug(request.name());
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            errors.add(new Problem.FieldError("id", "must be lower-case letters, digits and dashes (it is the siteId intake uses)"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid(errors));
        }
        if (Site.findById(id) != null) {
            throw new ProblemException(Problem.of(Response.Status.CONFLICT, "site-exists", "A site " + id + " already exists."));
        }
        Site site = new Site();
        site.id = id;
        site.name = request.name().trim();
        site.address = request.address().trim();
        site.timeZone = request.timeZone();
        site.createdAt = Instant.now();
        site.persist();
        return site;
    }

    @Transactional
    public ClinicSession addSession(String siteId, NewSession r) {
        Site site = Site.findById(siteId);
        if (site == null) {
            throw new ProblemException(Problem.of(Response.Status.NOT_FOUND, "not-found", "No site " + siteId));
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (r.date() == null) {
            errors.add(new Problem.FieldError("date", "is required (YYYY-MM-DD)"));
        }
        if (r.start() == null || r.end() == null || !r.end().isAfter(r.start())) {
            errors.add(new Problem.FieldError(r.start() == null ? "start" : "end", "start and end are required, end after start (HH:MM)"));
        }
        if (r.slotMinutes() == null || r.slotMinutes() < 5 || r.slotMinutes() > 240) {
            errors.add(new Problem.FieldError("slotMinutes", "must be between 5 and 240"));
        }
        if (r.stations() == null || r.stations() < 1 || r.stations() > 500) {
            errors.add(new Problem.FieldError("stations", "must be between 1 and 500"));
        }
        if (r.languages() == null || r.languages().isEmpty()
                || !r.languages().stream().allMatch(l -> LANGUAGES.contains(l.toLowerCase(Locale.ROOT)))) {
            errors.add(new Problem.FieldError("languages", "must list the interpreters' languages among en, es, ht, fr, pt"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid(errors));
        }
        ClinicSession session = new ClinicSession();
        session.id = UUID.randomUUID();
        session.siteId = siteId;
        session.sessionDate = r.date();
        session.startTime = r.start();
        session.endTime = r.end();
        session.slotMinutes = r.slotMinutes();
        session.stations = r.stations();
        session.languages = String.join(",", r.languages().stream().map(l -> l.toLowerCase(Locale.ROOT)).toList());
        session.createdAt = Instant.now();
        session.persist();
        for (LocalTime t = r.start(); !t.plusMinutes(r.slotMinutes()).isAfter(r.end()) && !t.isBefore(r.start());
                t = t.plusMinutes(r.slotMinutes())) {
            Slot slot = new Slot();
            slot.id = UUID.randomUUID();
            slot.sessionId = session.id;
            slot.siteId = siteId;
            slot.startsAt = ZonedDateTime.of(r.date(), t, site.zone()).toInstant();
            slot.capacity = r.stations();
            slot.persist();
            if (t.plusMinutes(r.slotMinutes()).isBefore(t)) {
                break; // wrapped past midnight
            }
        }
        Slot.flush();
        bookings.serveWaitlist(siteId);
        return session;
    }

    static String slug(String name) {
        if (name == null) {
            return null;
        }
        String ascii = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
