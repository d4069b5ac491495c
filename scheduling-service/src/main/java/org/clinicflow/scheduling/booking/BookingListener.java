package org.clinicflow.scheduling.booking;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicflow.events.documents.DocumentRejectedV1;
import org.clinicflow.events.documents.DocumentsReadyV1;
import org.clinicflow.events.intake.ApplicantWithdrawnV1;
import org.clinicflow.events.notification.ApplicantRepliedV1;
import org.clinicflow.messaging.inbox.EventHandlers;
import org.clinicflow.messaging.inbox.InboxProcessor;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The events that move bookings, through the inbox: documents ready books (or waitlists),
 * a rejected document puts the appointment on hold, an applicant's SMS reply confirms,
 * reschedules or cancels, a withdrawal frees the seat. Tested by {@code BookingTest}.
 */
@ApplicationScoped
public class BookingListener {

    static final String CONSUMER = "scheduling-service.bookings";

    private final InboxProcessor inbox;
    private final EventHandlers handlers;

    BookingListener(InboxProcessor inbox, Bookings bookings) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(DocumentsReadyV1.class, e -> bookings.documentsReady(e.event().applicantId(), e.event().householdId(),
                        e.event().siteId(), e.event().preferredLanguage()))
                .on(DocumentRejectedV1.class, e -> bookings.documentRejected(e.event().applicantId()))
                .on(ApplicantWithdrawnV1.class, e -> bookings.withdrawn(e.event().applicantId()))
                .on(ApplicantRepliedV1.class, e -> {
                    if (Appointment.activeFor(e.event().applicantId()) == null || e.event().intent() == null) {
                        return; // a reply with nothing to act on changes nothing
                    }
                    switch (e.event().intent()) {
                        case CONFIRM -> bookings.confirm(e.event().applicantId());
                        case RESCHEDULE -> bookings.rescheduleOnRequest(e.event().applicantId());
                        case CANCEL -> bookings.cancel(e.event().applicantId(), "applicant-request");
                        default -> {
                        }
                    }
                })
                .build();
    }

    @Incoming("checklists")
    @Blocking
    public void checklists(ConsumerRecord<String, byte[]> record) {
        inbox.process(record, CONSUMER, handlers);
    }

    @Incoming("messages")
    @Blocking
    public void messages(ConsumerRecord<String, byte[]> record) {
        inbox.process(record, CONSUMER, handlers);
    }

    @Incoming("applicants")
    @Blocking
    public void applicants(ConsumerRecord<String, byte[]> record) {
        inbox.process(record, CONSUMER, handlers);
    }
}
