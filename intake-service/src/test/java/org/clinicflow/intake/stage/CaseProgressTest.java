package org.clinicflow.intake.stage;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clinicflow.events.GoldenEvents;
import org.clinicflow.events.catalog.EventCatalog;
import org.clinicflow.events.cloudevents.EventJson;
import org.clinicflow.events.cloudevents.EventMetadata;
import org.clinicflow.intake.checklist.ChecklistItems;
import org.clinicflow.testing.KafkaTestClient;
import org.clinicflow.testing.RealInfrastructure;
import org.clinicflow.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The case follows the other services' events, sent as they would send them (the golden
 * samples, on the real broker): checklist opened, documents checked and one rejected (the
 * checklist the filing packet lists), documents ready, booked, checked in, filed with its receipt; each on the
 * timeline once, even when delivered twice.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(OidcWiremockTestResource.class)
class CaseProgressTest {

    @Inject
    ChecklistItems checklist;

    @Test
    void stageAndTimelineFollowTheOtherServices() throws Exception {
        String location = given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON)
                .body(org.clinicflow.intake.applicant.RegistrationsAccess.valid()).when().post("/api/applicants").then()
                .statusCode(201).extract().header("Location");
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));

        send(EventCatalog.CHECKLISTS.name(), "clinic.documents.checklist-opened.v1", id);
        awaitStage(location, "documents_pending");
        EventMetadata checked = send(EventCatalog.CHECKLISTS.name(), "clinic.documents.documents-checked.v1", id);
        resend(EventCatalog.CHECKLISTS.name(), "clinic.documents.documents-checked.v1", id, checked);
        // What the filing packet will list: each document of the save as checked, the rest still required.
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineTypes(location).contains("clinic.documents.documents-checked.v1"));
        assertEquals(List.of("i94 verified caseworker 2026-11-22T09:15:00Z", "identity-document required null null",
                "parole-document required null null", "passport verified caseworker 2026-11-22T09:15:00Z",
                "photos waived caseworker 2026-11-22T09:15:00Z"), checklistOf(id));
        // A later rejection of one of them replaces its check.
        send(EventCatalog.CHECKLISTS.name(), "clinic.documents.document-rejected.v1", id);
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineTypes(location).contains("clinic.documents.document-rejected.v1"));
        assertEquals("photos rejected caseworker 2026-11-22T09:16:00Z", checklistOf(id).get(4));
        EventMetadata ready = send(EventCatalog.CHECKLISTS.name(), "clinic.documents.documents-ready.v1", id);
        resend(EventCatalog.CHECKLISTS.name(), "clinic.documents.documents-ready.v1", id, ready);
        awaitStage(location, "ready_to_book");
        send(EventCatalog.APPOINTMENTS.name(), "clinic.scheduling.appointment-booked.v1", id);
        awaitStage(location, "booked");
        send(EventCatalog.APPOINTMENTS.name(), "clinic.scheduling.applicant-checked-in.v1", id);
        awaitStage(location, "checked_in");
        EventMetadata completed = send(EventCatalog.APPOINTMENTS.name(), "clinic.scheduling.visit-completed.v1", id);
        resend(EventCatalog.APPOINTMENTS.name(), "clinic.scheduling.visit-completed.v1", id, completed);
        awaitStage(location, "filed");
        // The receipt the visit's close brought is announced as recorded (the tracker follows it), once.
        KafkaTestClient.readUntil(EventCatalog.APPLICANTS.name(), r -> id.toString().equals(r.key())
                && "clinic.intake.receipt-recorded.v1".equals(KafkaTestClient.header(r, "ce_type")), Duration.ofSeconds(30));
        // Filed is final: a late no-show does not move it, and neither it nor an SMS receipt touches
        // the case record (a caseworker's edit checked against its version is not refused for them).
        Object version = given().auth().oauth2(TestTokens.caseworker()).get(location).then().extract().path("version");
        send(EventCatalog.APPOINTMENTS.name(), "clinic.scheduling.no-show-recorded.v1", id);
        send(EventCatalog.MESSAGES.name(), "clinic.notification.message-sent.v1", id);
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineTypes(location).containsAll(
                List.of("clinic.scheduling.no-show-recorded.v1", "clinic.notification.message-sent.v1")));
        given().auth().oauth2(TestTokens.caseworker()).when().get(location).then().body("version", equalTo(version));
        assertEquals(1, KafkaTestClient.readAllSent(EventCatalog.APPLICANTS.name(), Duration.ofSeconds(30)).stream()
                .filter(r -> id.toString().equals(r.key()) && "clinic.intake.receipt-recorded.v1".equals(KafkaTestClient.header(r, "ce_type")))
                .count(), "one receipt-recorded, though the visit's close came twice");

        given().auth().oauth2(TestTokens.caseworker()).when().get(location).then()
                .body("stage", equalTo("filed")).body("receiptNumber", equalTo("IOE0912345678"));
        List<String> types = timelineTypes(location);
        assertEquals(1, types.stream().filter("clinic.documents.documents-ready.v1"::equals).count(),
                "a redelivered event is on the timeline once");
        assertEquals(1, types.stream().filter("clinic.documents.documents-checked.v1"::equals).count(),
                "one save of the checklist is one entry, though delivered twice");
        given().auth().oauth2(TestTokens.caseworker()).when().get(location + "/timeline").then()
                .body("find { it.eventType == 'clinic.documents.documents-checked.v1' }.summary",
                        equalTo("Verified: i94, passport; waived: photos"))
                .body("find { it.eventType == 'clinic.documents.documents-checked.v1' }.actor", equalTo("caseworker"));
        given().auth().oauth2(TestTokens.caseworker()).when().get(location + "/timeline").then()
                .body("eventType", hasItems("clinic.intake.applicant-registered.v1", "clinic.documents.checklist-opened.v1",
                        "clinic.scheduling.appointment-booked.v1", "clinic.scheduling.visit-completed.v1"))
                .body("find { it.eventType == 'clinic.scheduling.visit-completed.v1' }.summary",
                        equalTo("Filed, receipt IOE0912345678"));
    }

    /** The checklist as intake holds it for the filing packet, one line per item. */
    private List<String> checklistOf(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> checklist.of(id)).stream()
                .map(i -> i.documentType() + " " + i.status() + " " + i.checkedBy() + " " + i.checkedAt()).toList();
    }

    private static EventMetadata send(String topic, String type, UUID applicant) throws Exception {
        EventMetadata metadata = new EventMetadata(UUID.randomUUID(), type, "test", Instant.now(), applicant.toString(), null);
        resend(topic, type, applicant, metadata);
        return metadata;
    }

    private static void resend(String topic, String type, UUID applicant, EventMetadata metadata) throws Exception {
        ObjectNode body = (ObjectNode) EventJson.mapper().readTree(GoldenEvents.body(type));
        body.put("applicantId", applicant.toString());
        KafkaTestClient.send(topic, applicant.toString(), EventJson.mapper().writeValueAsBytes(body), metadata.toHeaders());
    }

    private static void awaitStage(String location, String stage) {
        await().atMost(Duration.ofSeconds(30)).until(() -> stage.equals(
                given().auth().oauth2(TestTokens.caseworker()).get(location).then().extract().path("stage")));
    }

    private static List<String> timelineTypes(String location) {
        return given().auth().oauth2(TestTokens.caseworker()).get(location + "/timeline").then().extract().path("eventType");
    }
}
