package org.clinicflow.intake.applicant;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicflow.events.catalog.EventCatalog;
import org.clinicflow.events.cloudevents.CloudEventHeaders;
import org.clinicflow.events.cloudevents.EventJson;
import org.clinicflow.events.intake.ApplicantRegisteredV1;
import org.clinicflow.events.intake.ContactPointChangedV1;
import org.clinicflow.testing.KafkaTestClient;
import org.clinicflow.testing.RealInfrastructure;
import org.clinicflow.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A registration reaches Kafka, through the outbox and the real broker, as the catalog's
 * events: applicant-registered on the applicants topic (ids and routing facts only) and
 * contact-point-changed on the contacts topic (the only place the phone travels). No event
 * and no log line carries the applicant's name or A-number.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(OidcWiremockTestResource.class)
class IntakeEventsTest {

    @Test
    void registrationPublishesCatalogEventsWithoutPersonalDetails() throws Exception {
        Map<String, Object> body = Registrations.with("aNumber", "A246813579");
        body.put("givenName", "Zephyrine");
        body.put("familyName", "Quackenbush");
        String location = given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(body)
                .when().post("/api/applicants").then().statusCode(201).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        // A rejected correction too: its error must not echo the A-number it refused.
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(Map.of("aNumber", "A24681357999"))
                .when().patch(location).then().statusCode(400);

        List<ConsumerRecord<String, byte[]>> applicants = KafkaTestClient.readUntil(EventCatalog.APPLICANTS.name(),
                r -> id.equals(r.key()), Duration.ofSeconds(30));
        ConsumerRecord<String, byte[]> registered = applicants.get(applicants.size() - 1);
        assertEquals("clinic.intake.applicant-registered.v1", KafkaTestClient.header(registered, CloudEventHeaders.TYPE));
        assertEquals("intake-service", KafkaTestClient.header(registered, CloudEventHeaders.SOURCE));
        assertNull(KafkaTestClient.header(registered, "traceparent"), "tracing is off unless switched on: no trace header");
        ApplicantRegisteredV1 event = EventJson.read(registered.value(), ApplicantRegisteredV1.class);
        assertEquals("c11", event.category());
        assertEquals("chicago-south", event.siteId());

        List<ConsumerRecord<String, byte[]>> contacts = KafkaTestClient.readUntil(EventCatalog.CONTACTS.name(),
                r -> id.equals(r.key()), Duration.ofSeconds(30));
        ContactPointChangedV1 contact = EventJson.read(contacts.get(contacts.size() - 1).value(), ContactPointChangedV1.class);
        assertTrue(contact.phone().startsWith("+1312555"), "the contact event carries the E.164 phone");
        assertTrue(contact.smsConsent());

        String registeredJson = new String(registered.value(), StandardCharsets.UTF_8);
        assertFalse(registeredJson.contains("+1312555"), "no phone on the applicants topic");
        for (ConsumerRecord<String, byte[]> record : List.of(registered, contacts.get(contacts.size() - 1))) {
            String json = new String(record.value(), StandardCharsets.UTF_8);
            assertNoPersonalDetails(json, "event " + KafkaTestClient.header(record, CloudEventHeaders.TYPE));
        }
        assertNoPersonalDetails(Files.readString(Path.of("target/intake-test.log")), "the service log");
    }

    private static void assertNoPersonalDetails(String text, String where) {
        for (String secret : List.of("Zephyrine", "Quackenbush", "246813579", "24681357999")) {
            assertFalse(text.contains(secret), where + " contains " + secret);
        }
    }
}
