package org.clinicflow.events.scheduling;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.clinicflow.events.ClinicEvent;

/**
 * Scheduling booked the applicant into a slot. Carries what the SMS needs (site name and
 * address, local date and time) and never a category or a document name.
 */
public record AppointmentBookedV1(UUID applicantId, UUID appointmentId, AppointmentSlot slot, Instant bookedAt) implements ClinicEvent {

    public AppointmentBookedV1 {
        Objects.requireNonNull(applicantId, "applicantId");
    }
}
