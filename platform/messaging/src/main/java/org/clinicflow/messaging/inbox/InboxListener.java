package org.clinicflow.messaging.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What every consumer of a service shares: its name (the inbox's and the parking queue's key),
 * its dispatch table, and the one call its {@code @Incoming} methods make. A listener extends
 * it, calls {@code super(inbox, NAME)} and {@link #handle} in its constructor, and hands each
 * record to {@link #process}; parked and dead-lettered events find the same handlers through
 * {@link EventConsumers}. Tested through every service's listeners and {@code ParkingTest}.
 */
public abstract class InboxListener implements EventConsumer {

    private InboxProcessor inbox;
    private String name;
    private EventHandlers handlers;

    /** For CDI's client proxy only. */
    protected InboxListener() {
    }

    protected InboxListener(InboxProcessor inbox, String name) {
        this.inbox = inbox;
        this.name = name;
    }

    /** The dispatch table, set once at the end of the listener's constructor. */
    protected void handle(EventHandlers handlers) {
        this.handlers = handlers;
    }

    /** Applies one record of any of the listener's channels. */
    protected InboxProcessor.Outcome process(ConsumerRecord<String, byte[]> record) {
        return inbox.process(record, this);
    }

    @Override
    public String consumerName() {
        return name;
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }
}
