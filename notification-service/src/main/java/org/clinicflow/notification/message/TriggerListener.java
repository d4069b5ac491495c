package org.clinicflow.notification.message;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.clinicflow.events.documents.DocumentRejectedV1;
import org.clinicflow.events.intake.EligibilityDecidedV1;
import org.clinicflow.events.intake.ReceiptRecordedV1;
import org.clinicflow.events.scheduling.AppointmentBookedV1;
import org.clinicflow.events.scheduling.AppointmentCancelledV1;
import org.clinicflow.events.scheduling.AppointmentRescheduledV1;
import org.clinicflow.events.scheduling.AppointmentSlot;
import org.clinicflow.events.scheduling.ApplicantCheckedInV1;
import org.clinicflow.events.scheduling.NoShowRecordedV1;
import org.clinicflow.events.scheduling.VisitCompletedV1;
import org.clinicflow.events.tracking.CaseStatusChangedV1;
import org.clinicflow.events.tracking.UscisStatus;
import org.clinicflow.messaging.inbox.ArrivedEarly;
import org.clinicflow.messaging.inbox.InboxListener;
import org.clinicflow.messaging.inbox.EventHandlers;
import org.clinicflow.messaging.inbox.InboxBatch;
import org.clinicflow.notification.contact.Contact;
import org.clinicflow.notification.reminder.Reminders;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What applicants are told, and when: booked, moved or cancelled appointments (place, local
 * date and time, reply options), a rejected document (what to bring), a filed application's
 * receipt number (once per receipt, whether the visit's close or intake's record announced it), USCIS's approval and
 * the card's mailing (neutral: "an update on your application", "your card is in the mail", each asking people who
 * moved to contact the clinic; once per status), a policy hold (a neutral "contact the clinic", once per hold, and no
 * cancellation text for the appointment the hold released); bookings plan the 24 h and 2 h reminders, moves replace them, the end
 * of an appointment cancels them. Through the inbox, so a redelivered event queues nothing new.
 * Intake publishes an applicant's contact point with the registration, so it normally exists
 * before any trigger; a trigger that overtakes it (another topic, a lagging consumer) or whose
 * contact point never comes is parked for that applicant alone ({@link ArrivedEarly}) instead
 * of being suppressed for want of a phone, and is applied when the contact point arrives.
 * Tested by {@code NotificationFlowTest} and {@code OrphanTriggersTest}.
 */
@ApplicationScoped
public class TriggerListener extends InboxListener {

    static final String CONSUMER = "notification-service.triggers";
    /** The reason scheduling gives when a hold releases an appointment. */
    static final String HOLD_RELEASE = "on-hold";


