package org.clinicflow.tracking.poll;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Set;
import org.clinicflow.events.tracking.UscisStatus;
import org.clinicflow.tracking.tracked.TrackedCase;
import org.clinicflow.tracking.uscis.UscisConfig;

/**
 * How the day's quota is shared between the open cases, and how fast it may be spent.
 *
 * <p>Each open case has a weight w: 4 for a new filing (no status yet, or received within 14
 * days of the receipt) and for a case in motion (evidence requested or answered, approved, card
 * being produced, mailed, or returned); 0.5 for a quiet one (no change for 90 days); 1 otherwise.
 * With W the sum of the open cases' weights and Q = per-day × (1 − reserve) the calls the
 * schedule may plan, a case is asked about every max(min-interval, W / (Q × w)) days: the rates
 * 1/interval add up to Q, so the planned calls fit the day. Example: 10,000 open cases, 1,000
 * calls a day, 10% reserve (Q = 900): all settled, each is seen every 11.1 days; with 1,000 new
 * or in motion, 8,000 settled and 1,000 quiet (W = 12,500), every 3.5, 13.9 and 27.8 days.
 *
 * <p>The pace: by a moment t of USCIS's day, at most ⌈per-day × (seconds since midnight + 3,600)
 * / 86,400⌉ calls are spent (an hour's share ahead), so a restart, a backlog or a retry storm
 * never spends the day in the morning. Tested by {@code PollScheduleTest} against hand-computed
 * figures, and by {@code TrackerTest} over simulated days.
 */
@ApplicationScoped
public class PollSchedule {

    public static final double NEW = 4;
    public static final double SETTLED = 1;
    public static final double QUIET = 0.5;
    private static final Duration NEW_FILING = Duration.ofDays(14);
    private static final Duration QUIET_AFTER = Duration.ofDays(90);
    private static final Set<UscisStatus> IN_MOTION = Set.of(UscisStatus.EVIDENCE_REQUESTED, UscisStatus.EVIDENCE_RECEIVED,
            UscisStatus.APPROVED, UscisStatus.CARD_PRODUCED, UscisStatus.CARD_MAILED, UscisStatus.RETURNED);
    private static final double SECONDS_PER_DAY = 86_400;

    private final UscisConfig config;

    public PollSchedule(UscisConfig config) {
        this.config = config;
    }

    /** A case's weight now (0 when closed). */
    public double weight(TrackedCase c, Instant now) {
        if (c.closed) {
            return 0;
        }
        if (c.status == null) {
            return NEW;
        }
        UscisStatus status = UscisStatus.ofCode(c.status).orElse(UscisStatus.UNKNOWN);
        if (IN_MOTION.contains(status)) {
            return NEW;
        }
        if (status == UscisStatus.RECEIVED && c.recordedAt.plus(NEW_FILING).isAfter(now)) {
            return NEW;
        }
        Instant since = c.statusChangedAt == null ? c.recordedAt : c.statusChangedAt;
        return since.plus(QUIET_AFTER).isBefore(now) ? QUIET : SETTLED;
    }

    /** The calls a day the schedule plans: per-day less the reserve. */
    public double plannedPerDay() {
        return config.quota().perDay() * (1 - config.quota().reserve());
    }

    /** How long until a case of weight {@code w} is asked again, when the open cases weigh {@code total}. */
    public Duration interval(double w, double total) {
        double days = total / (plannedPerDay() * w);
        Duration planned = Duration.ofSeconds(Math.round(days * SECONDS_PER_DAY));
        return planned.compareTo(config.minInterval()) < 0 ? config.minInterval() : planned;
    }

    /** USCIS's day at {@code now}, the day its quota is counted on. */
    public LocalDate day(Instant now) {
        return LocalDate.ofInstant(now, config.quota().zone());
    }

    /** The calls that may have been spent by {@code now} in its day: the pace, never above per-day. */
    public int spendableBy(Instant now) {
        ZonedDateTime local = now.atZone(config.quota().zone());
        double elapsed = Duration.between(local.toLocalDate().atStartOfDay(local.getZone()), local).getSeconds();
        double share = Math.ceil(config.quota().perDay() * (elapsed + 3_600) / SECONDS_PER_DAY);
        return (int) Math.min(config.quota().perDay(), share);
    }
}
