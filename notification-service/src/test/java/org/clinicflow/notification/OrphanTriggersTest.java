package org.clinicflow.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicflow.events.catalog.EventCatalog;
import org.clinicflow.events.cloudevents.EventMetadata;
import org.clinicflow.notification.message.Message;
import org.clinicflow.testing.KafkaTestClient;
import org.clinicflow.testing.RealInfrastructure;
import org.clinicflow.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The stall found on the local stack, replayed on the real broker and database: a booking for
 * an applicant whose contact point never came used to be retried in place for ever, silencing
 * every later booking on the channel and failing the health probes. Now it is parked for that
 * applicant alone: 50 applicants booked after it are texted, the service stays live and ready,
 * an operator sees it (and a poison record's dead letter) through the admin endpoints, and
 * when the contact point arrives it is texted once.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeTwilio.class)
class OrphanTriggersTest {

    private static final String BOOKED = "clinic.scheduling.appointment-booked.v1";

    @Test
    void aBookingWithoutAContactPointWaitsAloneWhileFiftyOthersAreTextedAndIsTextedOnceWhenItArrives() throws Exception {
        UUID orphan = UUID.randomUUID();
        EventMetadata orphanBooking = Events.send(EventCatalog.APPOINTMENTS, BOOKED, orphan, booking());
        List<UUID> others = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            UUID other = UUID.randomUUID();
            Events.send(EventCatalog.APPLICANTS, "clinic.intake.applicant-registered.v1", other, Map.of("siteId", "chicago-south",
                    "preferredLanguage", "es"));
            Events.send(EventCatalog.CONTACTS, "clinic.intake.contact-point-changed.v1", other, Map.of("phone", Events.phone(),
                    "preferredLanguage", "es", "smsConsent", true));
            others.add(other);
        }
        for (UUID other : others) {
            Events.send(EventCatalog.APPOINTMENTS, BOOKED, other, booking());
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> messages(others) == 50);
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200);
        assertEquals(0, messages(List.of(orphan)), "no phone, no message yet");

        given().auth().oauth2(TestTokens.admin()).when().get("/api/admin/messaging/parked").then().statusCode(200)
                .body("findAll { it.applicantId == '" + orphan + "' }.eventId", hasItem(orphanBooking.id().toString()))
                .body("findAll { it.applicantId == '" + orphan + "' }.waitingFor", hasItem("the applicant's contact point"))
                .body("findAll { it.applicantId == '" + orphan + "' }.consumer", hasItem("notification-service.triggers"));
        given().auth().oauth2(TestTokens.caseworker()).when().get("/api/admin/messaging/parked").then().statusCode(403);
        given().when().get("/api/admin/messaging/dead-letters").then().statusCode(401);

        String phone = Events.phone();
        Events.send(EventCatalog.APPLICANTS, "clinic.intake.applicant-registered.v1", orphan, Map.of("siteId", "chicago-south",
                "preferredLanguage", "es"));
        Events.send(EventCatalog.CONTACTS, "clinic.intake.contact-point-changed.v1", orphan, Map.of("phone", phone,
                "preferredLanguage", "es", "smsConsent", true));

        await().atMost(Duration.ofSeconds(20)).until(() -> messages(List.of(orphan)) == 1);
        given().auth().oauth2(TestTokens.admin()).when().get("/api/admin/messaging/parked").then().statusCode(200)
                .body("applicantId", not(hasItem(orphan.toString())));
        Events.resend(EventCatalog.APPOINTMENTS, BOOKED, orphan, booking(), orphanBooking);
        // A later event of the same applicant (same partition) shows the duplicate was read and skipped.
        Events.send(EventCatalog.APPOINTMENTS, "clinic.scheduling.appointment-rescheduled.v1", orphan, booking());
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() -> Message.count(
                "applicantId = ?1 and templateKey = ?2", orphan, "appointment-rescheduled")) == 1);
        assertEquals(1, messages(List.of(orphan)), "texted once, though the booking came twice");
    }

    @Test
    void aPoisonRecordIsDeadLetteredListedAndTheServiceStaysLiveAndReady() throws Exception {
        UUID applicant = UUID.randomUUID();
        EventMetadata bad = new EventMetadata(UUID.randomUUID(), BOOKED, "scheduling-service", Instant.now(), applicant.toString(), null);
        KafkaTestClient.send(EventCatalog.APPOINTMENTS.name(), applicant.toString(),
                "{\"applicantId\":\"not-a-uuid\"}".getBytes(StandardCharsets.UTF_8), bad.toHeaders());

        KafkaTestClient.readUntil(EventCatalog.APPOINTMENTS.deadLetterTopic(),
                r -> bad.id().toString().equals(KafkaTestClient.eventId(r)), Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(TestTokens.admin())
                .when().get("/api/admin/messaging/dead-letters").then().statusCode(200)
                .body("find { it.eventId == '" + bad.id() + "' }.consumer", equalTo("notification-service.triggers"))
                .body("find { it.eventId == '" + bad.id() + "' }.eventType", equalTo(BOOKED)));
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200);

        long id = given().auth().oauth2(TestTokens.admin()).when().get("/api/admin/messaging/dead-letters").then()
                .extract().jsonPath().getLong("find { it.eventId == '" + bad.id() + "' }.id");
        given().auth().oauth2(TestTokens.admin()).when().post("/api/admin/messaging/dead-letters/" + id + "/redrive").then()
                .statusCode(200).body("outcomes[0]", org.hamcrest.Matchers.startsWith("failed: "));
        given().auth().oauth2(TestTokens.admin()).when().get("/api/admin/messaging/dead-letters").then()
                .body("find { it.eventId == '" + bad.id() + "' }.redrivenAt", org.hamcrest.Matchers.nullValue());
    }

    private static Map<String, Object> booking() {
        return Map.of("slot", Events.slot(Instant.now().plus(3, ChronoUnit.DAYS), Events.daytimeZone()));
    }

    private static long messages(List<UUID> applicants) {
        return QuarkusTransaction.requiringNew().call(() -> Message.count("applicantId in ?1 and templateKey = ?2", applicants,
                "appointment-booked"));
    }
}
