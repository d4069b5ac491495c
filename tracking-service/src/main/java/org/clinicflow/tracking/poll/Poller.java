package org.clinicflow.tracking.poll;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.clinicflow.events.tracking.UscisStatus;
import org.clinicflow.tracking.status.StatusRecorder;
import org.clinicflow.tracking.status.StatusWording;
import org.clinicflow.tracking.uscis.StatusLookup;
import org.clinicflow.tracking.uscis.UscisConfig;
import org.jboss.logging.Logger;

/**
 * One round of asking USCIS: while calls are not paused, as many due cases as the day's pace
 * allows (at most the per-second rate times the round's length), each call taken from the quota
 * before it is made and spaced to stay under the per-second limit. A 429, an outage or refused
 * credentials ends the round and pauses the next ones ({@link Backoff}). Time is a parameter so
 * a test can run days in seconds. Logs carry counts and reasons, never a receipt number. Tested
 * by {@code TrackerTest}.
 */
@ApplicationScoped
public class Poller {

    private static final Logger LOG = Logger.getLogger(Poller.class);

    private final UscisConfig config;
    private final PollSchedule schedule;
    private final DailyQuota quota;
    private final DueCases due;
    private final StatusLookup lookup;
    private final StatusRecorder recorder;
    private final Backoff backoff;
    private final MeterRegistry metrics;
    private long nextCallNanos;

    Poller(UscisConfig config, PollSchedule schedule, DailyQuota quota, DueCases due, StatusLookup lookup, StatusRecorder recorder,
            Backoff backoff, MeterRegistry metrics) {
        this.config = config;
        this.schedule = schedule;
        this.quota = quota;
        this.due = due;
        this.lookup = lookup;
        this.recorder = recorder;
        this.backoff = backoff;
        this.metrics = metrics;
    }

    /** Asks about what is due at {@code now} for a round of {@code seconds}; returns the calls made. */
    public synchronized int round(Instant now, long seconds) {
        if (!config.uscis().configured() || backoff.paused(now)) {
            return 0;
        }
        var day = schedule.day(now);
        int ceiling = schedule.spendableBy(now);
        int allowed = Math.min(ceiling - quota.used(day), (int) Math.min(Integer.MAX_VALUE, config.quota().perSecond() * seconds));
        if (allowed <= 0) {
            return 0;
        }
        List<DueCases.Due> cases = due.claim(now, allowed);
        if (cases.isEmpty()) {
            return 0;
        }
        double total = due.totalWeight();
        int calls = 0;
        for (int i = 0; i < cases.size(); i++) {
            DueCases.Due c = cases.get(i);
            if (!quota.take(day, ceiling)) {
                release(cases.subList(i, cases.size()), now);
                break;
            }
            calls++;
            pace();
            StatusLookup.Answer answer = lookup.ask(c.receiptNumber(), () -> quota.take(day, ceiling));
            metrics.counter("clinic.tracking.calls", "answer", answer.getClass().getSimpleName()).increment();
            if (answer instanceof StatusLookup.Found found) {
                backoff.answered();
                recorder.answered(c.applicantId(), c.receiptNumber(), StatusWording.of(found.status().status()), found.status().status(),
                        found.status().modifiedDate(), now, total);
            } else if (answer instanceof StatusLookup.NotFound) {
                backoff.answered();
                recorder.answered(c.applicantId(), c.receiptNumber(), UscisStatus.NOT_FOUND, null, null, now, total);
            } else {
                Instant resume;
                if (answer instanceof StatusLookup.SlowDown slowDown) {
                    resume = backoff.slowDown(now, slowDown.retryAfter());
                } else if (answer instanceof StatusLookup.Unauthorized) {
                    resume = backoff.refused(now);
                } else {
                    resume = backoff.unavailable(now);
                }
                LOG.warnf("USCIS calls paused until %s: %s", resume, backoff.reason());
                if (answer instanceof StatusLookup.Unavailable) {
                    recorder.failed(c.applicantId(), now);
                } else {
                    recorder.postponed(c.applicantId(), resume);
                }
                release(cases.subList(i + 1, cases.size()), resume);
                break;
            }
        }
        return calls;
    }

    /** Claimed cases not asked about this round are due again at {@code when}. */
    private void release(List<DueCases.Due> rest, Instant when) {
        rest.forEach(c -> recorder.postponed(c.applicantId(), when));
    }

    /** Spaces calls by 1/per-second of a second (real time: the limit is USCIS's, not the simulated clock's). */
    private void pace() {
        long gap = TimeUnit.SECONDS.toNanos(1) / Math.max(1, config.quota().perSecond());
        long now = System.nanoTime();
        if (nextCallNanos - now > 0) {
            LockSupport.parkNanos(nextCallNanos - now);
            now = System.nanoTime();
        }
        nextCallNanos = now + gap;
    }
}
