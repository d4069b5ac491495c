package org.clinicflow.events.cloudevents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The one JSON form of event bodies, shared by producers, consumers and the golden-sample
 * tests: ISO-8601 dates, and a tolerant reader that ignores fields it does not know, so a
 * producer may add fields (contracts change additively) without breaking older consumers.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be written as JSON: " + event.getClass().getName(), e);
        }
    }

    /** Reads a body into its contract's record; a body that does not fit is an {@link InvalidEventException}. */
    public static <T> T read(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            throw new InvalidEventException("empty event body for " + type.getSimpleName());
        }
        try {
            return MAPPER.readValue(body, type);
        } catch (IOException | RuntimeException e) {
            // Jackson's message may quote the body: keep only the failure kind and location.
            throw new InvalidEventException("body does not fit " + type.getSimpleName() + ": " + e.getClass().getSimpleName());
        }
    }

    public static String writeString(Object event) {
        return new String(write(event), StandardCharsets.UTF_8);
    }
}
