package org.clinicflow.intake.applicant;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.clinicflow.events.cloudevents.EventMetadata;
import org.clinicflow.events.intake.ApplicantRegisteredV1;
import org.clinicflow.events.intake.ApplicantUpdatedV1;
import org.clinicflow.events.intake.ApplicantWithdrawnV1;
import org.clinicflow.events.intake.ContactPointChangedV1;
import org.clinicflow.intake.timeline.Timeline;
import org.clinicflow.messaging.outbox.Outbox;

/**
 * Announces intake's changes through the outbox, in the caller's transaction, and notes each
 * on the case's timeline. Routing facts go on the applicants topic; the phone number travels
 * only in ContactPointChanged, on the contacts topic.
 */
@ApplicationScoped
class ApplicantEvents {

    private final Outbox outbox;
    private final Timeline timeline;

    ApplicantEvents(Outbox outbox, Timeline timeline) {
        this.outbox = outbox;
        this.timeline = timeline;
    }

    void registered(Applicant a, String actor) {
        EventMetadata event = outbox.publish(new ApplicantRegisteredV1(a.id, a.householdId, a.siteId, a.category,
                a.preferredLanguage, a.createdAt, a.priorEad, waiverClaimed(a)));
        timeline.append(event, a.id, actor, "Registered at " + a.siteId + " in category " + a.category);
        contactChanged(a, actor);
    }

    void updated(Applicant a, List<String> routingFields, String actor) {
        EventMetadata event = outbox.publish(new ApplicantUpdatedV1(a.id, a.householdId, a.siteId, a.category,
                a.preferredLanguage, routingFields, a.updatedAt, a.priorEad, waiverClaimed(a)));
        timeline.append(event, a.id, actor, "Corrected: " + String.join(", ", routingFields));
    }

    private static boolean waiverClaimed(Applicant a) {
        return a.feeWaiverBasis != null && a.feeWaiverBasis != org.clinicflow.intake.eligibility.ApplicantFacts.FeeWaiverBasis.NONE;
    }

    void contactChanged(Applicant a, String actor) {
        EventMetadata event = outbox.publish(new ContactPointChangedV1(a.id, a.phone, a.preferredLanguage,
                a.smsConsent, Instant.now()));
        timeline.append(event, a.id, actor, "SMS contact " + (a.smsConsent ? "consented" : "not consented")
                + ", language " + a.preferredLanguage);
    }

    void withdrawn(Applicant a, String reason, String actor) {
        EventMetadata event = outbox.publish(new ApplicantWithdrawnV1(a.id, reason, a.updatedAt));
        timeline.append(event, a.id, actor, "Withdrawn: " + reason);
    }
}
