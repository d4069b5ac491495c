package org.clinicflow.intake.eligibility;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.clinicflow.events.cloudevents.EventMetadata;
import org.clinicflow.events.intake.EligibilityDecidedV1;
import org.clinicflow.intake.timeline.Timeline;
import org.clinicflow.messaging.outbox.Outbox;

/**
 * Announces a case's changed eligibility through the outbox, in the caller's transaction, and
 * notes it on the timeline: codes and dates only. Tested by {@code EligibilityEventsTest}.
 */
@ApplicationScoped
class EligibilityEvents {

    private final Outbox outbox;
    private final Timeline timeline;

    EligibilityEvents(Outbox outbox, Timeline timeline) {
        this.outbox = outbox;
        this.timeline = timeline;
    }

    void decided(UUID applicantId, CaseDecision d, String actor) {
        EventMetadata event = outbox.publish(new EligibilityDecidedV1(applicantId, d.statusCode(),
                d.decision().earliestFilingDate(), d.decision().validUntil(), d.holdReference(), d.overridden(),
                d.decision().ruleIds(), d.decision().ruleBookVersion(), Instant.now()));
        timeline.append(event, applicantId, actor, "Eligibility: " + d.statusCode()
                + (d.decision().earliestFilingDate() == null ? "" : ", may file from " + d.decision().earliestFilingDate())
                + (d.overridden() ? ", booking approved by a supervisor" : "")
                + " (rules " + d.decision().ruleBookVersion() + ")");
    }
}
