package org.clinicflow.events.catalog;

import java.util.Objects;
import org.clinicflow.events.ClinicEvent;

/**
 * Binds one versioned event record to its CloudEvents type and its topic. Looked up by class
 * when publishing and by type when consuming; see {@link EventCatalog}.
 */
public record EventContract<T extends ClinicEvent>(String type, Class<T> payloadType, Topic topic) {

    public EventContract {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(topic, "topic");
        if (!type.matches("clinic\\.[a-z]+\\.[a-z-]+\\.v[0-9]+")) {
            throw new IllegalArgumentException("event type must look like clinic.<service>.<past-tense-name>.v<N>: " + type);
        }
    }

    /** The service that produces this event: the {@code ce_source} of its records. */
    public String producer() {
        return topic.producer();
    }
}
