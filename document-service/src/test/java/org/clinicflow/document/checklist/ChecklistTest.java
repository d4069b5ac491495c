package org.clinicflow.document.checklist;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicflow.document.audit.DocumentAudit;
import org.clinicflow.events.catalog.EventCatalog;
import org.clinicflow.events.cloudevents.CloudEventHeaders;
import org.clinicflow.events.cloudevents.EventJson;
import org.clinicflow.events.cloudevents.EventMetadata;
import org.clinicflow.events.documents.DocumentRejectedV1;
import org.clinicflow.events.documents.DocumentsCheckedV1;
import org.clinicflow.events.documents.DocumentsReadyV1;
import org.clinicflow.document.IntakeEventsForTests;
import org.clinicflow.testing.KafkaTestClient;
import org.clinicflow.testing.RealInfrastructure;
import org.clinicflow.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Checklists as intake's events open them and caseworkers work them, on the real broker and
 * database: the right items per category and circumstance, readiness and rejection announced
 * on Kafka, a category change that keeps checks already made, duplicates that change nothing,
 * and the role and site limits.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "document"))
@WithTestResource(OidcWiremockTestResource.class)
class ChecklistTest {

    private static final String REGISTERED = "clinic.intake.applicant-registered.v1";
    private static final String UPDATED = "clinic.intake.applicant-updated.v1";

    @Test
    void eachCategoryGetsItsTemplateAndCircumstancesAddItems() throws Exception {
        UUID c8 = register(Map.of("category", "c8", "priorEad", false, "feeWaiverClaimed", false));
        UUID c11 = register(Map.of("category", "c11", "priorEad", true, "feeWaiverClaimed", true));
        UUID tps = register(Map.of("category", "a12", "priorEad", false, "feeWaiverClaimed", false));
        awaitChecklist(c8).body("items.findAll { it.required }.type", containsInAnyOrder("travel-document", "i589-receipt",
                "photo-id", "photos", "translations", "g28"));
        awaitChecklist(c11).body("items.findAll { it.required }.type", containsInAnyOrder("travel-document", "i94-parole",
                "parole-document", "prior-ead", "photos", "translations", "fee-waiver-evidence", "g28"));
        awaitChecklist(tps).body("items.findAll { it.required }.type", hasItem("nationality-evidence"))
                .body("templateVersion", equalTo("a12@2026-11-21")).body("ready", equalTo(false));
    }

    @Test
    void readyWhenEveryRequiredItemIsSettledAndARejectionWithdrawsIt() throws Exception {
        UUID id = register(Map.of("category", "c8", "priorEad", false, "feeWaiverClaimed", false));
        awaitChecklist(id);
        for (String type : List.of("travel-document", "i589-receipt", "photo-id", "photos")) {
            check(TestTokens.caseworker(), id, type, Map.of("status", "verified")).statusCode(200);
        }
        check(TestTokens.caseworker(), id, "translations", Map.of("status", "not_applicable")).statusCode(200);
        check(TestTokens.caseworker(), id, "g28", Map.of("status", "not_applicable")).statusCode(200)
                .body("ready", equalTo(true))
                .body("items.find { it.type == 'photos' }.checkedBy", equalTo("caseworker"));

        ConsumerRecord<String, byte[]> ready = lastOf(id, "clinic.documents.documents-ready.v1");
        DocumentsReadyV1 readyEvent = EventJson.read(ready.value(), DocumentsReadyV1.class);
        assertEquals("chicago-south", readyEvent.siteId());
        assertEquals("es", readyEvent.preferredLanguage());

        check(TestTokens.caseworker(), id, "photos",
                Map.of("status", "rejected", "reason", "not-identical", "note", "Photos are from different days, ask for two new ones"))
                .statusCode(200).body("ready", equalTo(false))
                .body("items.find { it.type == 'photos' }.reason", equalTo("not-identical"));
        ConsumerRecord<String, byte[]> rejected = lastOf(id, "clinic.documents.document-rejected.v1");
        DocumentRejectedV1 rejection = EventJson.read(rejected.value(), DocumentRejectedV1.class);
        assertEquals("photos", rejection.documentType());
        assertEquals("not-identical", rejection.reasonCode());
        assertFalse(new String(rejected.value(), StandardCharsets.UTF_8).contains("different days"), "the note stays in the service");

        // The same check twice announces nothing new.
        check(TestTokens.caseworker(), id, "photos",
                Map.of("status", "rejected", "reason", "not-identical", "note", "Photos are from different days, ask for two new ones"))
                .statusCode(200);
        assertEquals(1, count(id, "clinic.documents.document-rejected.v1"));
        assertEquals(1, count(id, "clinic.documents.documents-ready.v1"));
    }

