package org.clinicflow.portal.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A task intake raised after filing (evidence requested, AR-11 after a move, ...), open or done. */
public record CaseTask(UUID id, UUID applicantId, String applicantName, String siteId, String kind, String title, String detail,
        LocalDate dueOn, Instant createdAt, LocalDate doneOn, String doneBy) {
}
