package org.clinicflow.scheduling.booking;

import static org.clinicflow.web.problem.ProblemException.invalid;
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
import org.clinicflow.scheduling.applicant.EligibilityGate;
import org.clinicflow.scheduling.applicant.KnownApplicants;
import org.clinicflow.scheduling.site.Site;
import org.clinicflow.web.time.ClinicClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The booking rules. A ready applicant whom eligibility lets file on the slot's date gets the
 * earliest free slot at their site whose session speaks their language, next to their
 * household's appointment when that session has an interpreter for them too (otherwise the
 * nearest one that has); an applicant not yet eligible is booked on or after their earliest
 * filing date once it is within the booking horizon ({@code clinic.scheduling.book-ahead}), and
 * one on hold, not eligible or undetermined is never booked automatically. Whoever cannot be
 * booked waits, with the reason; the waitlist is served whenever capacity appears (a new
 * session, a cancellation, a no-show), when eligibility changes, and every hour as dates come
 * within reach. A hold releases the appointment (its seat goes to someone who may file) unless
 * the applicant is already checked in; the lift books them again. Seats are taken and given
 * back only through {@link Seats}, so no slot is ever overbooked. Policies: a rejected document puts the appointment on hold, keeping
 * the seat, until the documents are ready again; a no-show is offered one new slot
 * automatically, after that a caseworker books by hand. Tested by {@code BookingTest},
 * {@code BookingConcurrencyTest} and {@code EligibilityGatingTest}.
 */
@ApplicationScoped
public class Bookings {

    private static final Pattern RECEIPT = Pattern.compile("[A-Z]{3}\\d{10}");
    private static final Duration HORIZON = Duration.ofDays(120);
    private static final int CANDIDATES = 25;
    static final String NO_FREE_SLOT = "no-free-slot";

    private final Seats seats;
    private final AppointmentEvents events;
    private final Duration minimumLead;
    private final Duration bookAhead;
    private final KnownApplicants applicants;
    private final ClinicClock clock;

    Bookings(Seats seats, AppointmentEvents events, @ConfigProperty(name = "clinic.scheduling.minimum-lead") Duration minimumLead,
            @ConfigProperty(name = "clinic.scheduling.book-ahead") Duration bookAhead, KnownApplicants applicants,
            ClinicClock clock) {
        this.seats = seats;
        this.events = events;
        this.minimumLead = minimumLead;
        this.bookAhead = bookAhead;
        this.applicants = applicants;
        this.clock = clock;
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

    /**
     * Intake recorded the filing: a visit still open (the applicant checked in) ends there, so the
     * day's queue shows the applicant done rather than waiting. No event of its own: intake's
     * case-filed event already tells everyone, and the receipt comes later, through intake.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void filed(UUID applicantId, Instant filedAt) {
        Appointment active = Appointment.activeFor(applicantId);
        if (active != null && active.status == Status.CHECKED_IN) {
            active.status = Status.COMPLETED;
            active.completedAt = filedAt == null ? Instant.now() : filedAt;
            active.updatedAt = Instant.now();
        }
    }

    /**
     * Intake's eligibility decision changed: a shut gate releases the appointment (unless the
     * applicant is checked in) and waitlists them with the reason; an appointment before the
     * earliest filing date is moved; an open gate books a ready applicant who waited.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void eligibilityChanged(UUID applicantId) {
        ReadyApplicant r = ReadyApplicant.findById(applicantId);
        EligibilityGate gate = applicants.gate(applicantId);
        Appointment active = Appointment.activeFor(applicantId);
        if (active != null && active.status != Status.CHECKED_IN) {
            Instant earliest = gate.open() ? earliestStart(active.siteId, gate) : null;
            if (!gate.open() || active.startsAt.isBefore(earliest)) {
                release(active, Status.CANCELLED);
                events.cancelled(active, gate.open() ? "before-eligible-date" : gate.reason());
                serveWaitlist(active.siteId);
                active = null;
            }
        }
        if (active == null && r != null && r.ready && !r.withdrawn) {
            bookOrWaitlist(r);
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
        EligibilityGate gate = applicants.gate(applicantId);
        if (!gate.open()) {
            throw new ProblemException(Problem.about(Response.Status.CONFLICT, "not-bookable", "applicantId",
                    "may not be booked: " + gate.reason() + " (a supervisor can approve booking in intake)"));
        }
        if (gate.from() != null && slotStart.isBefore(startOf(siteId, gate.from()))) {
            throw new ProblemException(Problem.about(Response.Status.CONFLICT, "before-eligible-date", "slotStart",
                    "is before the applicant may file (" + gate.from() + "): choose a slot on or after it")
                    .with("eligibleFrom", gate.from().toString()));
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
        EligibilityGate gate = applicants.gate(a.applicantId);
        if (!a.noShowRebooked && gate.open()) {
            rebooked = next(a.siteId, a.language, earliestStart(a.siteId, gate), null, a.householdId, a.applicantId)
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
                EligibilityGate gate = applicants.gate(a.applicantId);
                Optional<Slot> next = gate.open()
                        ? next(siteId, a.language, earliestStart(siteId, gate), a.slotId, a.householdId, a.applicantId)
                        : Optional.empty();
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
                        r.waitlistedAt = null; // waits again, with the reason of now
                        waitlist(r, gate.open() ? NO_FREE_SLOT : gate.reason(), null);
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
        EligibilityGate gate = applicants.gate(r.applicantId);
        if (!gate.open()) {
            waitlist(r, gate.reason(), null);
            return false;
        }
        Instant from = earliestStart(r.siteId, gate);
        if (from.isAfter(clock.now().plus(bookAhead))) {
            waitlist(r, EligibilityGate.NOT_YET, gate.from()); // booked once the date comes within the horizon
            return false;
        }
        Optional<Slot> slot = next(r.siteId, r.language, from, null, r.householdId, r.applicantId);
        if (slot.isPresent()) {
            Appointment a = create(r.applicantId, r.householdId, r.siteId, slot.get(), r.language);
            r.waitlistedAt = null;
            r.waitlistReason = null;
            r.eligibleFrom = null;
            events.booked(a);
            return true;
        }
        waitlist(r, NO_FREE_SLOT, gate.from());
        return false;
    }

    /** Puts the applicant on the waitlist (keeping their place if already there); announced when new or the reason changed. */
    private void waitlist(ReadyApplicant r, String reason, java.time.LocalDate eligibleFrom) {
        boolean changed = r.waitlistedAt == null || !reason.equals(r.waitlistReason)
                || !java.util.Objects.equals(eligibleFrom, r.eligibleFrom);
        if (r.waitlistedAt == null) {
            r.waitlistedAt = Instant.now();
        }
        r.waitlistReason = reason;
        r.eligibleFrom = eligibleFrom;
        if (changed) {
            events.waitlisted(r);
        }
    }

    /** The first instant a slot may start for this applicant: the lead time from now, and not before their filing date. */
    private Instant earliestStart(String siteId, EligibilityGate gate) {
        Instant lead = clock.now().plus(minimumLead);
        if (gate.from() == null) {
            return lead;
        }
        Instant day = startOf(siteId, gate.from());
        return day.isAfter(lead) ? day : lead;
    }

    private static Instant startOf(String siteId, java.time.LocalDate date) {
        Site site = Site.findById(siteId);
        return date.atStartOfDay(site == null ? java.time.ZoneOffset.UTC : site.zone()).toInstant();
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
                // The family's slot only if its session has an interpreter for this member too.
                if (speaks(Slot.findById(member.slotId), language)) {
                    candidates.add(member.slotId);
                }
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
}
