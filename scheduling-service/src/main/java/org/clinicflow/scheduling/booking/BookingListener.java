package org.clinicflow.scheduling.booking;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.clinicflow.events.documents.DocumentRejectedV1;
import org.clinicflow.events.documents.DocumentsReadyV1;
import org.clinicflow.events.notification.ApplicantRepliedV1;
import org.clinicflow.messaging.inbox.InboxListener;
import org.clinicflow.messaging.inbox.EventHandlers;
import org.clinicflow.messaging.inbox.InboxBatch;
import org.clinicflow.scheduling.applicant.KnownApplicants;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The events that move bookings, through the inbox: documents ready books (or waitlists) once
 * intake's registration is known here (until then it is parked for that applicant), a rejected
 * document puts the appointment on hold, an applicant's SMS reply confirms, reschedules or
 * cancels. Withdrawals come through {@code ApplicantListener}. Tested by {@code BookingTest}
 * and {@code KnownApplicantsTest}.
 */
@ApplicationScoped
public class BookingListener extends InboxListener {

    static final String CONSUMER = "scheduling-service.bookings";


    BookingListener(InboxBatch inbox, Bookings bookings, KnownApplicants applicants) {
        super(inbox, CONSUMER);
        handle(EventHandlers.builder()
                .on(DocumentsReadyV1.class, e -> {
                    applicants.require(e.event().applicantId()); // waits for intake's registration
                    bookings.documentsReady(e.event().applicantId(), e.event().householdId(), e.event().siteId(),
                            e.event().preferredLanguage());
                })
                .on(DocumentRejectedV1.class, e -> bookings.documentRejected(e.event().applicantId()))
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
                .build());
    }

    /** Checklists and messages: one channel, so one poll loop and one transaction at a time. */
    @Incoming("bookings")
    @Blocking
    public void bookings(ConsumerRecords<String, byte[]> records) {
        process(records);
    }

}
