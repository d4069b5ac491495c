package org.clinicflow.events.scheduling;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.clinicflow.events.ClinicEvent;

/**
 * The applicant did not come to the appointment.
 */
public record NoShowRecordedV1(UUID applicantId, UUID appointmentId, Instant recordedAt) implements ClinicEvent {

    public NoShowRecordedV1 {
        Objects.requireNonNull(applicantId, "applicantId");
    }
}
