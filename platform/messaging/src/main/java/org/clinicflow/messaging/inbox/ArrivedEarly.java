package org.clinicflow.messaging.inbox;

/**
 * Thrown by a handler whose event depends on another event not applied yet, one that is
 * certain to come on another topic (Kafka orders events within a partition, not across
 * topics). The inbox retries it like any passing failure, without limit and without parking
 * it, holding that partition until the other event has been applied. Use it only for an event
 * the producer guarantees; anything optional must not be waited for.
 */
public class ArrivedEarly extends RuntimeException {

    public ArrivedEarly(String waitingFor) {
        super("arrived before " + waitingFor);
    }
}
