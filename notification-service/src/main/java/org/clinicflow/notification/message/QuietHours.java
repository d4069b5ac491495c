package org.clinicflow.notification.message;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * No SMS between 21:00 and 08:00 in the site's time zone: a message due then waits for the
 * morning. Pure; tested by {@code RulesOfSendingTest}.
 */
public final class QuietHours {

    static final LocalTime EVENING = LocalTime.of(21, 0);
    static final LocalTime MORNING = LocalTime.of(8, 0);

    private QuietHours() {
    }

    /** {@code due} itself when it is daytime at the site, else the next 08:00 there. */
    public static Instant nextAllowed(Instant due, ZoneId zone) {
        ZonedDateTime local = due.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (!time.isBefore(MORNING) && time.isBefore(EVENING)) {
            return due;
        }
        ZonedDateTime morning = local.with(MORNING);
        return (time.isBefore(MORNING) ? morning : morning.plusDays(1)).toInstant();
    }
}
