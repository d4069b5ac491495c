package org.clinicflow.notification.reminder;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicflow.events.scheduling.AppointmentSlot;
import org.clinicflow.notification.message.MessageQueue;

/**
 * Reminders 24 and 2 hours before an appointment. Scheduled from booking events; a reschedule
 * cancels the old ones before planning new ones (so no stale reminder ever fires), and a
 * cancellation, no-show, check-in or completion cancels them. Due reminders become messages
 * (under quiet hours like any SMS). Tested by {@code NotificationFlowTest}.
 */
@ApplicationScoped
public class Reminders {

    private static final Map<String, Duration> BEFORE = Map.of("reminder-24h", Duration.ofHours(24), "reminder-2h", Duration.ofHours(2));

    private final MessageQueue queue;

    Reminders(MessageQueue queue) {
        this.queue = queue;
    }

    /** A rescheduled appointment's reminders: the old ones cancelled (none may fire for the old time), new ones planned. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replan(UUID applicantId, UUID appointmentId, AppointmentSlot slot) {
        cancel(appointmentId);
        plan(applicantId, appointmentId, slot);
    }

    /**
     * The reminders of a new appointment. Nothing to cancel first: scheduling announces a booking
     * only for an appointment it has just created (a new id), and a redelivered booking never gets
     * here (the inbox), so the bulk update {@link #replan} needs would only cost a flush per booking.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void plan(UUID applicantId, UUID appointmentId, AppointmentSlot slot) {
        Instant now = Instant.now();
        for (Map.Entry<String, Duration> kind : BEFORE.entrySet()) {
            Instant due = slot.startsAt().minus(kind.getValue());
            if (due.isBefore(now)) {
                continue; // too late for this one
            }
            Reminder r = new Reminder();
            r.id = UUID.randomUUID();
            r.applicantId = applicantId;
            r.appointmentId = appointmentId;
            r.kind = kind.getKey();
            r.dueAt = due;
            r.startsAt = slot.startsAt();
            r.siteName = slot.siteName();
            r.siteAddress = slot.siteAddress();
            r.timeZone = slot.timeZone();
            r.status = "pending";
            r.persist();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void cancel(UUID appointmentId) {
        Reminder.update("status = 'cancelled' where appointmentId = ?1 and status = 'pending'", appointmentId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelAllOf(UUID applicantId) {
        Reminder.update("status = 'cancelled' where applicantId = ?1 and status = 'pending'", applicantId);
    }

    @Scheduled(every = "${clinic.notification.reminder-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void sendDue() {
        // Claimed with SKIP LOCKED: replicas share the due reminders instead of racing for the same ones.
        @SuppressWarnings("unchecked")
        List<Reminder> due = Reminder.getEntityManager().createNativeQuery("SELECT * FROM reminder WHERE status = 'pending'"
                + " AND due_at <= ?1 ORDER BY due_at LIMIT 500 FOR UPDATE SKIP LOCKED", Reminder.class)
                .setParameter(1, Instant.now()).getResultList();
        for (Reminder r : due) {
            ZonedDateTime local = r.startsAt.atZone(ZoneId.of(r.timeZone));
            queue.enqueue(r.id, r.applicantId, r.kind, Map.of("date", local.toLocalDate(), "time", local.toLocalTime(),
                    "site", r.siteName, "address", r.siteAddress), null, r.timeZone);
            r.status = "sent";
        }
    }
}
