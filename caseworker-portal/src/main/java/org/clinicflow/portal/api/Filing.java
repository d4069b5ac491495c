package org.clinicflow.portal.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A case's filing step as intake-service answers it: the I-765 form, the certifications and the
 * consents. The form's {@code answers} stay a JSON tree on purpose: they follow intake's form
 * layout item by item, and {@code FormJson} flattens them into the page's inputs and nests the
 * inputs back, so a field intake adds to the layout needs no record here.
 */
public final class Filing {

    private Filing() {
    }

    /** The form: what the case already holds, the preparer's answers, masked numbers on file, and what is still missing. */
    public record Form(UUID applicantId, String layout, FromCase fromCase, Map<String, Object> answers, Map<String, String> numbersOnFile,
            List<Requirement> requirements, int met, int total, boolean complete, String updatedBy, Instant updatedAt) {

        /** The requirements not met yet. */
        public List<Requirement> missing() {
            return requirements == null ? List.of() : requirements.stream().filter(r -> !r.met()).toList();
        }
    }

    /** Answers taken from the case itself (corrected on the case, not on the form). */
    public record FromCase(String reason, String familyName, String givenName, String aNumber, LocalDate dateOfBirth,
            String countryOfCitizenship, String category, LocalDate lastArrivalOn) {
    }

    /** One requirement of a complete filing: the form field, its I-765 item, what it needs, and whether it is met. */
    public record Requirement(String field, String item, String need, boolean met) {
    }

    /** A certification recorded on the case (interpreter, applicant's statement, preparer). */
    public record Certification(UUID id, String kind, String part, String textVersion, String language, boolean viaInterpreter,
            String name, String organization, String phone, String email, String guardianName, String guardianRelationship,
            String recordedBy, Instant recordedAt, boolean inForce) {
    }

    /** The consents in force by kind, and their history. */
    public record Consents(Map<String, Boolean> inForce) {

        public boolean granted(String kind) {
            return inForce != null && Boolean.TRUE.equals(inForce.get(kind));
        }
    }

    /** A consent given or withdrawn. */
    public record ConsentChange(String kind, boolean granted, String method) {
    }

    /** The filing recorded: how it went to USCIS, when, and the fee. */
    public record Record(String method, String filedOn, String feeStatus) {
    }

    /** The filing as intake holds it after a filing or receipt step. */
    public record Filed(String stage, LocalDate filedOn, String method, String feeStatus, String receiptNumber) {
    }
}
