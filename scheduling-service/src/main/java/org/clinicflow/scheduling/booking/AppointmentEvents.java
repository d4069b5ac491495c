package org.clinicflow.scheduling.booking;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.clinicflow.events.scheduling.AppointmentBookedV1;
import org.clinicflow.events.scheduling.AppointmentCancelledV1;
import org.clinicflow.events.scheduling.AppointmentConfirmedV1;
import org.clinicflow.events.scheduling.AppointmentRescheduledV1;
import org.clinicflow.events.scheduling.AppointmentSlot;
import org.clinicflow.events.scheduling.ApplicantCheckedInV1;
import org.clinicflow.events.scheduling.ApplicantWaitlistedV1;
import org.clinicflow.events.scheduling.NoShowRecordedV1;
import org.clinicflow.events.scheduling.VisitCompletedV1;
import org.clinicflow.messaging.outbox.Outbox;
import org.clinicflow.scheduling.site.Site;

/**
 * Announces scheduling's changes through the outbox, in the caller's transaction. Booking
 * events carry what the SMS needs (site name and address, local date and time in the site's
 * time zone) and never a category or a document name.
 */
@ApplicationScoped
class AppointmentEvents {

    private final Outbox outbox;

    AppointmentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void booked(Appointment a) {
        outbox.publish(new AppointmentBookedV1(a.applicantId, a.id, slot(a), Instant.now()));
    }

    void rescheduled(Appointment a, Instant previousStartsAt, String reason) {
        outbox.publish(new AppointmentRescheduledV1(a.applicantId, a.id, slot(a), previousStartsAt, reason, Instant.now()));
    }

    void cancelled(Appointment a, String reason) {
        outbox.publish(new AppointmentCancelledV1(a.applicantId, a.id, reason, Instant.now()));
    }

    void confirmed(Appointment a) {
        outbox.publish(new AppointmentConfirmedV1(a.applicantId, a.id, Instant.now()));
    }

    void waitlisted(ReadyApplicant r) {
        outbox.publish(new ApplicantWaitlistedV1(r.applicantId, r.siteId, r.language, Instant.now(), r.waitlistReason,
                r.eligibleFrom));
    }

    void checkedIn(Appointment a) {
        outbox.publish(new ApplicantCheckedInV1(a.applicantId, a.id, a.siteId, a.checkedInAt));
    }

    void completed(Appointment a) {
        outbox.publish(new VisitCompletedV1(a.applicantId, a.id, a.receiptNumber, a.completedAt));
    }

    void noShow(Appointment a) {
        outbox.publish(new NoShowRecordedV1(a.applicantId, a.id, Instant.now()));
    }

    static AppointmentSlot slot(Appointment a) {
        Site site = Site.findById(a.siteId);
        ZonedDateTime local = a.startsAt.atZone(site.zone());
        return new AppointmentSlot(site.id, site.name, site.address, site.timeZone, local.toLocalDate(),
                local.toLocalTime(), a.startsAt);
    }
}
