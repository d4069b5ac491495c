package org.clinicflow.events.scheduling;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.clinicflow.events.ClinicEvent;

/**
 * The appointment was cancelled; {@code reason} is a code such as {@code applicant-request},
 * {@code documents-on-hold}, {@code withdrawn}.
 */
public record AppointmentCancelledV1(UUID applicantId, UUID appointmentId, String reason, Instant cancelledAt) implements ClinicEvent {

    public AppointmentCancelledV1 {
        Objects.requireNonNull(applicantId, "applicantId");
    }
}
