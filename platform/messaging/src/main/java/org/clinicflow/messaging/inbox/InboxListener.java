package org.clinicflow.messaging.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * What every consumer of a service shares: its name (the inbox's and the parking queue's key),
 * its dispatch table, and the one call its {@code @Incoming} methods make. A listener extends
 * it, calls {@code super(inbox, NAME)} and {@link #handle} in its constructor, and hands each
 * poll to {@link #process(ConsumerRecords)} (channels consume in batches, {@code batch=true} in
 * clinic-messaging's defaults);
 * parked and dead-lettered events find the same handlers through {@link EventConsumers}. Tested through every service's listeners and {@code ParkingTest}.
 */
public abstract class InboxListener implements EventConsumer {

    private InboxBatch inbox;
    private String name;
    private EventHandlers handlers;

    /** For CDI's client proxy only. */
    protected InboxListener() {
    }

    protected InboxListener(InboxBatch inbox, String name) {
        this.inbox = inbox;
        this.name = name;
    }

    /** The dispatch table, set once at the end of the listener's constructor. */
    protected void handle(EventHandlers handlers) {
        this.handlers = handlers;
    }

    /** Applies one poll of any of the listener's batch channels, in one transaction when nothing in it fails. */
    protected void process(ConsumerRecords<String, byte[]> records) {
        inbox.process(records, this);
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
