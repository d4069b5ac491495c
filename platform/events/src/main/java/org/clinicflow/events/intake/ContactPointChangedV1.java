package org.clinicflow.events.intake;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.clinicflow.events.ClinicEvent;

/**
 * The applicant's SMS contact point: the only event that carries a phone number, published
 * on its own short-retention topic that only the notification service may read.
 *
 * @param phone E.164 phone number, or null when the applicant has none
 * @param smsConsent whether the applicant agreed to receive SMS
 */
public record ContactPointChangedV1(UUID applicantId, String phone, String preferredLanguage, boolean smsConsent,
        Instant changedAt) implements ClinicEvent {

    public ContactPointChangedV1 {
        Objects.requireNonNull(applicantId, "applicantId");
    }

    /** Masks the phone number so that a log line or an exception never carries it. */
    @Override
    public String toString() {
        return "ContactPointChangedV1[applicantId=" + applicantId + ", phone=***, preferredLanguage="
                + preferredLanguage + ", smsConsent=" + smsConsent + ", changedAt=" + changedAt + "]";
    }
}
