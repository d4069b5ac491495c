package org.clinicflow.events.documents;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.clinicflow.events.ClinicEvent;

/**
 * One save of the checklist verified (or a supervisor waived) these items: one event for the
 * papers a caseworker went through together, where {@link DocumentVerifiedV1} announced each
 * one (five events, each read by every consumer of the topic, for one save). Published for every
 * save since 2026-11-30; a consumer keeps handling {@link DocumentVerifiedV1} for older records.
 * Rejections keep their own event ({@link DocumentRejectedV1}): each one is acted on by itself.
 *
 * @param documents the items checked in the save, in the order they were saved
 * @param checkedBy the staff member's user name
 */
public record DocumentsCheckedV1(UUID applicantId, List<CheckedDocument> documents, String checkedBy, Instant checkedAt)
        implements ClinicEvent {

    /**
     * One item of the save.
     *
     * @param documentType checklist item type code, e.g. {@code i94}
     * @param waived true when a supervisor waived the item rather than verifying it
     */
    public record CheckedDocument(String documentType, boolean waived) {
    }

    public DocumentsCheckedV1 {
        Objects.requireNonNull(applicantId, "applicantId");
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
