package org.clinicflow.portal.api;

import java.time.Instant;

/** One line of a case's timeline as intake records it: what happened, when, and who did it. */
public record TimelineEntry(String eventType, String source, String actor, Instant occurredAt, String summary) {

    public String text() {
        return summary == null || summary.isBlank() ? eventType : summary;
    }
}
