package org.clinicflow.messaging;

import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.MDC;

/**
 * The correlation id of the work on this thread: set while an inbound event is handled (or a
 * request served), so that every event published in consequence carries the same id, and
 * put in the logging MDC as {@code correlationId}. Tested through {@code InboxProcessorTest}.
 */
public final class CorrelationContext {

    private static final String MDC_KEY = "correlationId";
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private CorrelationContext() {
    }

    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Runs {@code work} with {@code correlationId} current, restoring what was there before. */
    public static <T> T with(String correlationId, Supplier<T> work) {
        String previous = CURRENT.get();
        CURRENT.set(correlationId);
        MDC.put(MDC_KEY, correlationId);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
                MDC.remove(MDC_KEY);
            } else {
                CURRENT.set(previous);
                MDC.put(MDC_KEY, previous);
            }
        }
    }
}
