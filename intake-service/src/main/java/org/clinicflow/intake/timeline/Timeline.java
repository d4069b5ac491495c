package org.clinicflow.intake.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.clinicflow.events.cloudevents.EventMetadata;

/**
 * Appends to a case's timeline, inside the transaction of the change (intake's own events) or
 * of the inbox (other services' events, so a redelivery adds nothing). Summaries carry codes
 * and dates, never personal details.
 */
@ApplicationScoped
public class Timeline {

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(EventMetadata event, UUID applicantId, String actor, String summary) {
        TimelineEntry entry = new TimelineEntry();
        entry.applicantId = applicantId;
        entry.eventId = event.id();
        entry.eventType = event.type();
        entry.source = event.source();
        entry.actor = actor == null ? event.source() : actor;
        entry.occurredAt = event.time() == null ? Instant.now() : event.time();
        entry.summary = summary;
        entry.persist();
    }
}
