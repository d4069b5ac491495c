package org.clinicflow.events.documents;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.clinicflow.events.ClinicEvent;

/**
 * Every required checklist item is verified or waived: the applicant can be booked. Carries
 * what scheduling needs to book (site, language, household) so it needs no other lookup.
 */
public record DocumentsReadyV1(UUID applicantId, UUID householdId, String siteId, String preferredLanguage,
        Instant readyAt) implements ClinicEvent {

    public DocumentsReadyV1 {
        Objects.requireNonNull(applicantId, "applicantId");
    }
}