    TriggerListener(InboxBatch inbox, MessageQueue queue, Reminders reminders,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "clinic.notification.help-phone") String helpPhone) {
        super(inbox, CONSUMER);
        handle(EventHandlers.builder()
                .prefetch(Contact::prefetch)
                .on(AppointmentBookedV1.class, e -> {
                    requireContactPoint(e.event().applicantId());
                    learnZone(e.event().applicantId(), e.event().slot());
                    queue.enqueue(e.metadata().id(), e.event().applicantId(), "appointment-booked", slot(e.event().slot()), null,
                            e.event().slot().timeZone());
                    reminders.plan(e.event().applicantId(), e.event().appointmentId(), e.event().slot());
                })
                .on(AppointmentRescheduledV1.class, e -> {
                    requireContactPoint(e.event().applicantId());
                    learnZone(e.event().applicantId(), e.event().slot());
                    queue.enqueue(e.metadata().id(), e.event().applicantId(), "appointment-rescheduled", slot(e.event().slot()),
                            null, e.event().slot().timeZone());
                    reminders.replan(e.event().applicantId(), e.event().appointmentId(), e.event().slot());
                })
                .on(AppointmentCancelledV1.class, e -> {
                    requireContactPoint(e.event().applicantId());
                    reminders.cancel(e.event().appointmentId());
                    // A withdrawal stops messages; a hold's own SMS ("contact the clinic") says all there is to say.
                    if (!"withdrawn".equals(e.event().reason()) && !HOLD_RELEASE.equals(e.event().reason())) {
                        queue.enqueue(e.metadata().id(), e.event().applicantId(), "appointment-cancelled", Map.of(), null, null);
                    }
                })
                .on(DocumentRejectedV1.class, e -> {
                    requireContactPoint(e.event().applicantId());
                    queue.enqueue(e.metadata().id(), e.event().applicantId(), "document-rejected",
                            Map.of("document", new MessageQueue.Document(e.event().documentType())), null, null);
                })
                .on(VisitCompletedV1.class, e -> {
                    requireContactPoint(e.event().applicantId());
                    reminders.cancel(e.event().appointmentId());
                    queue.enqueue(receiptMessageId(e.event().applicantId(), e.event().receiptNumber()), e.event().applicantId(),
                            "visit-completed", Map.of("receipt", e.event().receiptNumber()), null, null);
                })
                .on(ReceiptRecordedV1.class, e -> {
                    requireContactPoint(e.event().applicantId());
                    queue.enqueue(receiptMessageId(e.event().applicantId(), e.event().receiptNumber()), e.event().applicantId(),
                            "visit-completed", Map.of("receipt", e.event().receiptNumber()), null, null);
                })
                // Only holds: every other decision is skipped before the batch locks its applicant, which
                // the contacts channel, reading the same registration, is likely working on.
                .on(EligibilityDecidedV1.class, decision -> decision.holdReference() != null && "on_hold".equals(decision.status()), e -> {
                    requireContactPoint(e.event().applicantId());
                    // One SMS per hold, whatever else is announced while it lasts: the message id comes from the hold.
                    UUID hold = UUID.nameUUIDFromBytes(("hold|" + e.event().applicantId() + "|" + e.event().holdReference())
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    queue.enqueue(hold, e.event().applicantId(), "contact-clinic", Map.of("helpPhone", helpPhone), null, null);
                })
                .on(CaseStatusChangedV1.class, e -> {
                    UscisStatus status = UscisStatus.ofCode(e.event().status()).orElse(UscisStatus.UNKNOWN);
                    if (!status.textsApplicant()) {
                        return;
                    }
                    requireContactPoint(e.event().applicantId());
                    // One text per status, however often USCIS's wording of it changes or the event is announced.
                    UUID id = UUID.nameUUIDFromBytes(("uscis|" + e.event().applicantId() + "|" + status.code())
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    queue.enqueue(id, e.event().applicantId(), status == UscisStatus.CARD_MAILED ? "card-mailed" : "case-approved",
                            Map.of("helpPhone", helpPhone), null, null);
                })
                .on(ApplicantCheckedInV1.class, e -> reminders.cancel(e.event().appointmentId()))
                .on(NoShowRecordedV1.class, e -> reminders.cancel(e.event().appointmentId()))
                .build());
    }

    /**
     * Appointments, checklists (rejected documents) and the tracking service's USCIS status changes
     * (approved, card mailed): one channel, so one poll loop and one transaction at a time.
     */
    @Incoming("triggers")
    @Blocking
    public void triggers(ConsumerRecords<String, byte[]> records) {
        process(records);
    }

    /** Intake's applicants topic, for holds and receipts only, in a consumer group of its own (the contacts listener reads it too). */
    @Incoming("holds")
    @Blocking
    public void holds(ConsumerRecords<String, byte[]> records) {
        process(records);
    }

    /**
     * One receipt, one text: the id comes from the applicant and the receipt number, so a receipt
     * that both scheduling (the visit closed with it) and intake (recorded on the case) announce
     * is texted once.
     */
    static UUID receiptMessageId(UUID applicantId, String receiptNumber) {
        return UUID.nameUUIDFromBytes(("receipt|" + applicantId + "|" + receiptNumber).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Map<String, Object> slot(AppointmentSlot slot) {
        return Map.of("date", slot.localDate(), "time", slot.localTime(), "site", slot.siteName(), "address", slot.siteAddress());
    }

    private static void requireContactPoint(UUID applicantId) {
        Contact contact = Contact.findById(applicantId);
        if (contact == null || !contact.contactPointKnown) {
            throw new ArrivedEarly("the applicant's contact point");
        }
    }

    private static void learnZone(UUID applicantId, AppointmentSlot slot) {
        Contact contact = Contact.findById(applicantId);
        if (contact != null && slot.timeZone() != null) {
            contact.timeZone = slot.timeZone();
        }
    }
}
