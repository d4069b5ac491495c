package org.clinicflow.intake.address;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import org.clinicflow.events.cloudevents.EventMetadata;
import org.clinicflow.events.intake.MailingAddressChangedV1;
import org.clinicflow.intake.applicant.Applicant;
import org.clinicflow.intake.timeline.Timeline;
import org.clinicflow.messaging.outbox.Outbox;
import org.clinicflow.web.time.ClinicClock;

/**
 * Announces a move through the outbox (the date, not the address) and puts it on the timeline,
 * in the caller's transaction. Tested by {@code AfterFilingTest}.
 */
@ApplicationScoped
class AddressEvents {

    private final Outbox outbox;
    private final Timeline timeline;
    private final ClinicClock clock;

    AddressEvents(Outbox outbox, Timeline timeline, ClinicClock clock) {
        this.outbox = outbox;
        this.timeline = timeline;
        this.clock = clock;
    }

    EventMetadata moved(Applicant a, LocalDate movedOn, boolean afterFiling, String actor) {
        EventMetadata event = outbox.publish(new MailingAddressChangedV1(a.id, movedOn, afterFiling, clock.now()));
        timeline.append(event, a.id, actor, "Mailing address changed: moved on " + movedOn
                + (afterFiling ? " (after filing: tell USCIS)" : ""));
        return event;
    }
}
