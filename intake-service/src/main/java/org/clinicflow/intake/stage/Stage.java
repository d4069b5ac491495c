package org.clinicflow.intake.stage;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a case stands. The happy path: registered, documents pending, ready to book, booked,
 * checked in, filed; beside it: on hold, withdrawn, no-show. Filed and withdrawn are final.
 */
public enum Stage {
    REGISTERED, DOCUMENTS_PENDING, READY_TO_BOOK, BOOKED, CHECKED_IN, FILED, ON_HOLD, WITHDRAWN, NO_SHOW;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this == FILED || this == WITHDRAWN;
    }

    public static Optional<Stage> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
