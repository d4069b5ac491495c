package org.clinicflow.events.documents;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.clinicflow.events.ClinicEvent;

/**
 * A caseworker verified (or a supervisor waived) one checklist item.
 *
 * @param documentType checklist item type code, e.g. {@code i94}
 * @param waived true when a supervisor waived the item rather than verifying it
 * @param checkedBy the staff member's user name
 */
public record DocumentVerifiedV1(UUID applicantId, String documentType, boolean waived, String checkedBy,
        Instant verifiedAt) implements ClinicEvent {

    public DocumentVerifiedV1 {
        Objects.requireNonNull(applicantId, "applicantId");
    }
}
