package org.clinicflow.intake.policy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicflow.events.catalog.EventCatalog;
import org.clinicflow.events.cloudevents.CloudEventHeaders;
import org.clinicflow.events.cloudevents.EventJson;
import org.clinicflow.events.intake.EligibilityDecidedV1;
import org.clinicflow.intake.applicant.Registrations;
import org.clinicflow.testing.KafkaTestClient;
import org.clinicflow.testing.RealInfrastructure;
import org.clinicflow.testing.Rows;
import org.clinicflow.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A policy change acts, over 1,000 cases on the real database and broker: a supervisor adds a
 * parole-program termination, holds every affected case with a reason (each on hold once, one
 * eligibility event each naming the hold, one audit entry and timeline entry each), running it
 * again changes nothing, the lift returns every case (and is idempotent too), and progress is
 * readable throughout.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(OidcWiremockTestResource.class)
class PolicyActionTest {

    private static final int CASES = 1_000;
    private static final String TYPE = "clinic.intake.eligibility-decided.v1";

    @Inject
    AgroalDataSource db;

    @Test
    void aHoldOverAThousandCasesRunsOnceAndIsLiftedAgain() throws Exception {
        // Programs are a closed list; "other" is used by no other test, and the cases are counted on a site of their own.
        String program = "other";
        String site = "policy-" + Long.toString(System.nanoTime(), 36);
        String ruleId = "other-parole-terminated-" + Long.toString(System.nanoTime(), 36);
        Map<String, Object> rule = new HashMap<>(Map.of("id", ruleId, "kind", "parole-termination", "categories", List.of("c11"),
                "paroleProgram", program, "effectiveFrom", LocalDate.now().minusDays(1).toString(),
                "source", "A test notice, 2026-11-30: the pilot parole program's paroles are terminated"));
        given().auth().oauth2(TestTokens.supervisor()).contentType(ContentType.JSON).body(rule)
                .when().post("/api/eligibility/rules").then().statusCode(201);
        Set<String> ids = registerCases(program, site);
        given().auth().oauth2(TestTokens.supervisor()).get("/api/eligibility/rules/" + ruleId + "/affected-cases")
                .then().statusCode(200).body("count", greaterThanOrEqualTo(CASES));

        String timeline = "SELECT count(*) FROM timeline_entry t JOIN applicant a ON a.id = t.applicant_id "
                + "WHERE a.site_id = ? AND t.event_type = ?";
        long timelineBefore = Rows.count(db, timeline, site, TYPE);

        String hold = act(ruleId, "hold", "Parole program terminated: check the applicant's notice");
        JsonPath done = awaitDone(hold);
        assertTrue(done.getInt("total") >= CASES);
        assertEquals(done.getInt("total"), done.getInt("changed"), "every affected case was held");
        assertEquals(done.getInt("total"), done.getInt("processed"));
        assertEquals(CASES, Rows.count(db, "SELECT count(*) FROM applicant WHERE site_id = ? AND stage = 'on_hold' "
                + "AND hold_reference = ?", site, hold));
        assertEquals(CASES, Rows.count(db, "SELECT count(*) FROM audit_entry e JOIN applicant a ON a.id = e.applicant_id "
                + "WHERE a.site_id = ? AND e.action = 'policy-hold' AND e.detail LIKE ?", site, hold + "%"));

        String again = act(ruleId, "hold", "Parole program terminated: check the applicant's notice");
        assertEquals(0, awaitDone(again).getInt("changed"), "a second hold changes nothing");

        Map<String, List<EligibilityDecidedV1>> events = decisionsOf(ids);
        for (String id : ids) {
            long holds = events.get(id).stream().filter(e -> hold.equals(e.holdReference())).count();
            assertEquals(1, holds, "one hold event for " + id);
            assertEquals(0, events.get(id).stream().filter(e -> again.equals(e.holdReference())).count());
        }
        assertEquals(CASES, Rows.count(db, timeline, site, TYPE) - timelineBefore, "one timeline entry per case for the hold");

        String lift = act(ruleId, "lift", null);
        assertTrue(awaitDone(lift).getInt("changed") >= CASES);
        assertEquals(0, Rows.count(db, "SELECT count(*) FROM applicant WHERE site_id = ? AND "
                + "(stage = 'on_hold' OR hold_reference IS NOT NULL)", site));
        assertEquals(CASES, Rows.count(db, "SELECT count(*) FROM audit_entry e JOIN applicant a ON a.id = e.applicant_id "
                + "WHERE a.site_id = ? AND e.action = 'policy-lift' AND e.detail = ?", site, hold));
        assertEquals(0, awaitDone(act(ruleId, "lift", null)).getInt("changed"), "a second lift changes nothing");
        Map<String, List<EligibilityDecidedV1>> after = decisionsOf(ids);
        for (String id : ids) {
            List<EligibilityDecidedV1> mine = after.get(id);
            assertEquals(null, mine.get(mine.size() - 1).holdReference(), "the last event of " + id + " is the lift's");
        }
    }

    private static Set<String> registerCases(String program, String site) throws Exception {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> registrations = new java.util.ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            registrations.add(pool.submit(() -> {
                Map<String, Object> body = Registrations.with("paroleProgram", program);
                body.put("siteId", site);
                ids.add(given().auth().oauth2(TestTokens.supervisor()).contentType(ContentType.JSON).body(body)
                        .when().post("/api/applicants").then().statusCode(201).extract().path("id"));
            }));
        }
        for (var registration : registrations) {
            registration.get(); // a refused registration fails the test with its answer
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
        assertEquals(CASES, ids.size());
        return ids;
    }

    private static String act(String ruleId, String action, String reason) {
        Map<String, Object> body = new HashMap<>(Map.of("action", action));
        if (reason != null) {
            body.put("reason", reason);
        }
        return given().auth().oauth2(TestTokens.supervisor()).contentType(ContentType.JSON).body(body)
                .when().post("/api/eligibility/rules/" + ruleId + "/actions").then().statusCode(202).extract().path("id");
    }

    private static JsonPath awaitDone(String action) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> "done".equals(
                given().auth().oauth2(TestTokens.supervisor()).get("/api/eligibility/actions/" + action).then().statusCode(200)
                        .extract().path("status")));
        return given().auth().oauth2(TestTokens.supervisor()).get("/api/eligibility/actions/" + action).then().extract().jsonPath();
    }

    /** Every eligibility event of these cases on the applicants topic, in order, once the relay has sent them all. */
    private static Map<String, List<EligibilityDecidedV1>> decisionsOf(Set<String> ids) {
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.readAllSent(EventCatalog.APPLICANTS.name(), Duration.ofMinutes(2));
        return records.stream().filter(r -> ids.contains(r.key()) && TYPE.equals(KafkaTestClient.header(r, CloudEventHeaders.TYPE)))
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.mapping(
                        r -> EventJson.read(r.value(), EligibilityDecidedV1.class), Collectors.toList())));
    }
}
