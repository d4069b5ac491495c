package org.clinicflow.intake.eligibility;

import java.util.Arrays;
import java.util.Optional;

/** The I-765 eligibility categories the clinic files, by the code the API uses ({@code c8}) and the form's notation. */
public enum Category {
    C8("c8", "(c)(8)"),
    C11("c11", "(c)(11)"),
    A12("a12", "(a)(12)"),
    C19("c19", "(c)(19)");

    private final String code;
    private final String formNotation;

    Category(String code, String formNotation) {
        this.code = code;
        this.formNotation = formNotation;
    }

    public String code() {
        return code;
    }

    public String formNotation() {
        return formNotation;
    }

    public static Optional<Category> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
