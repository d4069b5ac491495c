package org.clinicflow.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.clinicflow.events.cloudevents.CloudEventHeaders;
import org.clinicflow.events.cloudevents.EventMetadata;
import org.clinicflow.events.cloudevents.InvalidEventException;
import org.junit.jupiter.api.Test;

/** CloudEvents binary-mode headers: written completely, read back equal, rejected when broken. */
class EventMetadataTest {

    private final EventMetadata metadata = new EventMetadata(UUID.randomUUID(), "clinic.intake.applicant-registered.v1",
            "intake-service", Instant.parse("2026-11-21T14:02:11.120Z"), UUID.randomUUID().toString(), "corr-1");

    @Test
    void headersRoundTrip() {
        Map<String, String> headers = metadata.toHeaders();
        assertEquals("1.0", headers.get(CloudEventHeaders.SPEC_VERSION));
        assertEquals("application/json", headers.get(CloudEventHeaders.CONTENT_TYPE));
        assertEquals(metadata, EventMetadata.fromHeaders(headers));
    }

    @Test
    void correlationIdDefaultsToTheEventId() {
        EventMetadata first = new EventMetadata(metadata.id(), metadata.type(), metadata.source(), metadata.time(),
                metadata.subject(), null);
        assertEquals(metadata.id().toString(), first.correlationId());
    }

    @Test
    void missingOrMalformedAttributesAreInvalid() {
        for (String header : new String[] {CloudEventHeaders.ID, CloudEventHeaders.TYPE, CloudEventHeaders.SOURCE,
                CloudEventHeaders.TIME, CloudEventHeaders.SUBJECT, CloudEventHeaders.SPEC_VERSION}) {
            Map<String, String> headers = new HashMap<>(metadata.toHeaders());
            headers.remove(header);
            assertThrows(InvalidEventException.class, () -> EventMetadata.fromHeaders(headers), header);
        }
        Map<String, String> badId = new HashMap<>(metadata.toHeaders());
        badId.put(CloudEventHeaders.ID, "not-a-uuid");
        assertThrows(InvalidEventException.class, () -> EventMetadata.fromHeaders(badId));
        Map<String, String> badTime = new HashMap<>(metadata.toHeaders());
        badTime.put(CloudEventHeaders.TIME, "yesterday");
        assertThrows(InvalidEventException.class, () -> EventMetadata.fromHeaders(badTime));
    }
}
