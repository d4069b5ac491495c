package org.clinicflow.events;

import java.util.UUID;

/**
 * A fact one service publishes for others: every event is about one applicant, whose id is
 * the Kafka record key and the CloudEvents subject, so one applicant's events stay in order
 * on one partition. Implementations are immutable, versioned records ({@code ...V1}); a
 * breaking change is a new record, never an edit. Round-trip tested against golden samples
 * in {@code EventContractsTest}.
 */
public interface ClinicEvent {

    /** The applicant the event is about: the record key and the CloudEvents {@code subject}. */
    UUID applicantId();
}
