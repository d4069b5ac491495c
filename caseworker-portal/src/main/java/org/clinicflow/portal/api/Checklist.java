package org.clinicflow.portal.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An applicant's document checklist (document-service): whether it is complete, and each item's last check. */
public record Checklist(UUID applicantId, boolean ready, boolean withdrawn, String category, String siteId, String templateVersion,
        List<Item> items) {

    /** One document: its type and label, whether required or waivable, and its last check. */
    public record Item(String type, String label, boolean required, boolean mayBeNotApplicable, String status, String reason,
            String checkedBy, Instant checkedAt) {
    }
}
