package org.clinicflow.events.scheduling;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.clinicflow.events.ClinicEvent;

/**
 * The appointment moved to a new slot (applicant's request, caseworker, or a site closure).
 * Reminders for {@code previousStartsAt} must be cancelled.
 */
public record AppointmentRescheduledV1(UUID applicantId, UUID appointmentId, AppointmentSlot slot, Instant previousStartsAt, String reason,
        Instant rescheduledAt) implements ClinicEvent {

    public AppointmentRescheduledV1 {
        Objects.requireNonNull(applicantId, "applicantId");
    }
}
