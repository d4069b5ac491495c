package org.clinicflow.events.documents;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.clinicflow.events.ClinicEvent;

/**
 * The document service opened (or re-planned) the applicant's checklist from a versioned
 * template. Lists item type codes only, never a document's content.
 */
public record ChecklistOpenedV1(UUID applicantId, String category, String templateVersion, List<String> requiredItems,
        Instant openedAt) implements ClinicEvent {

    public ChecklistOpenedV1 {
        Objects.requireNonNull(applicantId, "applicantId");
        requiredItems = requiredItems == null ? List.of() : List.copyOf(requiredItems);
    }
}
