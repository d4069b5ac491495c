package org.clinicflow.scheduling.applicant;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.clinicflow.events.intake.ApplicantRegisteredV1;
import org.clinicflow.events.intake.ApplicantUpdatedV1;
import org.clinicflow.events.intake.ApplicantWithdrawnV1;
import org.clinicflow.events.intake.CaseFiledV1;
import org.clinicflow.events.intake.EligibilityDecidedV1;
import org.clinicflow.messaging.inbox.InboxListener;
import org.clinicflow.messaging.inbox.EventHandlers;
import org.clinicflow.messaging.inbox.InboxBatch;
import org.clinicflow.scheduling.booking.Bookings;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Intake's applicant events, through the inbox, as a consumer of their own: they are the
 * prerequisite bookings' events wait for, so they must never queue behind them. Registered and
 * updated keep {@link KnownApplicants} current and release what waited; an eligibility decision
 * opens or shuts the booking gate (booking, waitlisting or releasing a seat); withdrawn marks the
 * applicant and frees their seat; a filing ends a visit still open. Tested by {@code KnownApplicantsTest} and {@code EligibilityGatingTest}.
 */
@ApplicationScoped
public class ApplicantListener extends InboxListener {

    static final String CONSUMER = "scheduling-service.applicants";


    ApplicantListener(InboxBatch inbox, KnownApplicants applicants, Bookings bookings) {
        super(inbox, CONSUMER);
        handle(EventHandlers.builder()
                .on(ApplicantRegisteredV1.class, e -> applicants.announced(e.event().applicantId(), e.event().siteId(),
                        e.event().householdId(), e.event().preferredLanguage()))
                .on(ApplicantUpdatedV1.class, e -> applicants.announced(e.event().applicantId(), e.event().siteId(),
                        e.event().householdId(), e.event().preferredLanguage()))
                .on(EligibilityDecidedV1.class, e -> {
                    applicants.eligibility(e.event().applicantId(), e.event().status(), e.event().earliestFilingDate(),
                            e.event().holdReference(), e.event().overridden());
                    bookings.eligibilityChanged(e.event().applicantId());
                })
                .on(CaseFiledV1.class, e -> {
                    applicants.filed(e.event().applicantId(), e.event().filedAt());
                    bookings.filed(e.event().applicantId(), e.event().filedAt());
                })
                .on(ApplicantWithdrawnV1.class, e -> {
                    applicants.withdrawn(e.event().applicantId());
                    bookings.withdrawn(e.event().applicantId());
                })
                .build());
    }

    @Incoming("applicants")
    @Blocking
    public void applicants(ConsumerRecords<String, byte[]> records) {
        process(records);
    }
}
