package org.clinicflow.intake.stage;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicflow.events.GoldenEvents;
import org.clinicflow.events.catalog.EventCatalog;
import org.clinicflow.events.cloudevents.EventJson;
import org.clinicflow.events.cloudevents.EventMetadata;
import org.clinicflow.testing.KafkaTestClient;
import org.clinicflow.testing.RealInfrastructure;
import org.clinicflow.testing.Rows;
import org.clinicflow.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * An event about an applicant intake never registered (a replay, a mistyped id in another
 * service) no longer lands silently on a timeline nobody can open: it is parked for that id
 * alone while the next 50 applicants' events move their cases, and once parked longer than the
 * bound it goes to the dead-letter topic with its reason, on the real broker and database.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(OidcWiremockTestResource.class)
class OrphanEventsTest {

    private static final String OPENED = "clinic.documents.checklist-opened.v1";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anEventForAnUnknownApplicantWaitsAloneAndIsDeadLetteredPastTheBound() throws Exception {
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            cases.add(given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON)
                    .body(org.clinicflow.intake.applicant.RegistrationsAccess.valid()).when().post("/api/applicants").then()
                    .statusCode(201).extract().header("Location"));
        }
        UUID orphan = UUID.randomUUID();
        EventMetadata early = send(orphan);
        for (String location : cases) {
            send(UUID.fromString(location.substring(location.lastIndexOf('/') + 1)));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> cases.stream().allMatch(location -> "documents_pending".equals(
                given().auth().oauth2(TestTokens.caseworker()).get(location).then().extract().path("stage"))));
        await().atMost(Duration.ofSeconds(10)).until(() -> count("SELECT count(*) FROM parked_event WHERE event_id = ?", early.id()) == 1);
        assertEquals(0, count("SELECT count(*) FROM timeline_entry WHERE applicant_id = ?", orphan), "nothing on a timeline nobody has");

        // A day later it is still unknown: the redriver's next try gives up on it.
        Rows.execute(dataSource,
                "UPDATE parked_event SET parked_at = now() - interval '25 hours', next_attempt_at = now() WHERE event_id = ?",
                early.id());
        List<ConsumerRecord<String, byte[]>> dead = KafkaTestClient.readUntil(EventCatalog.CHECKLISTS.deadLetterTopic(),
                r -> early.id().toString().equals(KafkaTestClient.eventId(r)), Duration.ofSeconds(30));
        String reason = KafkaTestClient.header(dead.get(dead.size() - 1), "dead-letter-reason");
        assertTrue(reason.contains("the applicant's registration"), reason);
        assertEquals(0, count("SELECT count(*) FROM parked_event WHERE event_id = ?", early.id()));
        assertEquals(1, count("SELECT count(*) FROM dead_letter_event WHERE event_id = ?", early.id()));
    }

    private static EventMetadata send(UUID applicant) throws Exception {
        EventMetadata metadata = new EventMetadata(UUID.randomUUID(), OPENED, "document-service", Instant.now(),
                applicant.toString(), null);
        ObjectNode body = (ObjectNode) EventJson.mapper().readTree(GoldenEvents.body(OPENED));
        body.put("applicantId", applicant.toString());
        KafkaTestClient.send(EventCatalog.CHECKLISTS.name(), applicant.toString(), EventJson.mapper().writeValueAsBytes(body),
                metadata.toHeaders());
        return metadata;
    }

    private long count(String sql, Object arg) {
        return Rows.count(dataSource, sql, arg);
    }
}
