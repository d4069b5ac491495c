package org.clinicflow.document.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicflow.document.IntakeEventsForTests;
import org.clinicflow.events.catalog.EventCatalog;
import org.clinicflow.events.cloudevents.CloudEventHeaders;
import org.clinicflow.events.cloudevents.EventMetadata;
import org.clinicflow.testing.KafkaTestClient;
import org.clinicflow.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * One trace from intake's request to document-service's answer, across the real broker: an
 * applicant-registered record carrying a W3C {@code traceparent} opens a checklist, and the
 * checklist-opened event it publishes (through the outbox and the relay) carries the same
 * trace id under a new span, so a tracing backend shows the two hops as one journey.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "document"))
@WithTestResource(OidcWiremockTestResource.class)
class TracingTest {

    @Test
    void theTraceOfTheEventThatOpenedAChecklistContinuesOnTheEventItPublishes() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String parentSpan = "00f067aa0ba902b7";
        UUID applicant = UUID.randomUUID();
        EventMetadata metadata = new EventMetadata(UUID.randomUUID(), IntakeEventsForTests.REGISTERED, "intake-service",
                Instant.now(), applicant.toString(), null);
        Map<String, String> headers = new HashMap<>(metadata.toHeaders());
        headers.put("traceparent", "00-" + traceId + "-" + parentSpan + "-01");
        KafkaTestClient.send(EventCatalog.APPLICANTS.name(), applicant.toString(),
                IntakeEventsForTests.body(IntakeEventsForTests.REGISTERED, applicant, Map.of("category", "c11")), headers);

        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.readUntil(EventCatalog.CHECKLISTS.name(),
                r -> applicant.toString().equals(r.key())
                        && "clinic.documents.checklist-opened.v1".equals(KafkaTestClient.header(r, CloudEventHeaders.TYPE)),
                Duration.ofSeconds(30));
        ConsumerRecord<String, byte[]> opened = records.get(records.size() - 1);
        String traceparent = KafkaTestClient.header(opened, "traceparent");
        assertNotNull(traceparent, "the published event carries the trace context");
        String[] parts = traceparent.split("-");
        assertEquals(4, parts.length, traceparent);
        assertEquals(traceId, parts[1], "the same trace");
        assertNotEquals(parentSpan, parts[2], "a span of document-service's own");
    }
}
