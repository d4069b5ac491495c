package org.clinicflow.scheduling.booking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.clinicflow.scheduling.booking.Appointment.Status;
import org.clinicflow.scheduling.site.ClinicSession;
import org.clinicflow.scheduling.site.Seats;
import org.clinicflow.scheduling.site.Slot;
import org.clinicflow.web.problem.Problem;
import org.clinicflow.web.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The booking rules. A ready applicant gets the earliest free slot at their site whose session
 * speaks their language, next to their household's appointment when there is one; with no
 * slot they wait, and the waitlist is served whenever capacity appears (a new session, a
 * cancellation, a no-show). Seats are taken and given back only through {@link Seats}, so no
 * slot is ever overbooked. Policies: a rejected document puts the appointment on hold, keeping
 * the seat, until the documents are ready again; a no-show is offered one new slot
 * automatically, after that a caseworker books by hand. Tested by {@code BookingTest} and
 * {@code BookingConcurrencyTest}.
 */
@ApplicationScoped
public class Bookings {

    private static final Pattern RECEIPT = Pattern.compile("[A-Z]{3}\\d{10}");
    private static final Duration HORIZON = Duration.ofDays(120);
    private static final int CANDIDATES = 25;

    private final Seats seats;
    private final AppointmentEvents events;
    private final Duration minimumLead;

    Bookings(Seats seats, AppointmentEvents events, @ConfigProperty(name = "clinic.scheduling.minimum-lead") Duration minimumLead) {
        this.seats = seats;
        this.events = events;
        this.minimumLead = minimumLead;
    }

    // ---- from other services' events (inside the inbox transaction) -------------------------

