package org.clinicflow.tracking.tracked;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.clinicflow.events.intake.ApplicantWithdrawnV1;
import org.clinicflow.events.intake.ReceiptRecordedV1;
import org.clinicflow.messaging.inbox.EventHandlers;
import org.clinicflow.messaging.inbox.InboxBatch;
import org.clinicflow.messaging.inbox.InboxListener;
import org.clinicflow.web.time.ClinicClock;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Intake's applicant events, through the inbox: a receipt starts the tracking, a withdrawal ends
 * it; every other type on the topic is read and skipped. Tested by {@code TrackerTest}.
 */
@ApplicationScoped
public class ApplicantListener extends InboxListener {

    static final String CONSUMER = "tracking-service.applicants";

    ApplicantListener(InboxBatch inbox, TrackedCases cases, ClinicClock clock) {
        super(inbox, CONSUMER);
        handle(EventHandlers.builder()
                .on(ReceiptRecordedV1.class, e -> {
                    if (e.event().receiptNumber() != null) {
                        cases.receiptRecorded(e.event().applicantId(), e.event().receiptNumber(), e.event().recordedAt(), clock.now());
                    }
                })
                .on(ApplicantWithdrawnV1.class, e -> cases.withdrawn(e.event().applicantId()))
                .build());
    }

    @Incoming("applicants")
    @Blocking
    public void applicants(ConsumerRecords<String, byte[]> records) {
        process(records);
    }
}
