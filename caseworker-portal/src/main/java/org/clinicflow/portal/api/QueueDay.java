package org.clinicflow.portal.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A site's day as scheduling-service answers it: how many in each state, and everyone booked in order. */
public record QueueDay(String siteId, LocalDate date, Map<String, Long> counts, List<Entry> entries) {

    /** One appointment of the day. */
    public record Entry(UUID applicantId, UUID appointmentId, LocalTime localTime, String status, String language,
            Instant checkedInAt, Long waitingMinutes) {
    }
}