    @Test
    void aWholeChecklistSavedAtOnceIsAllOrNothing() throws Exception {
        UUID id = register(Map.of("category", "c8", "priorEad", false, "feeWaiverClaimed", false));
        awaitChecklist(id);
        checkAll(id, List.of(
                Map.of("type", "photos", "status", "rejected"),
                Map.of("type", "birth-certificate", "status", "verified"),
                Map.of("type", "g28", "status", "verified"),
                Map.of("type", "g28", "status", "not_applicable"),
                Map.of("type", "photo-id", "status", "not_applicable"))).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("checks[0].reason", "checks[1].type", "checks[3].type", "checks[4].status"));
        checklist(id).body("items.status", not(hasItem("verified")));
        checkAll(id, List.of()).statusCode(400).body("errors.field", contains("checks"));
        checkAll(id, List.of(Map.of("type", "photos", "status", "waived"))).statusCode(403);

        checkAll(id, List.of(
                Map.of("type", "travel-document", "status", "verified"),
                Map.of("type", "i589-receipt", "status", "verified"),
                Map.of("type", "photo-id", "status", "verified"),
                Map.of("type", "photos", "status", "verified", "note", "Both taken today"),
                Map.of("type", "translations", "status", "not_applicable"),
                Map.of("type", "g28", "status", "not_applicable"))).statusCode(200)
                .body("ready", equalTo(true))
                .body("items.find { it.type == 'photos' }.note", equalTo("Both taken today"))
                .body("items.findAll { it.required }.status", not(hasItem("pending")));
        lastOf(id, "clinic.documents.documents-ready.v1");
        ConsumerRecord<String, byte[]> checked = lastOf(id, "clinic.documents.documents-checked.v1");
        assertEquals(1, count(id, "clinic.documents.documents-checked.v1"), "one announcement for the save");
        assertEquals(List.of("travel-document", "i589-receipt", "photo-id", "photos"),
                EventJson.read(checked.value(), DocumentsCheckedV1.class).documents().stream()
                        .map(DocumentsCheckedV1.CheckedDocument::documentType).toList(),
                "the verified items, in the order saved; not-applicable ones are not announced");
        assertEquals(0, count(id, "clinic.documents.document-verified.v1"), "no announcement per document");
        assertEquals(1, count(id, "clinic.documents.documents-ready.v1"), "readiness announced once, after the last check");
        List<String> audited = QuarkusTransaction.requiringNew().call(() -> DocumentAudit
                .<DocumentAudit>list("applicantId = ?1 order by id", id).stream()
                .map(entry -> entry.action + " " + entry.documentType + " " + entry.detail + " by " + entry.actor).toList());
        assertEquals(List.of("check travel-document verified by caseworker", "check i589-receipt verified by caseworker",
                "check photo-id verified by caseworker", "check photos verified by caseworker",
                "check translations not_applicable by caseworker", "check g28 not_applicable by caseworker"), audited,
                "one audit entry per check, in the order saved; none for the saves refused");
    }

    @Test
    void checksSavedAtTheSameTimeAllCountAndReadinessIsAnnouncedOnce() throws Exception {
        UUID id = register(Map.of("category", "c8", "priorEad", false, "feeWaiverClaimed", false));
        awaitChecklist(id);
        Map<String, String> checks = Map.of("travel-document", "verified", "i589-receipt", "verified", "photo-id", "verified",
                "photos", "verified", "translations", "not_applicable", "g28", "not_applicable");
        java.util.concurrent.ExecutorService desks = java.util.concurrent.Executors.newFixedThreadPool(checks.size());
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> answers = checks.entrySet().stream()
                    .map(c -> desks.submit(() -> {
                        go.await();
                        return check(TestTokens.caseworker(), id, c.getKey(), Map.of("status", c.getValue())).extract().statusCode();
                    }))
                    .toList();
            go.countDown();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                assertEquals(200, answer.get(30, java.util.concurrent.TimeUnit.SECONDS), "every desk's check is saved");
            }
        } finally {
            desks.shutdownNow();
        }
        checklist(id).body("ready", equalTo(true)).body("items.findAll { it.required }.status", not(hasItem("pending")));
        lastOf(id, "clinic.documents.documents-ready.v1");
        assertEquals(1, count(id, "clinic.documents.documents-ready.v1"));
    }

    @Test
    void badChecksAreRefusedWithAReason() throws Exception {
        UUID id = register(Map.of("category", "c11", "priorEad", false, "feeWaiverClaimed", false));
        awaitChecklist(id);
        check(TestTokens.caseworker(), id, "photos", Map.of("status", "rejected")).statusCode(400)
                .body("errors.field", hasItem("reason"));
        check(TestTokens.caseworker(), id, "photos", Map.of("status", "not_applicable")).statusCode(400)
                .body("errors.field", hasItem("status"));
        check(TestTokens.caseworker(), id, "photos", Map.of("status", "approved")).statusCode(400);
        check(TestTokens.caseworker(), id, "birth-certificate", Map.of("status", "verified")).statusCode(404);
        check(TestTokens.caseworker(), id, "photos", Map.of("status", "waived")).statusCode(403);
        check(TestTokens.supervisor(), id, "photos", Map.of("status", "waived")).statusCode(200)
                .body("items.find { it.type == 'photos' }.status", equalTo("waived"));
    }

    @Test
    void aCategoryChangeKeepsChecksAlreadyMade() throws Exception {
        UUID id = register(Map.of("category", "c11", "priorEad", false, "feeWaiverClaimed", false));
        awaitChecklist(id);
        check(TestTokens.caseworker(), id, "travel-document", Map.of("status", "verified")).statusCode(200);
        check(TestTokens.caseworker(), id, "parole-document", Map.of("status", "verified")).statusCode(200);
        send(UPDATED, id, Map.of("category", "c8", "priorEad", false, "feeWaiverClaimed", false));
        await().atMost(Duration.ofSeconds(30)).until(() -> "c8".equals(checklist(id).extract().path("category")));
        checklist(id)
                .body("items.find { it.type == 'travel-document' }.status", equalTo("verified"))
                .body("items.find { it.type == 'i589-receipt' }.status", equalTo("pending"))
                .body("items.find { it.type == 'parole-document' }.required", equalTo(false))
                .body("items.find { it.type == 'parole-document' }.status", equalTo("verified"))
                .body("items.findAll { it.required }.type", not(hasItem("parole-document")));
    }

    @Test
    void aDuplicateRegistrationOpensOneChecklist() throws Exception {
        UUID id = UUID.randomUUID();
        EventMetadata metadata = metadata(REGISTERED, id);
        byte[] body = body(REGISTERED, id, Map.of("category", "c8", "priorEad", false, "feeWaiverClaimed", false));
        KafkaTestClient.send(EventCatalog.APPLICANTS.name(), id.toString(), body, metadata.toHeaders());
        KafkaTestClient.send(EventCatalog.APPLICANTS.name(), id.toString(), body, metadata.toHeaders());
        send(UPDATED, id, Map.of("category", "c8", "priorEad", false, "feeWaiverClaimed", false, "preferredLanguage", "fr"));
        await().atMost(Duration.ofSeconds(30)).until(() -> checklistStatus(id) == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> KafkaTestClient.readAll(EventCatalog.CHECKLISTS.name(), Duration.ofSeconds(30))
                .stream().anyMatch(r -> id.toString().equals(r.key())));
        assertEquals(1, count(id, "clinic.documents.checklist-opened.v1"));
    }

    @Test
    void rolesAndSitesLimitWhoSeesAChecklist() throws Exception {
        UUID id = register(Map.of("category", "c8", "priorEad", false, "feeWaiverClaimed", false));
        awaitChecklist(id);
        given().when().get("/api/applicants/" + id + "/checklist").then().statusCode(401);
        given().auth().oauth2(TestTokens.admin()).when().get("/api/applicants/" + id + "/checklist").then().statusCode(403);
        given().auth().oauth2(TestTokens.caseworkerAt("denver-central")).when().get("/api/applicants/" + id + "/checklist")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.supervisor()).when().get("/api/applicants/" + id + "/checklist").then().statusCode(200);
        given().auth().oauth2(TestTokens.caseworker()).when().get("/api/checklist-templates").then().statusCode(200)
                .body("reasonCodes", hasItem("expired")).body("labels.photos", equalTo("Two identical passport-style photos"));
    }

    // --- helpers -----------------------------------------------------------------------------

    private static UUID register(Map<String, Object> fields) throws Exception {
        return IntakeEventsForTests.register(fields);
    }

    private static void send(String type, UUID id, Map<String, Object> fields) throws Exception {
        IntakeEventsForTests.send(type, id, fields);
    }

    private static byte[] body(String type, UUID id, Map<String, Object> fields) throws Exception {
        return IntakeEventsForTests.body(type, id, fields);
    }

    private static EventMetadata metadata(String type, UUID id) {
        return new EventMetadata(UUID.randomUUID(), type, "intake-service", Instant.now(), id.toString(), null);
    }

    private static io.restassured.response.ValidatableResponse awaitChecklist(UUID id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> checklistStatus(id) == 200);
        return checklist(id);
    }

    private static int checklistStatus(UUID id) {
        return given().auth().oauth2(TestTokens.caseworker()).get("/api/applicants/" + id + "/checklist").statusCode();
    }

    private static io.restassured.response.ValidatableResponse checklist(UUID id) {
        return given().auth().oauth2(TestTokens.caseworker()).get("/api/applicants/" + id + "/checklist").then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse check(String token, UUID id, String type, Map<String, ?> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when()
                .put("/api/applicants/" + id + "/documents/" + type).then();
    }

    private static io.restassured.response.ValidatableResponse checkAll(UUID id, List<Map<String, ?>> checks) {
        return given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(Map.of("checks", checks)).when()
                .put("/api/applicants/" + id + "/documents").then();
    }

    private static ConsumerRecord<String, byte[]> lastOf(UUID id, String type) {
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.readUntil(EventCatalog.CHECKLISTS.name(),
                r -> id.toString().equals(r.key()) && type.equals(KafkaTestClient.header(r, CloudEventHeaders.TYPE)),
                Duration.ofSeconds(30));
        return records.get(records.size() - 1);
    }

    private static long count(UUID id, String type) {
        return KafkaTestClient.readAllSent(EventCatalog.CHECKLISTS.name(), Duration.ofSeconds(30)).stream()
                .filter(r -> id.toString().equals(r.key()) && type.equals(KafkaTestClient.header(r, CloudEventHeaders.TYPE)))
                .count();
    }

}
