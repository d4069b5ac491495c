package org.clinicflow.document.checklist;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Where one checklist item stands. Verified, waived and not applicable count toward readiness. */
public enum ItemStatus {
    PENDING, VERIFIED, REJECTED, WAIVED, NOT_APPLICABLE;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean settles() {
        return this == VERIFIED || this == WAIVED || this == NOT_APPLICABLE;
    }

    @JsonCreator
    public static ItemStatus fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst().orElse(null);
    }
}
