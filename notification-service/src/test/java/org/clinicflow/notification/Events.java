package org.clinicflow.notification;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.clinicflow.events.GoldenEvents;
import org.clinicflow.events.catalog.Topic;
import org.clinicflow.events.cloudevents.EventJson;
import org.clinicflow.events.cloudevents.EventMetadata;
import org.clinicflow.testing.KafkaTestClient;

/** Sends the other services' events (golden samples, adjusted) and picks time zones where it is day or night now. */
final class Events {

    private static final AtomicInteger PHONES = new AtomicInteger(100);

    private Events() {
    }

    /** A phone number no other test uses. */
    static String phone() {
        return String.format("+1312555%04d", PHONES.incrementAndGet());
    }

    /** A fixed-offset zone where it is now early afternoon: messages go out at once. */
    static String daytimeZone() {
        return zoneAt(13);
    }

    /** A fixed-offset zone where it is now 2 in the morning: messages wait for 08:00. */
    static String nightZone() {
        return zoneAt(2);
    }

    private static String zoneAt(int hour) {
        int utcHour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(hour - utcHour + 12, 24) - 12;
        return ZoneOffset.ofHours(offset).getId().replace("Z", "+00:00");
    }

    static EventMetadata send(Topic topic, String type, UUID applicant, Map<String, Object> fields) throws Exception {
        EventMetadata metadata = new EventMetadata(UUID.randomUUID(), type, "test", Instant.now(), applicant.toString(), null);
        resend(topic, type, applicant, fields, metadata);
        return metadata;
    }

    static void resend(Topic topic, String type, UUID applicant, Map<String, Object> fields, EventMetadata metadata) throws Exception {
        ObjectNode body = (ObjectNode) EventJson.mapper().readTree(GoldenEvents.body(type));
        body.put("applicantId", applicant.toString());
        fields.forEach((k, v) -> body.set(k, EventJson.mapper().valueToTree(v)));
        KafkaTestClient.send(topic.name(), applicant.toString(), EventJson.mapper().writeValueAsBytes(body), metadata.toHeaders());
    }

    /** The slot part of a booking event: when (in {@code zone}) and where. */
    static Map<String, Object> slot(Instant startsAt, String zone) {
        ZonedDateTime local = startsAt.atZone(ZoneId.of(zone));
        return Map.of("siteId", "chicago-south", "siteName", "South Loop Clinic", "siteAddress", "1 Example Plaza, Chicago",
                "timeZone", zone, "localDate", local.toLocalDate().toString(), "localTime", local.toLocalTime().withNano(0).toString(),
                "startsAt", startsAt.toString());
    }
}
