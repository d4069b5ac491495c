package org.clinicflow.scheduling;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicflow.events.catalog.EventCatalog;
import org.clinicflow.events.cloudevents.CloudEventHeaders;
import org.clinicflow.events.cloudevents.EventJson;
import org.clinicflow.events.scheduling.AppointmentBookedV1;
import org.clinicflow.events.scheduling.AppointmentRescheduledV1;
import org.clinicflow.testing.KafkaTestClient;
import org.clinicflow.testing.RealInfrastructure;
import org.clinicflow.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The booking rules on the real broker and database: documents ready books the earliest slot
 * in the applicant's language (or waitlists until capacity appears), households sit together,
 * replies confirm and reschedule, a rejection holds the seat, a closure moves everyone once,
 * and the visit runs to check-in, completion with a receipt, or a no-show offered one new slot.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "scheduling"))
@WithTestResource(OidcWiremockTestResource.class)
class BookingTest {

    @Test
    void documentsReadyBooksTheEarliestSlotInTheApplicantsLanguage() throws Exception {
        String site = Clinic.site();
        Clinic.session(site, 2, "10:00", 1, List.of("ht"));
        Clinic.session(site, 3, "10:00", 1, List.of("es", "en"));
        UUID applicant = UUID.randomUUID();
        Clinic.ready(applicant, site, "es", null);

        AppointmentBookedV1 booked = event(applicant, "clinic.scheduling.appointment-booked.v1", AppointmentBookedV1.class);
        assertEquals(LocalDate.now(Clinic.CHICAGO).plusDays(3), booked.slot().localDate(), "the Haitian Creole session is skipped");
        assertEquals("09:00", booked.slot().localTime().toString());
        assertEquals("Clinic " + site, booked.slot().siteName());
        assertEquals("1 Example Plaza, Chicago, IL", booked.slot().siteAddress());
        appointment(applicant).body("status", equalTo("booked")).body("siteId", equalTo(site));
    }

    @Test
    void withNoSlotTheApplicantWaitsAndIsBookedWhenASessionOpens() throws Exception {
        String site = Clinic.site();
        UUID applicant = UUID.randomUUID();
        Clinic.ready(applicant, site, "pt", null);
        event(applicant, "clinic.scheduling.applicant-waitlisted.v1", Object.class);
        Clinic.session(site, 4, "10:00", 2, List.of("pt"));
        AppointmentBookedV1 booked = event(applicant, "clinic.scheduling.appointment-booked.v1", AppointmentBookedV1.class);
        assertEquals(LocalDate.now(Clinic.CHICAGO).plusDays(4), booked.slot().localDate());
    }

    @Test
    void aHouseholdSitsTogether() throws Exception {
        String site = Clinic.site();
        Clinic.session(site, 2, "12:00", 3, List.of("es"));
        UUID household = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        UUID mother = UUID.randomUUID();
        UUID daughter = UUID.randomUUID();
        Clinic.ready(mother, site, "es", household);
        Instant motherAt = event(mother, "clinic.scheduling.appointment-booked.v1", AppointmentBookedV1.class).slot().startsAt();
        Clinic.ready(stranger, site, "es", null);
        event(stranger, "clinic.scheduling.appointment-booked.v1", AppointmentBookedV1.class);
        Clinic.ready(daughter, site, "es", household);
        Instant daughterAt = event(daughter, "clinic.scheduling.appointment-booked.v1", AppointmentBookedV1.class).slot().startsAt();
        assertEquals(motherAt, daughterAt, "the daughter sits with her mother, not after the stranger's booking");
    }

