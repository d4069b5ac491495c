package org.clinicflow.tracking.status;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.clinicflow.events.tracking.CaseStatusChangedV1;
import org.clinicflow.messaging.outbox.Outbox;
import org.clinicflow.tracking.tracked.TrackedCase;

/**
 * Announces a case's new USCIS status through the outbox, in the transaction that records it.
 * Tested by {@code TrackerTest} (one event per change, none for a status asked about again).
 */
@ApplicationScoped
public class StatusEvents {

    private final Outbox outbox;

    StatusEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void changed(TrackedCase c, Instant observedAt) {
        outbox.publish(new CaseStatusChangedV1(c.applicantId, c.status, c.uscisStatus, c.statusDate, observedAt));
    }
}
