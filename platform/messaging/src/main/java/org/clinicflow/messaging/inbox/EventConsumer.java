package org.clinicflow.messaging.inbox;

/**
 * One of a service's consumers: its name (the inbox's and the parking queue's key) and its
 * dispatch table. Listeners get it from {@link InboxListener} so that parked and dead-lettered events can be
 * applied later by the same handlers, after a restart too, without a Kafka delivery (see
 * {@link ParkingRedriver} and {@link DeadLetters}). Tested through {@code ParkingTest}.
 */
public interface EventConsumer {

    String consumerName();

    EventHandlers handlers();
}
