package org.clinicflow.events.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * Where and when a visit takes place, as the SMS needs it: the site's name and address and
 * the local date and time in the site's time zone. Part of the v1 booking contracts.
 */
public record AppointmentSlot(String siteId, String siteName, String siteAddress, String timeZone, LocalDate localDate,
        LocalTime localTime, Instant startsAt) {

    public AppointmentSlot {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(startsAt, "startsAt");
    }
}
