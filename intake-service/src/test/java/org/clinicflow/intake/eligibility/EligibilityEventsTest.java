package org.clinicflow.intake.eligibility;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicflow.events.catalog.EventCatalog;
import org.clinicflow.events.cloudevents.CloudEventHeaders;
import org.clinicflow.events.cloudevents.EventJson;
import org.clinicflow.events.intake.EligibilityDecidedV1;
import org.clinicflow.intake.applicant.Registrations;
import org.clinicflow.testing.KafkaTestClient;
import org.clinicflow.testing.RealInfrastructure;
import org.clinicflow.testing.TestTokens;
import org.clinicflow.web.time.ClinicClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Eligibility is published, over the outbox and the real broker: a (c)(8) applicant registered
 * on day 100 of the asylum clock is announced {@code not_yet} with the date of day 150; with the
 * clinic clock moved 50 days the nightly review announces {@code eligible}; a review that finds
 * nothing new announces nothing; a correction that stops the clock moves the date again. The
 * event carries codes and dates, no personal data.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(OidcWiremockTestResource.class)
class EligibilityEventsTest {

    private static final String TYPE = "clinic.intake.eligibility-decided.v1";

    @Inject
    ClinicClock clock;

    @AfterEach
    void realTime() {
        clock.setOffset(Duration.ZERO);
    }

    @Test
    void theDecisionIsAnnouncedWhenItChangesAndTheNightlyReviewMovesItWithTheClock() {
        LocalDate today = LocalDate.now();
        Map<String, Object> body = Registrations.with("category", "c8");
        body.remove("paroleEndDate");
        body.remove("paroleProgram");
        body.put("asylumFiledOn", today.minusDays(100).toString());
        body.put("givenName", "Philomena");
        String id = given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(body)
                .when().post("/api/applicants").then().statusCode(201).extract().path("id");

        EligibilityDecidedV1 first = decisions(id, 1).get(0);
        assertEquals("not_yet", first.status());
        assertEquals(today.plusDays(50), first.earliestFilingDate());
        assertNull(first.holdReference());

        clock.setOffset(Duration.ofDays(50));
        // (A review running in the background after another test's new rule may announce it first: the event is what counts.)
        given().auth().oauth2(TestTokens.supervisor()).post("/api/eligibility/review").then().statusCode(200);
        EligibilityDecidedV1 second = decisions(id, 2).get(1);
        assertEquals("eligible", second.status());
        assertEquals(today.plusDays(50), second.earliestFilingDate());

        given().auth().oauth2(TestTokens.supervisor()).post("/api/eligibility/review").then().statusCode(200);
        given().auth().oauth2(TestTokens.caseworker()).contentType("application/merge-patch+json")
                .body(Map.of("clockStoppedDays", 10)).when().patch("/api/applicants/" + id).then().statusCode(200);
        List<EligibilityDecidedV1> all = decisions(id, 3);
        assertEquals(3, all.size(), "the review that found nothing new announced nothing; the correction did");
        assertEquals("not_yet", all.get(2).status());
        assertEquals(today.plusDays(60), all.get(2).earliestFilingDate());
    }

    /** The case's eligibility events on the applicants topic, once {@code count} of them arrived. */
    private static List<EligibilityDecidedV1> decisions(String id, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.readAll(EventCatalog.APPLICANTS.name(), Duration.ofSeconds(30))
                    .stream().filter(r -> id.equals(r.key()) && TYPE.equals(KafkaTestClient.header(r, CloudEventHeaders.TYPE)))
                    .toList();
            if (records.size() >= count || System.nanoTime() > deadline) {
                records.forEach(r -> assertFalse(new String(r.value(), StandardCharsets.UTF_8).contains("Philomena"),
                        "no name in the event"));
                return records.stream().map(r -> EventJson.read(r.value(), EligibilityDecidedV1.class)).toList();
            }
        }
    }
}
