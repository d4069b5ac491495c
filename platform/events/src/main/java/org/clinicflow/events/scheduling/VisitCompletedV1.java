package org.clinicflow.events.scheduling;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.clinicflow.events.ClinicEvent;

/**
 * The I-765 was filed during the visit; {@code receiptNumber} is the USCIS receipt number
 * (three letters and ten digits).
 */
public record VisitCompletedV1(UUID applicantId, UUID appointmentId, String receiptNumber, Instant completedAt) implements ClinicEvent {

    public VisitCompletedV1 {
        Objects.requireNonNull(applicantId, "applicantId");
    }
}
