package org.clinicflow.messaging.inbox;

/**
 * Thrown by a handler whose event needs something this service has not applied yet (the
 * applicant's registration, their contact point): Kafka orders events within a partition, not
 * across topics, and a prerequisite may be late, lost on a dead-letter topic or never come. The
 * inbox then parks the record for its applicant only ({@link ParkedEvents}) and the consumer
 * moves on; the handler that applies the prerequisite calls {@link Parking#release} so the
 * parked events are applied at once, in order. Tested by {@code ParkingTest}.
 */
public class ArrivedEarly extends RuntimeException {

    private final String waitingFor;

    public ArrivedEarly(String waitingFor) {
        super("arrived before " + waitingFor, null, false, false);
        this.waitingFor = waitingFor;
    }

    public String waitingFor() {
        return waitingFor;
    }

    /** The ArrivedEarly in {@code failure}'s cause chain, or null. */
    static ArrivedEarly in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ArrivedEarly early) {
                return early;
            }
        }
        return null;
    }
}
