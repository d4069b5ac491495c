package org.clinicflow.scheduling.planning;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.clinicflow.events.GoldenEvents;
import org.clinicflow.events.catalog.EventCatalog;
import org.clinicflow.events.cloudevents.EventJson;
import org.clinicflow.events.cloudevents.EventMetadata;
import org.clinicflow.scheduling.Clinic;
import org.clinicflow.testing.RealInfrastructure;
import org.clinicflow.testing.Rows;
import org.clinicflow.testing.TestKafka;
import org.clinicflow.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Surge planning on the real broker and database: a roster of 500 in three languages arrives as
 * intake and document-service announce it (registered, eligible, documents ready) at a site with
 * no sessions, so all 500 wait; the backlog counts them by language; the plan for two weeks and
 * its proposed sessions cover them; a what-if for a roster not imported yet answers; the sessions
 * are created in one step by a clinic admin (a supervisor may look, not create) and the waitlist
 * drains to zero; bad input names its field.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "scheduling"))
@WithTestResource(OidcWiremockTestResource.class)
@SuppressWarnings("unchecked")
class SurgePlanningTest {

    private static final Map<String, Integer> ROSTER = Map.of("es", 250, "ht", 150, "fr", 100);

    @Inject
    AgroalDataSource db;

    @Test
    void aRosterOfFiveHundredIsPlannedForAndTheNewSessionsDrainTheWaitlist() throws Exception {
        String site = Clinic.site();
        announce(site);
        await().atMost(Duration.ofSeconds(120)).until(() -> waitlisted(site) == 500);

        String base = "/api/planning/sites/" + site;
        given().auth().oauth2(TestTokens.supervisor()).when().get(base + "/backlog").then().statusCode(200)
                .body("languages.find { it.language == 'es' }.eligibleNow", equalTo(250))
                .body("languages.find { it.language == 'es' }.waitlisted", equalTo(250))
                .body("languages.find { it.language == 'ht' }.eligibleNow", equalTo(150))
                .body("languages.find { it.language == 'fr' }.eligibleNow", equalTo(100))
                .body("sessions.size()", equalTo(0));
        given().auth().oauth2(TestTokens.caseworker()).when().get(base + "/backlog").then().statusCode(403);

        String target = LocalDate.now(Clinic.CHICAGO).plusDays(14).toString();
        List<Map<String, Object>> days = given().auth().oauth2(TestTokens.supervisor()).queryParam("target", target).when()
                .get(base + "/plan").then().statusCode(200).extract().path("plan.days");
        for (Map.Entry<String, Integer> language : ROSTER.entrySet()) {
            int seats = days.stream().flatMap(d -> ((List<Map<String, Object>>) d.get("languages")).stream())
                    .filter(l -> language.getKey().equals(l.get("language"))).mapToInt(l -> (Integer) l.get("newSeats")).sum();
            assertTrue(seats >= language.getValue(), language.getKey() + ": " + seats + " new seats for " + language.getValue() + " people");
        }

        Map<String, Object> whatIf = given().auth().oauth2(TestTokens.supervisor()).contentType(ContentType.JSON)
                .body(Map.of("people", Map.of("pt", 40), "clearInDays", 7)).when().post(base + "/what-if").then().statusCode(200)
                .extract().path("$");
        assertNull(((Map<String, Object>) whatIf.get("withTodaysCapacity")).get("clearedOn"), "no sessions: never cleared as things are");
        assertTrue((Integer) ((Map<String, Object>) whatIf.get("toClearInDays")).get("newSessions") > 0);
        given().auth().oauth2(TestTokens.supervisor()).contentType(ContentType.JSON).body(Map.of("people", Map.of("xx", 3)))
                .when().post(base + "/what-if").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("people.xx"));
        given().auth().oauth2(TestTokens.supervisor()).queryParam("target", "2020-01-01").when().get(base + "/plan").then()
                .statusCode(400).body("errors[0].field", equalTo("target"));

        List<Map<String, Object>> proposed = given().auth().oauth2(TestTokens.supervisor()).queryParam("target", target).when()
                .get(base + "/sessions/proposed").then().statusCode(200).extract().path("$");
        assertTrue(!proposed.isEmpty());
        given().auth().oauth2(TestTokens.supervisor()).contentType(ContentType.JSON).body(Map.of("target", target))
                .when().post(base + "/sessions").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("target", target))
                .when().post(base + "/sessions").then().statusCode(201).body("size()", equalTo(proposed.size()));

        await().atMost(Duration.ofSeconds(120)).until(() -> waitlisted(site) == 0);
        assertEquals(500, Rows.count(db, "SELECT count(*) FROM appointment WHERE site_id = ? AND status = 'booked'", site));
        given().auth().oauth2(TestTokens.supervisor()).when().get(base + "/backlog").then().statusCode(200)
                .body("languages.findAll { it.eligibleNow > 0 || it.waitlisted > 0 }", org.hamcrest.Matchers.empty())
                .body("sessions.size()", equalTo(proposed.size()));
    }

    private long waitlisted(String site) {
        return Rows.count(db, "SELECT count(*) FROM ready_applicant WHERE site_id = ? AND waitlisted_at IS NOT NULL", site);
    }

    /** The roster as intake and document-service announce it, through one producer (1,500 records). */
    private static void announce(String site) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (Map.Entry<String, Integer> language : ROSTER.entrySet()) {
                for (int i = 0; i < language.getValue(); i++) {
                    UUID applicant = UUID.randomUUID();
                    send(producer, EventCatalog.APPLICANTS.name(), "clinic.intake.applicant-registered.v1", applicant,
                            Map.of("siteId", site, "preferredLanguage", language.getKey()), List.of("householdId"));
                    send(producer, EventCatalog.APPLICANTS.name(), "clinic.intake.eligibility-decided.v1", applicant,
                            Map.of("status", "eligible"), List.of("earliestFilingDate", "holdReference"));
                    send(producer, EventCatalog.CHECKLISTS.name(), "clinic.documents.documents-ready.v1", applicant,
                            Map.of("siteId", site, "preferredLanguage", language.getKey()), List.of("householdId"));
                }
            }
            producer.flush();
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, String type, UUID applicant, Map<String, String> fields,
            List<String> nulls) throws Exception {
        ObjectNode body = (ObjectNode) EventJson.mapper().readTree(GoldenEvents.body(type));
        body.put("applicantId", applicant.toString());
        fields.forEach(body::put);
        nulls.forEach(body::putNull);
        EventMetadata metadata = new EventMetadata(UUID.randomUUID(), type, "test", Instant.now(), applicant.toString(), null);
        RecordHeaders headers = new RecordHeaders();
        metadata.toHeaders().forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        producer.send(new ProducerRecord<>(topic, null, applicant.toString(), EventJson.mapper().writeValueAsBytes(body), headers));
    }
}
