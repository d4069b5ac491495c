package org.clinicflow.intake.aftercare;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicflow.events.GoldenEvents;
import org.clinicflow.events.catalog.EventCatalog;
import org.clinicflow.events.cloudevents.EventJson;
import org.clinicflow.events.cloudevents.EventMetadata;
import org.clinicflow.intake.applicant.RegistrationsAccess;
import org.clinicflow.testing.KafkaTestClient;
import org.clinicflow.testing.RealInfrastructure;
import org.clinicflow.testing.Rows;
import org.clinicflow.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * After filing, on the real broker and database: a USCIS status change (the tracking service's
 * event, delivered twice) is one timeline entry and one task, and the case shows the status; a
 * move after filing raises the AR-11 task due 10 days on, and "card mailed" then raises the
 * warning; the AR-11 task is ticked off with its date, once, audited; a shelter's residents move
 * together, each with their task, and a list naming one unknown id moves nobody; bad input is a
 * problem naming the field.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(OidcWiremockTestResource.class)
class AfterFilingTest {

    @Inject
    AgroalDataSource db;

    @Test
    void aStatusChangeDeliveredTwiceIsOneTimelineEntryAndOneTaskAndTheCaseShowsIt() throws Exception {
        String id = filedCase(LocalDate.now().minusDays(30));
        UUID event = UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            status(id, event, "evidence-requested", "Request for Evidence Was Sent");
        }
        status(id, UUID.randomUUID(), "evidence-received", "Response To USCIS' Request For Evidence Was Received");
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(id).stream().anyMatch(s -> s.contains("Response To USCIS")));

        assertEquals(1, timeline(id).stream().filter(s -> s.equals("USCIS: Request for Evidence Was Sent (2027-02-03)")).count());
        assertEquals(1, Rows.count(db, "SELECT count(*) FROM case_task WHERE applicant_id = ?::uuid AND kind = 'evidence-requested'", id));
        assertEquals(1, Rows.count(db, "SELECT count(*) FROM case_task WHERE applicant_id = ?::uuid", id), "the response raises nothing");
        given().auth().oauth2(TestTokens.caseworker()).when().get("/api/applicants/" + id).then().statusCode(200)
                .body("uscisStatus", equalTo("evidence-received")).body("uscisStatusDate", equalTo("2027-02-03"));
        List<Map<String, Object>> open = given().auth().oauth2(TestTokens.caseworker()).when().get("/api/tasks").then().statusCode(200)
                .extract().path("findAll { it.applicantId == '" + id + "' }");
        assertEquals(1, open.size());
        assertEquals("evidence-requested", open.get(0).get("kind"));
        org.junit.jupiter.api.Assertions.assertTrue(((String) open.get(0).get("applicantName")).matches("María\\p{L}* González"),
                "the case's name: " + open.get(0).get("applicantName"));
        given().auth().oauth2(TestTokens.caseworkerAt("another-site")).when().get("/api/tasks").then().statusCode(200)
                .body("applicantId", org.hamcrest.Matchers.not(hasItem(id)));
    }

    @Test
    void anUnknownWordingBecomesATaskThatQuotesIt() throws Exception {
        String id = filedCase(LocalDate.now().minusDays(10));
        status(id, UUID.randomUUID(), "unknown", "Case Was Sent To The Department of State");
        await().atMost(Duration.ofSeconds(30)).until(() -> Rows.count(db,
                "SELECT count(*) FROM case_task WHERE applicant_id = ?::uuid AND kind = 'unknown-status'"
                        + " AND detail = 'Case Was Sent To The Department of State'", id) == 1);
    }

    @Test
    void aMoveAfterFilingRaisesTheAr11TaskAndCardMailedThenWarnsAndTheTaskIsClosedOnceWithItsDate() throws Exception {
        LocalDate filedOn = LocalDate.now().minusDays(20);
        String id = filedCase(filedOn);
        LocalDate movedOn = LocalDate.now().minusDays(2);
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(move(movedOn))
                .when().post("/api/applicants/" + id + "/addresses").then().statusCode(201).body("reason", equalTo("move"))
                .body("street", equalTo("2120 S Michigan Ave"));
        List<Map<String, Object>> tasks = tasks(id);
        assertEquals(1, tasks.size());
        assertEquals("update-uscis-address", tasks.get(0).get("kind"));
        assertEquals(movedOn.plusDays(10).toString(), tasks.get(0).get("dueOn"));
        assertEquals(1, timeline(id).stream().filter(s -> s.startsWith("Mailing address changed: moved on " + movedOn)).count());

        status(id, UUID.randomUUID(), "card-mailed", "Card Was Mailed To Me");
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks(id).stream().anyMatch(t -> "card-mailed-after-move".equals(t.get("kind"))));

        String ar11 = (String) tasks.get(0).get("id");
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(Map.of("doneOn", LocalDate.now().plusDays(1).toString()))
                .when().post("/api/applicants/" + id + "/tasks/" + ar11 + "/done").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("doneOn"));
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(Map.of("doneOn", LocalDate.now().toString()))
                .when().post("/api/applicants/" + id + "/tasks/" + ar11 + "/done").then().statusCode(200)
                .body("doneOn", equalTo(LocalDate.now().toString())).body("doneBy", equalTo("caseworker"));
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(Map.of("doneOn", LocalDate.now().toString()))
                .when().post("/api/applicants/" + id + "/tasks/" + ar11 + "/done").then().statusCode(409);
        assertEquals(1, Rows.count(db, "SELECT count(*) FROM audit_entry WHERE applicant_id = ?::uuid AND action = 'close-task'"
                + " AND detail = ?", id, "update-uscis-address done " + LocalDate.now()));
        given().auth().oauth2(TestTokens.caseworker()).when().get("/api/tasks").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(hasItem(ar11)));
        given().auth().oauth2(TestTokens.caseworker()).when().get("/api/applicants/" + id + "/addresses").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].effectiveOn", equalTo(movedOn.toString()));
    }

    @Test
    void aMoveBeforeFilingRaisesNoTaskAndBadInputNamesTheField() {
        String id = register();
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(move(LocalDate.now().minusDays(1)))
                .when().post("/api/applicants/" + id + "/addresses").then().statusCode(201);
        assertEquals(0, tasks(id).size());
        Map<String, Object> bad = new HashMap<>(move(LocalDate.now().plusDays(3)));
        bad.put("address", Map.of("street", "2120 S Michigan Ave", "city", "Chicago", "state", "XX", "zipCode", "606"));
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(bad)
                .when().post("/api/applicants/" + id + "/addresses").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("address.state", "address.zipCode"));
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(move(LocalDate.now().plusDays(3)))
                .when().post("/api/applicants/" + id + "/addresses").then().statusCode(400).body("errors[0].field", equalTo("movedOn"));
    }

    @Test
    void aShelterClosingMovesEveryResidentEachWithATaskAndOneUnknownIdMovesNobody() {
        LocalDate filedOn = LocalDate.now().minusDays(40);
        List<String> residents = List.of(filedCase(filedOn), filedCase(filedOn), filedCase(filedOn));
        String unknown = UUID.randomUUID().toString();
        Map<String, Object> body = new HashMap<>(move(LocalDate.now()));
        body.put("applicantIds", List.of(residents.get(0), residents.get(1), residents.get(2), unknown));
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(body)
                .when().post("/api/address-moves").then().statusCode(404).contentType("application/problem+json")
                .body("errors[0].field", equalTo("applicantIds[3]"));
        residents.forEach(r -> assertEquals(0, tasks(r).size(), "nobody moved"));
        given().auth().oauth2(TestTokens.caseworkerAt("another-site")).contentType(ContentType.JSON)
                .body(Map.of("applicantIds", residents, "address", move(LocalDate.now()).get("address"), "movedOn", LocalDate.now().toString()))
                .when().post("/api/address-moves").then().statusCode(409).body("errors.field", hasItem("applicantIds[0]"));

        body.put("applicantIds", residents);
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(body)
                .when().post("/api/address-moves").then().statusCode(200).body("moved", equalTo(3)).body("filedCases", equalTo(3));
        for (String r : residents) {
            List<Map<String, Object>> tasks = tasks(r);
            assertEquals(1, tasks.size());
            assertEquals("update-uscis-address", tasks.get(0).get("kind"));
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    private static Map<String, Object> move(LocalDate movedOn) {
        return Map.of("address", Map.of("inCareOf", "Salvation Army Shelter", "street", "2120 S Michigan Ave", "city", "Chicago",
                "state", "IL", "zipCode", "60616"), "movedOn", movedOn.toString());
    }

    private static String register() {
        Map<String, Object> body = new HashMap<>(RegistrationsAccess.valid());
        return given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(body)
                .when().post("/api/applicants").then().statusCode(201).extract().path("id");
    }

    /** A registered case marked filed on {@code filedOn} with a receipt (the filing itself is FilingApiTest's). */
    private String filedCase(LocalDate filedOn) {
        String id = register();
        Rows.execute(db, "UPDATE applicant SET stage = 'filed', filed_on = ?, filed_method = 'paper', fee_status = 'paid',"
                + " receipt_number = ? WHERE id = ?::uuid", filedOn, "IOE" + (1_000_000_000L + Math.abs(id.hashCode() % 999_999_999)), id);
        return id;
    }

    private static void status(String id, UUID eventId, String status, String wording) throws Exception {
        String type = "clinic.tracking.case-status-changed.v1";
        ObjectNode body = (ObjectNode) EventJson.mapper().readTree(GoldenEvents.body(type));
        body.put("applicantId", id);
        body.put("status", status);
        body.put("uscisStatus", wording);
        EventMetadata metadata = new EventMetadata(eventId, type, "tracking-service", Instant.now(), id, null);
        KafkaTestClient.send(EventCatalog.STATUSES.name(), id, EventJson.mapper().writeValueAsBytes(body), metadata.toHeaders());
    }

    private static List<String> timeline(String id) {
        return given().auth().oauth2(TestTokens.caseworker()).when().get("/api/applicants/" + id + "/timeline").then().statusCode(200)
                .extract().path("summary");
    }

    private static List<Map<String, Object>> tasks(String id) {
        return given().auth().oauth2(TestTokens.caseworker()).when().get("/api/applicants/" + id + "/tasks").then().statusCode(200)
                .extract().path("$");
    }
}
