package org.clinicflow.portal.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Who waits for a booking at a site and why, oldest first (scheduling-service). */
public record Waitlist(String siteId, Map<String, Long> counts, List<Waiting> entries) {

    /** One applicant waiting: their language, since when, why, and from when they may be booked. */
    public record Waiting(UUID applicantId, String language, Instant waitlistedAt, String reason, LocalDate eligibleFrom) {
    }
}
