package org.clinicflow.messaging.inbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.clinicflow.events.ClinicEvent;
import org.clinicflow.events.catalog.EventCatalog;
import org.clinicflow.events.catalog.EventContract;

/**
 * A consumer's dispatch table: which handler applies which event type. Types a consumer does
 * not list are skipped, so a producer may add event types to a topic without breaking it.
 * Handlers run inside the inbox transaction and must not commit on their own.
 */
public final class EventHandlers {

    private final Map<String, Handler<?>> byType;

    private EventHandlers(Map<String, Handler<?>> byType) {
        this.byType = Map.copyOf(byType);
    }

    public static Builder builder() {
        return new Builder();
    }

    Optional<Handler<?>> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    record Handler<T extends ClinicEvent>(EventContract<T> contract, Consumer<InboundEvent<T>> action) {

        @SuppressWarnings("unchecked")
        void apply(InboundEvent<?> event) {
            action.accept((InboundEvent<T>) event);
        }
    }

    /** Collects handlers; one per event type. */
    public static final class Builder {

        private final Map<String, Handler<?>> byType = new LinkedHashMap<>();

        public <T extends ClinicEvent> Builder on(Class<T> eventClass, Consumer<InboundEvent<T>> action) {
            EventContract<T> contract = EventCatalog.of(eventClass);
            if (byType.putIfAbsent(contract.type(), new Handler<>(contract, action)) != null) {
                throw new IllegalArgumentException("two handlers for " + contract.type());
            }
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(byType);
        }
    }
}
