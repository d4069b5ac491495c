package org.clinicflow.events.intake;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.clinicflow.events.ClinicEvent;

/**
 * USCIS's receipt number (three letters and ten digits) for a filed case was recorded. The
 * notification service texts it to the applicant, once per receipt number.
 */
public record ReceiptRecordedV1(UUID applicantId, String receiptNumber, Instant recordedAt) implements ClinicEvent {

    public ReceiptRecordedV1 {
        Objects.requireNonNull(applicantId, "applicantId");
    }
}
