package org.clinicflow.events.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A Kafka topic of the event catalog: its name, partition count, retention and who produces
 * and consumes it. The catalog is the single source that the outbox, the test broker, the
 * local stack and the Kubernetes manifests read their topics from; {@code EventCatalogTest}
 * checks it against {@code docs/events.md}.
 */
public record Topic(String name, int partitions, Duration retention, String producer, List<String> consumers) {

    /** Suffix of the dead-letter topic that a consumer of this topic parks bad records on. */
    public static final String DLQ_SUFFIX = ".dlq";

    public Topic {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1");
        }
        consumers = List.copyOf(consumers);
    }

    /** The dead-letter topic for records of this topic that cannot be parsed or keep failing. */
    public String deadLetterTopic() {
        return name + DLQ_SUFFIX;
    }
}