    @Transactional(Transactional.TxType.MANDATORY)
    public void documentsReady(UUID applicantId, UUID householdId, String siteId, String language) {
        ReadyApplicant r = ReadyApplicant.findById(applicantId);
        boolean known = r != null;
        if (!known) {
            r = new ReadyApplicant();
            r.applicantId = applicantId;
        }
        r.householdId = householdId;
        r.siteId = siteId;
        r.language = language;
        r.ready = true;
        r.updatedAt = Instant.now();
        if (!known) {
            r.persist(); // only once complete: the queries below flush it
        }
        Appointment active = Appointment.activeFor(applicantId);
        if (active != null) {
            if (active.status == Status.ON_HOLD) {
                active.status = Status.BOOKED; // documents fixed: the held seat stands
                active.updatedAt = Instant.now();
            }
            return;
        }
        if (!r.withdrawn) {
            bookOrWaitlist(r);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void documentRejected(UUID applicantId) {
        ReadyApplicant r = ReadyApplicant.findById(applicantId);
        if (r != null) {
            r.ready = false;
            r.waitlistedAt = null;
        }
        Appointment active = Appointment.activeFor(applicantId);
        if (active != null && (active.status == Status.BOOKED || active.status == Status.CONFIRMED)) {
            active.status = Status.ON_HOLD;
            active.updatedAt = Instant.now();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawn(UUID applicantId) {
        ReadyApplicant r = ReadyApplicant.findById(applicantId);
        if (r != null) {
            r.withdrawn = true;
            r.waitlistedAt = null;
        }
        Appointment active = Appointment.activeFor(applicantId);
        if (active != null && active.status != Status.CHECKED_IN) {
            release(active, Status.CANCELLED);
            events.cancelled(active, "withdrawn");
            serveWaitlist(active.siteId);
        }
    }

    // ---- caseworkers and applicants' replies -------------------------------------------------

    /** A booking attempt's answer: the appointment, or the next free slot when the asked one is full. */
    public record Attempt(Appointment booked, Seats.FreeSlot nextFree) {
    }

    @Transactional
    public Attempt bookSlot(UUID applicantId, String siteId, Instant slotStart) {
        if (Appointment.activeFor(applicantId) != null) {
            throw conflict("already-booked", "The applicant already has an appointment: reschedule it instead.");
        }
        ReadyApplicant r = ReadyApplicant.findById(applicantId);
        String language = r == null ? null : r.language;
        List<Slot> slots = Slot.list("siteId = ?1 and startsAt = ?2", siteId, slotStart);
        if (slots.isEmpty()) {
            throw invalid("slotStart", "no slot at " + siteId + " starts at " + slotStart);
        }
        for (Slot slot : slots) {
            if (speaks(slot, language) && seats.take(slot.id)) {
                Appointment a = create(applicantId, r == null ? null : r.householdId, siteId, slot, language);
                if (r != null) {
                    r.waitlistedAt = null;
                }
                events.booked(a);
                return new Attempt(a, null);
            }
        }
        return new Attempt(null, seats.free(siteId, language, slotStart, slotStart.plus(HORIZON), 1).stream().findFirst()
                .orElse(null));
    }

    @Transactional
    public Appointment reschedule(UUID applicantId, Instant slotStart, String reason) {
        Appointment a = requireActive(applicantId);
        if (a.status == Status.CHECKED_IN) {
            throw conflict("checked-in", "The applicant is already at the clinic.");
        }
        return moveIfPossible(a, slotStart, reason).orElseThrow(() -> conflict("no-free-slot",
                "No free slot " + (slotStart == null ? "after the current one" : "at " + slotStart) + "."));
    }

    /** An applicant's "reschedule" reply: moved when a later slot is free, otherwise left as it is. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Appointment> rescheduleOnRequest(UUID applicantId) {
        Appointment a = Appointment.activeFor(applicantId);
        if (a == null || a.status == Status.CHECKED_IN) {
            return Optional.empty();
        }
        return moveIfPossible(a, null, "applicant-request");
    }

    private Optional<Appointment> moveIfPossible(Appointment a, Instant slotStart, String reason) {
        Optional<Slot> target = slotStart == null
                ? next(a.siteId, a.language, a.startsAt.plusSeconds(1), a.slotId, a.householdId, a.applicantId)
                : Slot.<Slot>list("siteId = ?1 and startsAt = ?2", a.siteId, slotStart).stream()
                        .filter(s -> speaks(s, a.language) && seats.take(s.id)).findFirst();
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Instant previous = a.startsAt;
        seats.giveBack(a.slotId);
        a.slotId = target.get().id;
        a.startsAt = target.get().startsAt;
        a.status = Status.BOOKED;
        a.updatedAt = Instant.now();
        events.rescheduled(a, previous, reason);
        serveWaitlist(a.siteId);
        return Optional.of(a);
    }

    @Transactional
    public Appointment cancel(UUID applicantId, String reason) {
        Appointment a = requireActive(applicantId);
        release(a, Status.CANCELLED);
        events.cancelled(a, reason);
        serveWaitlist(a.siteId);
        return a;
    }

    @Transactional
    public Appointment confirm(UUID applicantId) {
        Appointment a = requireActive(applicantId);
        if (a.status == Status.BOOKED) {
            a.status = Status.CONFIRMED;
            a.updatedAt = Instant.now();
            events.confirmed(a);
        }
        return a;
    }

    @Transactional
    public Appointment checkIn(UUID applicantId) {
        Appointment a = requireActive(applicantId);
        if (a.status == Status.ON_HOLD) {
            throw conflict("on-hold", "The appointment is on hold: a document was rejected. Check the documents first.");
        }
        if (a.status != Status.CHECKED_IN) {
            a.status = Status.CHECKED_IN;
            a.checkedInAt = Instant.now();
            a.updatedAt = a.checkedInAt;
            events.checkedIn(a);
        }
        return a;
    }

    @Transactional
    public Appointment complete(UUID applicantId, String receiptNumber) {
        if (receiptNumber == null || !RECEIPT.matcher(receiptNumber).matches()) {
            throw invalid("receiptNumber", "must be a USCIS receipt number: three letters and ten digits, e.g. IOE0912345678");
        }
        Appointment a = requireActive(applicantId);
        if (a.status != Status.CHECKED_IN) {
            throw conflict("not-checked-in", "Check the applicant in before completing the visit.");
        }
        a.status = Status.COMPLETED;
        a.receiptNumber = receiptNumber;
        a.completedAt = Instant.now();
        a.updatedAt = a.completedAt;
        events.completed(a);
        return a;
    }

    /** Records a no-show; the first one is offered a new slot automatically. Returns the new appointment, if any. */
    @Transactional
    public Optional<Appointment> noShow(UUID applicantId) {
        Appointment a = requireActive(applicantId);
        if (a.status == Status.CHECKED_IN) {
            throw conflict("checked-in", "The applicant was checked in.");
        }
        release(a, Status.NO_SHOW);
        events.noShow(a);
        Optional<Appointment> rebooked = Optional.empty();
        if (!a.noShowRebooked) {
            rebooked = next(a.siteId, a.language, Instant.now().plus(minimumLead), null, a.householdId, a.applicantId)
                    .map(slot -> {
                        Appointment again = create(a.applicantId, a.householdId, a.siteId, slot, a.language);
                        again.noShowRebooked = true;
                        events.booked(again);
                        return again;
                    });
        }
        serveWaitlist(a.siteId);
        return rebooked;
    }

    /** Closes a site for a day: every appointment is moved (or, failing that, cancelled and waitlisted), each person told once. */
    @Transactional
    public int close(String siteId, java.time.LocalDate date) {
        List<ClinicSession> sessions = ClinicSession.list("siteId = ?1 and sessionDate = ?2 and closed = false", siteId, date);
        int moved = 0;
        for (ClinicSession session : sessions) {
            session.closed = true;
        }
        for (ClinicSession session : sessions) {
            List<Appointment> affected = Appointment.list(
                    "slotId in (select s.id from Slot s where s.sessionId = ?1) and status in ?2", session.id, Status.ACTIVE);
            for (Appointment a : affected) {
                Instant previous = a.startsAt;
                Optional<Slot> next = next(siteId, a.language, Instant.now().plus(minimumLead), a.slotId, a.householdId, a.applicantId);
                seats.giveBack(a.slotId);
                if (next.isPresent()) {
                    a.slotId = next.get().id;
                    a.startsAt = next.get().startsAt;
                    a.updatedAt = Instant.now();
                    events.rescheduled(a, previous, "site-closure");
                    moved++;
                } else {
                    a.status = Status.CANCELLED;
                    a.updatedAt = Instant.now();
                    events.cancelled(a, "site-closure");
                    ReadyApplicant r = ReadyApplicant.findById(a.applicantId);
                    if (r != null && r.ready) {
                        r.waitlistedAt = Instant.now();
                        events.waitlisted(r);
                    }
                }
            }
        }
        return moved;
    }

    /** Books waiting applicants of a site, oldest first, while seats last. */
    @Transactional(Transactional.TxType.REQUIRED)
    public int serveWaitlist(String siteId) {
        int booked = 0;
        List<ReadyApplicant> waiting = ReadyApplicant.list(
                "siteId = ?1 and waitlistedAt is not null and ready = true and withdrawn = false order by waitlistedAt", siteId);
        for (ReadyApplicant r : waiting) {
            if (Appointment.activeFor(r.applicantId) == null && bookOrWaitlist(r)) {
                booked++;
            }
        }
        return booked;
    }

    // ---- internals -------------------------------------------------------------------------

    private boolean bookOrWaitlist(ReadyApplicant r) {
        Optional<Slot> slot = next(r.siteId, r.language, Instant.now().plus(minimumLead), null, r.householdId, r.applicantId);
        if (slot.isPresent()) {
            Appointment a = create(r.applicantId, r.householdId, r.siteId, slot.get(), r.language);
            r.waitlistedAt = null;
            events.booked(a);
            return true;
        }
        if (r.waitlistedAt == null) {
            r.waitlistedAt = Instant.now();
            events.waitlisted(r);
        }
        return false;
    }

    /**
     * Takes a seat in the best slot from {@code from}: for a household, the slot of a member's
     * appointment or the nearest one after it; otherwise the earliest that speaks the language.
     */
    private Optional<Slot> next(String siteId, String language, Instant from, UUID excluding, UUID householdId, UUID applicantId) {
        List<UUID> candidates = new ArrayList<>();
        if (householdId != null) {
            Appointment member = Appointment.find("householdId = ?1 and applicantId <> ?2 and siteId = ?3 and status in ?4 "
                    + "order by startsAt", householdId, applicantId, siteId, Status.ACTIVE).firstResult();
            if (member != null && !member.startsAt.isBefore(from)) {
                candidates.add(member.slotId);
                seats.free(siteId, language, member.startsAt, member.startsAt.plus(Duration.ofHours(4)), CANDIDATES)
                        .forEach(f -> candidates.add(f.slotId()));
            }
        }
        seats.free(siteId, language, from, from.plus(HORIZON), CANDIDATES).forEach(f -> candidates.add(f.slotId()));
        for (UUID slotId : candidates) {
            if (!slotId.equals(excluding) && seats.take(slotId)) {
                return Optional.of(Slot.findById(slotId));
            }
        }
        return Optional.empty();
    }

    private Appointment create(UUID applicantId, UUID householdId, String siteId, Slot slot, String language) {
        Appointment a = new Appointment();
        a.id = UUID.randomUUID();
        a.applicantId = applicantId;
        a.householdId = householdId;
        a.siteId = siteId;
        a.slotId = slot.id;
        a.startsAt = slot.startsAt;
        a.language = language;
        a.status = Status.BOOKED;
        a.createdAt = Instant.now();
        a.updatedAt = a.createdAt;
        a.persist();
        return a;
    }

    private void release(Appointment a, Status status) {
        seats.giveBack(a.slotId);
        a.status = status;
        a.updatedAt = Instant.now();
    }

    private static boolean speaks(Slot slot, String language) {
        if (language == null) {
            return true;
        }
        ClinicSession session = ClinicSession.findById(slot.sessionId);
        return !session.closed && session.languageList().contains(language);
    }

    private static Appointment requireActive(UUID applicantId) {
        Appointment a = Appointment.activeFor(applicantId);
        if (a == null) {
            throw new ProblemException(Problem.of(Response.Status.NOT_FOUND, "no-appointment", "The applicant has no active appointment."));
        }
        return a;
    }

    private static ProblemException conflict(String slug, String detail) {
        return new ProblemException(Problem.of(Response.Status.CONFLICT, slug, detail));
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.invalid(List.of(new Problem.FieldError(field, message))));
    }
}
