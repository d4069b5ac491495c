package org.clinicflow.messaging.inbox;

import org.clinicflow.events.ClinicEvent;
import org.clinicflow.events.cloudevents.EventMetadata;

/** An event read from Kafka and parsed into its contract's record, with its CloudEvents attributes. */
public record InboundEvent<T extends ClinicEvent>(EventMetadata metadata, T event) {
}
