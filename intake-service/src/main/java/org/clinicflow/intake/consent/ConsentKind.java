package org.clinicflow.intake.consent;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an applicant consents to: text messages from the clinic, and (I-765 Part 2, Item 15)
 * USCIS sharing the form's data with the Social Security Administration so it can issue a card.
 */
public enum ConsentKind {
    SMS("sms"), SSA_DISCLOSURE("ssa-disclosure");

    private final String code;

    ConsentKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ConsentKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
