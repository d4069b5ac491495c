package org.clinicflow.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.clinicflow.tracking.poll.PollSchedule;
import org.clinicflow.tracking.tracked.TrackedCase;
import org.clinicflow.tracking.uscis.UscisConfig;
import org.junit.jupiter.api.Test;

/**
 * The schedule's arithmetic against figures worked by hand (README, "Tracking cases at USCIS"):
 * 1,000 calls a day less a 10% reserve shared by 10,000 cases; the 12-hour floor; the pace
 * through USCIS's day; each case's weight from its status and age.
 */
class PollScheduleTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final PollSchedule schedule = schedule(1000, 0.1);

    @Test
    void tenThousandSettledCasesAreEachSeenEveryElevenDays() {
        // W = 10,000 x 1; Q = 900: 10,000 / 900 = 11.11 days.
        assertEquals(Duration.ofSeconds(Math.round(10_000 / 900.0 * 86_400)), schedule.interval(1, 10_000));
        assertEquals(11.1, days(schedule.interval(1, 10_000)), 0.05);
    }

    @Test
    void aMixedLoadSeesNewCasesFourTimesAsOftenAndQuietOnesHalfAsOften() {
        // 1,000 new or in motion (w 4), 8,000 settled (1), 1,000 quiet (0.5): W = 4,000 + 8,000 + 500 = 12,500.
        double w = 12_500;
        assertEquals(3.47, days(schedule.interval(4, w)), 0.01);   // 12,500 / (900 x 4)
        assertEquals(13.89, days(schedule.interval(1, w)), 0.01);  // 12,500 / 900
        assertEquals(27.78, days(schedule.interval(0.5, w)), 0.01); // 12,500 / 450
        // The planned calls add up to the day's plan: 1,000 x 4/12,500 x 900 + ... = 900.
        double perDay = 1000 / days(schedule.interval(4, w)) + 8000 / days(schedule.interval(1, w))
                + 1000 / days(schedule.interval(0.5, w));
        assertEquals(900, perDay, 1);
    }

    @Test
    void fewCasesAreNotAskedAboutMoreThanTwiceADay() {
        assertEquals(Duration.ofHours(12), schedule.interval(4, 40));
    }

    @Test
    void thePaceSpreadsTheQuotaOverUscisDayWithAnHourAhead() {
        ZonedDateTime midnight = ZonedDateTime.of(2027, 3, 1, 0, 0, 0, 0, NEW_YORK);
        assertEquals(42, schedule.spendableBy(midnight.toInstant()));                 // ceil(1000 x 3,600 / 86,400)
        assertEquals(542, schedule.spendableBy(midnight.plusHours(12).toInstant()));  // ceil(1000 x 46,800 / 86,400)
        assertEquals(1000, schedule.spendableBy(midnight.plusHours(23).toInstant()));
        assertEquals(1000, schedule.spendableBy(midnight.plusHours(23).plusMinutes(59).toInstant()));
        assertEquals(midnight.toLocalDate().minusDays(1), schedule.day(midnight.toInstant().minusSeconds(1)));
    }

    @Test
    void weightsFollowTheStatusAndItsAge() {
        Instant now = Instant.parse("2027-03-01T12:00:00Z");
        assertEquals(4, schedule.weight(tracked(null, now.minus(Duration.ofDays(30)), null), now));
        assertEquals(4, schedule.weight(tracked("received", now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(2))), now));
        assertEquals(1, schedule.weight(tracked("received", now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(29))), now));
        assertEquals(0.5, schedule.weight(tracked("received", now.minus(Duration.ofDays(200)), now.minus(Duration.ofDays(100))), now));
        assertEquals(4, schedule.weight(tracked("approved", now.minus(Duration.ofDays(200)), now.minus(Duration.ofDays(100))), now));
        assertEquals(4, schedule.weight(tracked("card-mailed", now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(1))), now));
        TrackedCase closed = tracked("card-delivered", now.minus(Duration.ofDays(60)), now);
        closed.closed = true;
        assertEquals(0, schedule.weight(closed, now));
    }

    private static TrackedCase tracked(String status, Instant recorded, Instant changed) {
        TrackedCase c = new TrackedCase();
        c.status = status;
        c.recordedAt = recorded;
        c.statusChangedAt = changed;
        return c;
    }

    private static double days(Duration d) {
        return d.getSeconds() / 86_400.0;
    }

    static PollSchedule schedule(int perDay, double reserve) {
        UscisConfig config = new UscisConfig() {
            public Uscis uscis() {
                return null;
            }

            public Quota quota() {
                return new Quota() {
                    public int perDay() {
                        return perDay;
                    }

                    public double reserve() {
                        return reserve;
                    }

                    public int perSecond() {
                        return 4;
                    }

                    public ZoneId zone() {
                        return NEW_YORK;
                    }
                };
            }

            public Duration minInterval() {
                return Duration.ofHours(12);
            }

            public StandIn standIn() {
                return null;
            }

            public String tick() {
                return "off";
            }
        };
        return new PollSchedule(config);
    }
}
