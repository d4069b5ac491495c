package org.clinicflow.tracking.tracked;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clinicflow.tracking.poll.Backoff;
import org.clinicflow.tracking.poll.DailyQuota;
import org.clinicflow.tracking.poll.DueCases;
import org.clinicflow.tracking.poll.PollSchedule;
import org.clinicflow.tracking.uscis.UscisConfig;
import org.clinicflow.web.time.ClinicClock;

/**
 * The tracker at a glance, for supervisors and ops: whether USCIS credentials are set, today's
 * quota and pace, whether calls are paused and why, open cases by status and by weight, and how
 * often a case of each weight is seen at today's load (the schedule's formula applied). Counts
 * only: no receipt number, no applicant. Tested by {@code TrackerTest}.
 */
@ApplicationScoped
public class TrackingSummary {

    /** What {@code GET /api/tracking/summary} answers. */
    public record Summary(boolean credentialsConfigured, LocalDate quotaDay, int quotaUsed, int quotaPerDay, int spendableNow,
            Instant pausedUntil, String pauseReason, long openCases, Map<String, Long> openByStatus,
            Map<String, Double> daysBetweenChecks) {
    }

    private final EntityManager em;
    private final UscisConfig config;
    private final DailyQuota quota;
    private final PollSchedule schedule;
    private final Backoff backoff;
    private final DueCases due;
    private final ClinicClock clock;

    TrackingSummary(EntityManager em, UscisConfig config, DailyQuota quota, PollSchedule schedule, Backoff backoff, DueCases due,
            ClinicClock clock) {
        this.em = em;
        this.config = config;
        this.quota = quota;
        this.schedule = schedule;
        this.backoff = backoff;
        this.due = due;
        this.clock = clock;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Summary now() {
        Instant now = clock.now();
        LocalDate day = schedule.day(now);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        List<Object[]> rows = em.createNativeQuery("SELECT COALESCE(status, 'awaiting-first-check'), count(*) FROM tracked_case "
                + "WHERE NOT closed GROUP BY 1 ORDER BY 1").getResultList();
        long open = 0;
        for (Object[] r : rows) {
            long n = ((Number) r[1]).longValue();
            byStatus.put((String) r[0], n);
            open += n;
        }
        double total = due.totalWeight();
        Map<String, Double> days = new LinkedHashMap<>();
        if (total > 0) {
            days.put("new-or-in-motion", days(schedule.interval(PollSchedule.NEW, total)));
            days.put("settled", days(schedule.interval(PollSchedule.SETTLED, total)));
            days.put("quiet", days(schedule.interval(PollSchedule.QUIET, total)));
        }
        return new Summary(config.uscis().configured(), day, quota.used(day), config.quota().perDay(), schedule.spendableBy(now),
                backoff.pausedUntil(now).orElse(null), backoff.paused(now) ? backoff.reason() : null, open, byStatus, days);
    }

    private static double days(java.time.Duration d) {
        return Math.round(d.toMinutes() / 144.0) / 10.0;
    }
}
