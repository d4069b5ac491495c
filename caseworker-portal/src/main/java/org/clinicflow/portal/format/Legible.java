package org.clinicflow.portal.format;

import io.quarkus.qute.TemplateData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times as a person at the site reads them: in the site's time zone and the viewer's
 * language ({@code lun 30 nov, 09:00} in Spanish, {@code Mon, Nov 30, 9:00 AM} in English), and
 * relative where it helps ("in 20 min", "hace 3 h"). The services answer in UTC instants and ISO
 * dates; nothing on a page shows those raw. Tested by {@code LegibleTest} (zones, both
 * languages, the day clocks change).
 */
@TemplateData
public final class Legible {

    private final ZoneId zone;
    private final Locale locale;
    private final Clock clock;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;
    private final DateTimeFormatter day;
    private final DateTimeFormatter time;

    public Legible(ZoneId zone, Locale locale, Clock clock) {
        this.zone = zone;
        this.locale = locale;
        this.clock = clock;
        boolean spanish = "es".equals(locale.getLanguage());
        this.dateTime = DateTimeFormatter.ofPattern(spanish ? "EEE d MMM, HH:mm" : "EEE, MMM d, h:mm a", locale);
        this.date = DateTimeFormatter.ofPattern(spanish ? "d MMM yyyy" : "MMM d, yyyy", locale);
        this.day = DateTimeFormatter.ofPattern(spanish ? "EEE d MMM" : "EEE, MMM d", locale);
        this.time = DateTimeFormatter.ofPattern(spanish ? "HH:mm" : "h:mm a", locale);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The same rules in another site's zone. */
    public Legible at(ZoneId other) {
        return new Legible(other, locale, clock);
    }

    /** An instant at the site: {@code lun 30 nov, 09:00}. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : dateTime.format(instant.atZone(zone));
    }

    /** A calendar date (birth, filing, due): {@code 30 nov 2026}. */
    public String date(LocalDate value) {
        return value == null ? "" : date.format(value);
    }

    /** A near date with its weekday and no year: {@code lun 30 nov}. */
    public String day(LocalDate value) {
        return value == null ? "" : day.format(value);
    }

    /** A wall-clock time at the site: {@code 09:00} or {@code 9:00 AM}. */
    public String time(LocalTime value) {
        return value == null ? "" : time.format(value);
    }

    /** The site's own date today (for date inputs' defaults and limits). */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /**
     * How far from now, in the largest whole unit: "in 20 min", "3 h ago", "in 2 days"; "now"
     * inside a minute. Spanish: "en 20 min", "hace 3 h", "en 2 días", "ahora".
     */
    public String relative(Instant instant) {
        if (instant == null) {
            return "";
        }
        Duration between = Duration.between(clock.instant(), instant);
        boolean future = !between.isNegative();
        long minutes = Math.abs(between.toMinutes());
        boolean spanish = "es".equals(locale.getLanguage());
        if (minutes < 1) {
            return spanish ? "ahora" : "now";
        }
        String amount;
        if (minutes < 60) {
            amount = minutes + " min";
        } else if (minutes < 48 * 60) {
            amount = (minutes / 60) + " h";
        } else {
            long days = minutes / (24 * 60);
            amount = days + (spanish ? " días" : " days");
        }
        if (spanish) {
            return future ? "en " + amount : "hace " + amount;
        }
        return future ? "in " + amount : amount + " ago";
    }

    /** An instant with, when it is within two days, how far away it is: {@code lun 30 nov, 09:00 (en 20 min)}. */
    public String dateTimeRelative(Instant instant) {
        if (instant == null) {
            return "";
        }
        boolean near = Duration.between(clock.instant(), instant).abs().compareTo(Duration.ofDays(2)) < 0;
        return near ? dateTime(instant) + " (" + relative(instant) + ")" : dateTime(instant);
    }
}
