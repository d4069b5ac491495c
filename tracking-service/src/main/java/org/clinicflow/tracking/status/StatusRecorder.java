package org.clinicflow.tracking.status;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.clinicflow.events.tracking.UscisStatus;
import org.clinicflow.tracking.poll.PollSchedule;
import org.clinicflow.tracking.tracked.TrackedCase;

/**
 * Records what USCIS said about a case, each in a transaction of its own: a status that differs
 * from the last one (code or wording) is stored and announced once; the same status asked about
 * again only moves the next check. A final status closes the case. An answer about a receipt
 * number that was corrected while the call was out is dropped. Tested by {@code TrackerTest}.
 */
@ApplicationScoped
public class StatusRecorder {

    private static final Duration FIRST_RETRY = Duration.ofMinutes(5);
    private static final Duration LAST_RETRY = Duration.ofHours(6);

    private final StatusEvents events;
    private final PollSchedule schedule;

    StatusRecorder(StatusEvents events, PollSchedule schedule) {
        this.events = events;
        this.schedule = schedule;
    }

    /** USCIS answered with a status title (or {@code null} title with {@link UscisStatus#NOT_FOUND}). */
    @Transactional
    public void answered(UUID applicantId, String receipt, UscisStatus status, String title, LocalDate statusDate, Instant now,
            double totalWeight) {
        TrackedCase c = TrackedCase.findById(applicantId);
        if (c == null || c.closed || !receipt.equals(c.receiptNumber)) {
            return;
        }
        c.checks++;
        c.lastCheckedAt = now;
        c.failures = 0;
        if (!status.code().equals(c.status) || !Objects.equals(title, c.uscisStatus)) {
            c.status = status.code();
            c.uscisStatus = title;
            c.statusDate = statusDate;
            c.statusChangedAt = now;
            c.closed = status.closesTracking();
            events.changed(c, now);
        }
        c.weight = schedule.weight(c, now);
        c.nextCheckAt = now.plus(schedule.interval(Math.max(c.weight, PollSchedule.QUIET), Math.max(totalWeight, c.weight)));
    }

    /** USCIS could not answer about this case: ask again later, sooner at first. */
    @Transactional
    public void failed(UUID applicantId, Instant now) {
        TrackedCase c = TrackedCase.findById(applicantId);
        if (c == null || c.closed) {
            return;
        }
        c.failures++;
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(c.failures - 1, 10));
        c.nextCheckAt = now.plus(wait.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait);
    }

    /** Calls are paused until {@code resume}: the case waits its turn after it. */
    @Transactional
    public void postponed(UUID applicantId, Instant resume) {
        TrackedCase c = TrackedCase.findById(applicantId);
        if (c != null && !c.closed) {
            c.nextCheckAt = resume;
        }
    }
}
