package org.clinicflow.intake.certification;

import java.util.Arrays;
import java.util.Optional;

/**
 * The three certifications of the I-765 and the text each person affirms, with a version: a
 * recorded certification names the version it was given under, so a later wording change never
 * rewrites what someone affirmed. The texts summarize Parts 3 to 5 of the form for the clinic's
 * record; the signature itself is on the printed form.
 */
public enum CertificationKind {
    APPLICANT_STATEMENT("applicant-statement", "3", "clinic-i765-part3-v1",
            "I can read and understand English, or the interpreter named in Part 4 read to me every question and instruction"
                    + " of this application, and my answer to every question, in the language recorded here, which I understand."
                    + " At my request the preparer named in Part 5 prepared this application from information I provided."
                    + " I certify, under penalty of perjury, that the information I provided is complete, true and correct."),
    INTERPRETER("interpreter", "4", "clinic-i765-part4-v1",
            "I certify, under penalty of perjury, that I am fluent in English and in the language recorded here, and that I"
                    + " read to the applicant every question and instruction of this application and the applicant's answer to"
                    + " every question in that language, which the applicant told me they understood."),
    PREPARER("preparer", "5", "clinic-i765-part5-v1",
            "I prepared this application at the applicant's request, from information the applicant provided; after it was"
                    + " completed the applicant reviewed it (through the interpreter where one is named) and told me they agree"
                    + " with every answer. I certify, under penalty of perjury, that this is true.");

    private final String code;
    private final String part;
    private final String textVersion;
    private final String text;

    CertificationKind(String code, String part, String textVersion, String text) {
        this.code = code;
        this.part = part;
        this.textVersion = textVersion;
        this.text = text;
    }

    public String code() {
        return code;
    }

    public String part() {
        return part;
    }

    public String textVersion() {
        return textVersion;
    }

    public String text() {
        return text;
    }

    public static Optional<CertificationKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
