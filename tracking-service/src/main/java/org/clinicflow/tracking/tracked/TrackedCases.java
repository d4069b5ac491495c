package org.clinicflow.tracking.tracked;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Starts and ends the tracking of a case from intake's events: a recorded receipt is tracked
 * from now (due at once, so its first status comes within the day's pace); a corrected receipt
 * number replaces the old one and starts over; a withdrawal closes it. Runs in the inbox's
 * transaction. Tested by {@code TrackerTest}.
 */
@ApplicationScoped
public class TrackedCases {

    @Transactional(Transactional.TxType.MANDATORY)
    public void receiptRecorded(UUID applicantId, String receiptNumber, Instant recordedAt, Instant now) {
        String receipt = receiptNumber.toUpperCase(Locale.ROOT);
        TrackedCase tracked = TrackedCase.findById(applicantId);
        if (tracked != null && receipt.equals(tracked.receiptNumber)) {
            return;
        }
        if (tracked == null) {
            tracked = new TrackedCase();
            tracked.applicantId = applicantId;
        }
        tracked.receiptNumber = receipt;
        tracked.recordedAt = recordedAt == null ? now : recordedAt;
        tracked.status = null;
        tracked.uscisStatus = null;
        tracked.statusDate = null;
        tracked.statusChangedAt = null;
        tracked.nextCheckAt = now;
        tracked.failures = 0;
        tracked.weight = org.clinicflow.tracking.poll.PollSchedule.NEW;
        tracked.closed = false;
        tracked.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawn(UUID applicantId) {
        TrackedCase tracked = TrackedCase.findById(applicantId);
        if (tracked != null) {
            tracked.closed = true;
        }
    }
}
