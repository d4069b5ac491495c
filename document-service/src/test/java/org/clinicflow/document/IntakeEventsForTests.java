package org.clinicflow.document;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.clinicflow.events.GoldenEvents;
import org.clinicflow.events.catalog.EventCatalog;
import org.clinicflow.events.cloudevents.EventJson;
import org.clinicflow.events.cloudevents.EventMetadata;
import org.clinicflow.testing.KafkaTestClient;

/** Sends intake's events as intake sends them (the golden samples, adjusted) onto the real broker. */
public final class IntakeEventsForTests {

    public static final String REGISTERED = "clinic.intake.applicant-registered.v1";
    public static final String UPDATED = "clinic.intake.applicant-updated.v1";

    private IntakeEventsForTests() {
    }

    /** Registers a new applicant at chicago-south with the given fields over the golden sample; returns the id. */
    public static UUID register(Map<String, Object> fields) throws Exception {
        UUID id = UUID.randomUUID();
        send(REGISTERED, id, fields);
        return id;
    }

    public static EventMetadata send(String type, UUID id, Map<String, Object> fields) throws Exception {
        EventMetadata metadata = new EventMetadata(UUID.randomUUID(), type, "intake-service", Instant.now(), id.toString(), null);
        KafkaTestClient.send(EventCatalog.APPLICANTS.name(), id.toString(), body(type, id, fields), metadata.toHeaders());
        return metadata;
    }

    public static byte[] body(String type, UUID id, Map<String, Object> fields) throws Exception {
        ObjectNode body = (ObjectNode) EventJson.mapper().readTree(GoldenEvents.body(type));
        body.put("applicantId", id.toString());
        body.put("householdId", (String) null);
        fields.forEach((k, v) -> body.set(k, EventJson.mapper().valueToTree(v)));
        return EventJson.mapper().writeValueAsBytes(body);
    }
}
