package org.clinicflow.intake.address;

import java.time.Instant;
import java.time.LocalDate;

/** An address of the history as the API shows it. */
public record AddressView(String reason, String inCareOf, String street, String unit, String city, String state, String zipCode,
        LocalDate effectiveOn, Instant recordedAt, String recordedBy) {

    static AddressView of(MailingAddress m) {
        return new AddressView(m.reason, m.inCareOf, m.street, m.unit, m.city, m.state, m.zipCode, m.effectiveOn, m.recordedAt,
                m.recordedBy);
    }
}
