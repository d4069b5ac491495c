package org.clinicflow.document.checklist;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.clinicflow.events.intake.ApplicantRegisteredV1;
import org.clinicflow.events.intake.ApplicantUpdatedV1;
import org.clinicflow.events.intake.ApplicantWithdrawnV1;
import org.clinicflow.messaging.inbox.InboxListener;
import org.clinicflow.messaging.inbox.EventHandlers;
import org.clinicflow.messaging.inbox.InboxBatch;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Intake's applicant events, through the inbox: registered opens a checklist, updated keeps its
 * routing facts current and re-plans it, withdrawn closes it. Tested by {@code ChecklistTest}.
 */
@ApplicationScoped
public class ApplicantListener extends InboxListener {

    static final String CONSUMER = "document-service.checklists";


    ApplicantListener(InboxBatch inbox, ChecklistService checklists) {
        super(inbox, CONSUMER);
        handle(EventHandlers.builder()
                .on(ApplicantRegisteredV1.class, e -> checklists.applicantChanged(new ChecklistService.ApplicantFacts(
                        e.event().applicantId(), e.event().householdId(), e.event().siteId(), e.event().category(),
                        e.event().preferredLanguage(), Boolean.TRUE.equals(e.event().priorEad()),
                        Boolean.TRUE.equals(e.event().feeWaiverClaimed()))))
                .on(ApplicantUpdatedV1.class, e -> checklists.applicantChanged(new ChecklistService.ApplicantFacts(
                        e.event().applicantId(), e.event().householdId(), e.event().siteId(), e.event().category(),
                        e.event().preferredLanguage(), Boolean.TRUE.equals(e.event().priorEad()),
                        Boolean.TRUE.equals(e.event().feeWaiverClaimed()))))
                .on(ApplicantWithdrawnV1.class, e -> checklists.applicantWithdrawn(e.event().applicantId()))
                .build());
    }

    @Incoming("applicants")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        process(records);
    }
}
