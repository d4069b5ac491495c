package org.clinicflow.intake.applicant;

import java.util.UUID;

/** The person is already registered: the API answers 409 pointing at the existing case. */
public class DuplicateApplicantException extends RuntimeException {

    private final UUID existingId;
    private final String rule;

    public DuplicateApplicantException(UUID existingId, String rule) {
        super("already registered as " + existingId + " (" + rule + ")", null, false, false);
        this.existingId = existingId;
        this.rule = rule;
    }

    public UUID existingId() {
        return existingId;
    }

    /** Which duplicate rule matched: same-a-number or same-name-birth-date-phone. */
    public String rule() {
        return rule;
    }
}
