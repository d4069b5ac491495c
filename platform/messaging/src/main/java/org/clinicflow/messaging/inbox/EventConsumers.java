package org.clinicflow.messaging.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The service's consumers by name, so stored events find the handlers of the consumer that parked them. */
@ApplicationScoped
public class EventConsumers {

    private final Instance<EventConsumer> all;
    private volatile Map<String, EventConsumer> byName;

    EventConsumers(@Any Instance<EventConsumer> all) {
        this.all = all;
    }

    public EventConsumer named(String name) {
        EventConsumer consumer = byName().get(name);
        if (consumer == null) {
            throw new IllegalStateException("no consumer named " + name + " in this service");
        }
        return consumer;
    }

    public List<String> names() {
        return byName().keySet().stream().sorted().toList();
    }

    private Map<String, EventConsumer> byName() {
        Map<String, EventConsumer> map = byName;
        if (map == null) {
            map = all.stream().collect(Collectors.toMap(EventConsumer::consumerName, Function.identity()));
            byName = map;
        }
        return map;
    }
}
