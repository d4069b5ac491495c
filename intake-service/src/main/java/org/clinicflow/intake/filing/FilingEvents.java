package org.clinicflow.intake.filing;

import jakarta.enterprise.context.ApplicationScoped;
import org.clinicflow.events.cloudevents.EventMetadata;
import org.clinicflow.events.intake.CaseFiledV1;
import org.clinicflow.events.intake.ReceiptRecordedV1;
import org.clinicflow.intake.applicant.Applicant;
import org.clinicflow.intake.timeline.Timeline;
import org.clinicflow.messaging.outbox.Outbox;

/**
 * Announces a filing and its receipt through the outbox, in the caller's transaction, and puts
 * each on the case's timeline. Tested by {@code FilingApiTest} (the outbox rows and the timeline).
 */
@ApplicationScoped
public class FilingEvents {

    private final Outbox outbox;
    private final Timeline timeline;

    FilingEvents(Outbox outbox, Timeline timeline) {
        this.outbox = outbox;
        this.timeline = timeline;
    }

    void filed(Applicant a, String actor) {
        EventMetadata event = outbox.publish(new CaseFiledV1(a.id, a.filedOn, a.filedMethod, a.feeStatus, a.updatedAt));
        timeline.append(event, a.id, actor, "Filed on " + a.filedOn + " (" + a.filedMethod + ", "
                + a.feeStatus.replace('-', ' ') + ")");
    }

    /**
     * The receipt came with the visit's close (scheduling's {@code visit-completed}, already on the
     * timeline): announced as recorded too, so the tracking service follows it; notification texts
     * a receipt once whichever event brings it.
     */
    public void receiptLearned(Applicant a) {
        outbox.publish(new ReceiptRecordedV1(a.id, a.receiptNumber, a.receiptRecordedAt));
    }

    void receiptRecorded(Applicant a, String actor) {
        EventMetadata event = outbox.publish(new ReceiptRecordedV1(a.id, a.receiptNumber, a.receiptRecordedAt));
        timeline.append(event, a.id, actor, "Receipt " + a.receiptNumber);
    }
}
