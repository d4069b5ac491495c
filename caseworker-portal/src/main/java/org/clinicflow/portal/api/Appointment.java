package org.clinicflow.portal.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** An applicant's appointment as scheduling-service answers it, in the site's local date and time. */
public record Appointment(UUID id, UUID applicantId, String siteId, String siteName, String timeZone, Instant slotStart,
        LocalDate localDate, LocalTime localTime, String status, String language, Instant checkedInAt) {

    /** Booked and not yet begun: it can still move or be cancelled. */
    public boolean changeable() {
        return "booked".equals(status) || "confirmed".equals(status) || "on_hold".equals(status);
    }
}
