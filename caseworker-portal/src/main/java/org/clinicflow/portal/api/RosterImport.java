package org.clinicflow.portal.api;

import java.util.List;
import java.util.UUID;

/** A roster import's progress (intake-service): rows read, registered, duplicates, and each refused row with why. */
public record RosterImport(UUID id, String status, int totalRows, int processed, int registered, int duplicates, List<RowError> errors) {

    public boolean done() {
        return "done".equals(status);
    }

    /** A refused row: its line in the file, the field and what is wrong with it. */
    public record RowError(int line, String field, String message) {
    }
}
