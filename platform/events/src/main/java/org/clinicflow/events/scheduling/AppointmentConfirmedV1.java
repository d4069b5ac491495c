package org.clinicflow.events.scheduling;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.clinicflow.events.ClinicEvent;

/**
 * The applicant confirmed the appointment (by SMS reply or with a caseworker).
 */
public record AppointmentConfirmedV1(UUID applicantId, UUID appointmentId, Instant confirmedAt) implements ClinicEvent {

    public AppointmentConfirmedV1 {
        Objects.requireNonNull(applicantId, "applicantId");
    }
}