    @Test
    void repliesConfirmAndRescheduleAndARejectionHoldsTheSeat() throws Exception {
        String site = Clinic.site();
        Clinic.session(site, 2, "11:00", 2, List.of("fr"));
        UUID applicant = UUID.randomUUID();
        Clinic.ready(applicant, site, "fr", null);
        Instant first = event(applicant, "clinic.scheduling.appointment-booked.v1", AppointmentBookedV1.class).slot().startsAt();

        Clinic.send(EventCatalog.MESSAGES, "clinic.notification.applicant-replied.v1", applicant, Map.of("intent", "confirm"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "confirmed".equals(appointment(applicant).extract().path("status")));

        Clinic.send(EventCatalog.MESSAGES, "clinic.notification.applicant-replied.v1", applicant, Map.of("intent", "reschedule"));
        AppointmentRescheduledV1 moved = event(applicant, "clinic.scheduling.appointment-rescheduled.v1", AppointmentRescheduledV1.class);
        assertEquals(first, moved.previousStartsAt());
        assertTrue(moved.slot().startsAt().isAfter(first));
        assertEquals("applicant-request", moved.reason());

        Clinic.send(EventCatalog.CHECKLISTS, "clinic.documents.document-rejected.v1", applicant, Map.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> "on_hold".equals(appointment(applicant).extract().path("status")));
        given().auth().oauth2(TestTokens.supervisor()).when().post("/api/applicants/" + applicant + "/appointment/check-in")
                .then().statusCode(409);
        Clinic.ready(applicant, site, "fr", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> "booked".equals(appointment(applicant).extract().path("status")));
        appointment(applicant).body("slotStart", equalTo(moved.slot().startsAt().toString()));
    }

    @Test
    void aClosureMovesEveryoneOnceToANewTime() throws Exception {
        String site = Clinic.site();
        Clinic.session(site, 2, "10:00", 2, List.of("es"));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Clinic.ready(first, site, "es", null);
        Clinic.ready(second, site, "es", null);
        event(first, "clinic.scheduling.appointment-booked.v1", AppointmentBookedV1.class);
        event(second, "clinic.scheduling.appointment-booked.v1", AppointmentBookedV1.class);
        Clinic.session(site, 5, "10:00", 2, List.of("es"));

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("date", LocalDate.now(Clinic.CHICAGO).plusDays(2).toString(), "reason", "heating failure"))
                .when().post("/api/sites/" + site + "/closures").then().statusCode(200).body("rebooked", equalTo(2));
        for (UUID applicant : List.of(first, second)) {
            AppointmentRescheduledV1 moved = event(applicant, "clinic.scheduling.appointment-rescheduled.v1", AppointmentRescheduledV1.class);
            assertEquals("site-closure", moved.reason());
            assertEquals(LocalDate.now(Clinic.CHICAGO).plusDays(5), moved.slot().localDate());
            assertEquals(1, count(applicant, "clinic.scheduling.appointment-rescheduled.v1"), "told once");
        }
    }

    @Test
    void theVisitRunsToCheckInAndCompletionAndTheDaysQueueShowsIt() throws Exception {
        String site = Clinic.site();
        Clinic.session(site, 2, "10:00", 2, List.of("en"));
        UUID applicant = UUID.randomUUID();
        Clinic.ready(applicant, site, "en", null);
        event(applicant, "clinic.scheduling.appointment-booked.v1", AppointmentBookedV1.class);
        String base = "/api/applicants/" + applicant + "/appointment";
        given().auth().oauth2(TestTokens.supervisor()).when().post(base + "/check-in").then().statusCode(200)
                .body("status", equalTo("checked_in")).body("checkedInAt", notNullValue());
        String day = LocalDate.now(Clinic.CHICAGO).plusDays(2).toString();
        given().auth().oauth2(TestTokens.supervisor()).queryParam("date", day).when().get("/api/sites/" + site + "/queue").then()
                .statusCode(200).body("counts.waiting", equalTo(1)).body("entries[0].waitingMinutes", equalTo(0));
        given().auth().oauth2(TestTokens.supervisor()).contentType(ContentType.JSON).body(Map.of("receiptNumber", "IOE12"))
                .when().post(base + "/complete").then().statusCode(400).body("errors[0].field", equalTo("receiptNumber"));
        given().auth().oauth2(TestTokens.supervisor()).contentType(ContentType.JSON).body(Map.of("receiptNumber", "IOE0912345678"))
                .when().post(base + "/complete").then().statusCode(200).body("status", equalTo("completed"));
        event(applicant, "clinic.scheduling.visit-completed.v1", Object.class);
        given().auth().oauth2(TestTokens.supervisor()).queryParam("date", day).when().get("/api/sites/" + site + "/queue").then()
                .body("counts.done", equalTo(1));
    }

