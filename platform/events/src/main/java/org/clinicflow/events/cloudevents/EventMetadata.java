package org.clinicflow.events.cloudevents;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The CloudEvents context attributes of one event: {@code id} is the consumers' dedupe key,
 * {@code subject} the applicant id (and the Kafka record key). Converts to and from the
 * binary-mode header map; a missing or malformed required attribute is an
 * {@link InvalidEventException}, which consumers treat as a poison message.
 */
public record EventMetadata(UUID id, String type, String source, Instant time, String subject, String correlationId) {

    public EventMetadata {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(subject, "subject");
        correlationId = correlationId == null ? id.toString() : correlationId;
    }

    /** Binary-mode headers, in a stable order. */
    public Map<String, String> toHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.ID, id.toString());
        headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        headers.put(CloudEventHeaders.TYPE, type);
        headers.put(CloudEventHeaders.SOURCE, source);
        headers.put(CloudEventHeaders.TIME, time.toString());
        headers.put(CloudEventHeaders.SUBJECT, subject);
        headers.put(CloudEventHeaders.CORRELATION_ID, correlationId);
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return headers;
    }

    /** Reads the attributes back from binary-mode headers. */
    public static EventMetadata fromHeaders(Map<String, String> headers) {
        String specVersion = headers.get(CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new InvalidEventException("unsupported or missing " + CloudEventHeaders.SPEC_VERSION + ": " + specVersion);
        }
        try {
            return new EventMetadata(UUID.fromString(required(headers, CloudEventHeaders.ID)),
                    required(headers, CloudEventHeaders.TYPE), required(headers, CloudEventHeaders.SOURCE),
                    Instant.parse(required(headers, CloudEventHeaders.TIME)), required(headers, CloudEventHeaders.SUBJECT),
                    headers.get(CloudEventHeaders.CORRELATION_ID));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidEventException("malformed CloudEvents attribute: " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("missing CloudEvents header " + name);
        }
        return value;
    }
}
