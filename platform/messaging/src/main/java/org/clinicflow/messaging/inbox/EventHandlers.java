package org.clinicflow.messaging.inbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.clinicflow.events.ClinicEvent;
import org.clinicflow.events.catalog.EventCatalog;
import org.clinicflow.events.catalog.EventContract;

/**
 * A consumer's dispatch table: which handler applies which event type. Types a consumer does
 * not list are skipped, so a producer may add event types to a topic without breaking it; so are
 * events a handler declares it does not act on ({@link Builder#on(Class, Predicate, Consumer)}),
 * before any lock or inbox row. Handlers run inside the inbox transaction and must not commit on
 * their own. Tested by {@code InboxBatchTest} and {@code InboxProcessorTest}.
 */
public final class EventHandlers {

    private final Map<String, Handler<?>> byType;
    private final Consumer<Set<UUID>> prefetch;

    private EventHandlers(Map<String, Handler<?>> byType, Consumer<Set<UUID>> prefetch) {
        this.byType = Map.copyOf(byType);
        this.prefetch = prefetch;
    }

    public static Builder builder() {
        return new Builder();
    }

    Optional<Handler<?>> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** Lets the consumer load, in one query, what its handlers will read for a batch's applicants. */
    void prefetch(Set<UUID> applicants) {
        if (!applicants.isEmpty()) {
            prefetch.accept(applicants);
        }
    }

    record Handler<T extends ClinicEvent>(EventContract<T> contract, Predicate<T> actsOn, Consumer<InboundEvent<T>> action) {

        @SuppressWarnings("unchecked")
        void apply(InboundEvent<?> event) {
            action.accept((InboundEvent<T>) event);
        }

        @SuppressWarnings("unchecked")
        boolean actsOn(ClinicEvent event) {
            return actsOn.test((T) event);
        }
    }

    /** Collects handlers; one per event type. */
    public static final class Builder {

        private final Map<String, Handler<?>> byType = new LinkedHashMap<>();
        private Consumer<Set<UUID>> prefetch = keys -> {
        };

        public <T extends ClinicEvent> Builder on(Class<T> eventClass, Consumer<InboundEvent<T>> action) {
            return on(eventClass, event -> true, action);
        }

        /**
         * A handler for the events of a type that {@code actsOn} accepts; the others are skipped
         * as if the type were not listed: no applicant lock, no inbox row, no transaction. For a
         * consumer that reads a busy topic for a few of its events (a policy hold among every
         * eligibility decision), whose batches would otherwise lock applicants that another
         * consumer of the same service is working on. {@code actsOn} reads the event alone.
         */
        public <T extends ClinicEvent> Builder on(Class<T> eventClass, Predicate<T> actsOn, Consumer<InboundEvent<T>> action) {
            EventContract<T> contract = EventCatalog.of(eventClass);
            if (byType.putIfAbsent(contract.type(), new Handler<>(contract, actsOn, action)) != null) {
                throw new IllegalArgumentException("two handlers for " + contract.type());
            }
            return this;
        }

        /**
         * Before a batch is applied, {@code loader} gets the applicants of the events about to be
         * applied and may load their rows in one query into the transaction's persistence
         * context, where each handler's lookup by id then finds them without a query of its own.
         * Only a saving: handlers must still look up, and cope with, what is not there.
         */
        public Builder prefetch(Consumer<Set<UUID>> loader) {
            this.prefetch = loader;
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(byType, prefetch);
        }
    }
}