    /** A filing recorded in intake ends the open visit: the day's queue shows the applicant done, not waiting. */
    @Test
    void aFilingRecordedInIntakeEndsTheOpenVisit() throws Exception {
        String site = Clinic.site();
        Clinic.session(site, 2, "10:00", 2, List.of("en"));
        UUID applicant = UUID.randomUUID();
        Clinic.ready(applicant, site, "en", null);
        event(applicant, "clinic.scheduling.appointment-booked.v1", AppointmentBookedV1.class);
        String base = "/api/applicants/" + applicant + "/appointment";
        given().auth().oauth2(TestTokens.supervisor()).when().post(base + "/check-in").then().statusCode(200);
        Clinic.send(EventCatalog.APPLICANTS, "clinic.intake.case-filed.v1", applicant, Map.of());
        await().atMost(java.time.Duration.ofSeconds(30)).until(() -> "completed".equals(
                given().auth().oauth2(TestTokens.supervisor()).when().get(base).then().extract().path("status")));
        String day = LocalDate.now(Clinic.CHICAGO).plusDays(2).toString();
        given().auth().oauth2(TestTokens.supervisor()).queryParam("date", day).when().get("/api/sites/" + site + "/queue").then()
                .body("counts.done", equalTo(1))
                .body("counts.waiting", org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.nullValue(), equalTo(0)));
    }

    @Test
    void aNoShowIsOfferedOneNewSlotAndNoSecond() throws Exception {
        String site = Clinic.site();
        Clinic.session(site, 2, "12:00", 2, List.of("es"));
        UUID applicant = UUID.randomUUID();
        Clinic.ready(applicant, site, "es", null);
        event(applicant, "clinic.scheduling.appointment-booked.v1", AppointmentBookedV1.class);
        String base = "/api/applicants/" + applicant + "/appointment";
        given().auth().oauth2(TestTokens.supervisor()).when().post(base + "/no-show").then().statusCode(200)
                .body("status", equalTo("booked"));
        given().auth().oauth2(TestTokens.supervisor()).when().post(base + "/no-show").then().statusCode(204);
        given().auth().oauth2(TestTokens.supervisor()).when().post(base + "/no-show").then().statusCode(404);
        assertEquals(2, count(applicant, "clinic.scheduling.no-show-recorded.v1"));
        assertEquals(2, count(applicant, "clinic.scheduling.appointment-booked.v1"), "first booking and the one new slot");
    }

    @Test
    void caseworkersBookAtTheirOwnSiteOnly() throws Exception {
        given().when().get("/api/applicants/" + UUID.randomUUID() + "/appointment").then().statusCode(401);
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON)
                .body(Map.of("siteId", "denver-central", "slotStart", "2030-01-01T15:00:00Z"))
                .when().post("/api/applicants/" + UUID.randomUUID() + "/appointment").then().statusCode(400)
                .body("errors[0].field", equalTo("siteId"));
        given().auth().oauth2(TestTokens.caseworker()).when().get("/api/applicants/" + UUID.randomUUID() + "/appointment")
                .then().statusCode(404).contentType("application/problem+json");
    }

    static io.restassured.response.ValidatableResponse appointment(UUID applicant) {
        return given().auth().oauth2(TestTokens.supervisor()).when().get("/api/applicants/" + applicant + "/appointment").then()
                .statusCode(200);
    }

    static <T> T event(UUID applicant, String type, Class<T> as) {
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.readUntil(EventCatalog.APPOINTMENTS.name(),
                r -> applicant.toString().equals(r.key()) && type.equals(KafkaTestClient.header(r, CloudEventHeaders.TYPE)),
                Duration.ofSeconds(30));
        byte[] value = records.get(records.size() - 1).value();
        return as == Object.class ? null : EventJson.read(value, as);
    }

    static long count(UUID applicant, String type) {
        return KafkaTestClient.readAllSent(EventCatalog.APPOINTMENTS.name(), Duration.ofSeconds(30)).stream()
                .filter(r -> applicant.toString().equals(r.key()) && type.equals(KafkaTestClient.header(r, CloudEventHeaders.TYPE)))
                .count();
    }
}
