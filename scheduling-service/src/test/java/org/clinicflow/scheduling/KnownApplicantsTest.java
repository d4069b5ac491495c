package org.clinicflow.scheduling;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import java.util.Map;
import java.util.UUID;
import org.clinicflow.scheduling.booking.Appointment;
import org.clinicflow.scheduling.site.Slot;
import org.clinicflow.testing.RealInfrastructure;
import org.clinicflow.testing.Rows;
import org.clinicflow.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Scheduling books only applicants intake registered: over REST an unknown id is a 404, a
 * withdrawn applicant a 409, another site's applicant a 403 for a caseworker, none taking a
 * seat; on the real broker a documents event for an applicant not known yet waits for that
 * applicant alone while 50 others are booked, and is applied once when the registration comes.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "scheduling"))
@WithTestResource(OidcWiremockTestResource.class)
class KnownApplicantsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aWriteForAnUnknownWithdrawnOrOtherSitesApplicantIsRefusedAndTakesNoSeat() throws Exception {
        String site = Clinic.site();
        Clinic.session(site, 2, "10:00", 2, List.of("es"));
        String start = QuarkusTransaction.requiringNew().call(() -> Slot.<Slot>list("siteId", site).get(0).startsAt.toString());

        UUID mistyped = UUID.randomUUID();
        book(TestTokens.supervisor(), mistyped, site, start).statusCode(404).contentType("application/problem+json")
                .body("errors[0].field", equalTo("applicantId"));
        given().auth().oauth2(TestTokens.supervisor()).when().post("/api/applicants/" + mistyped + "/appointment/check-in")
                .then().statusCode(404).body("errors[0].field", equalTo("applicantId"));

        UUID withdrawn = UUID.randomUUID();
        Clinic.registered(withdrawn, site, "es", null);
        Clinic.withdrawn(withdrawn);
        book(TestTokens.supervisor(), withdrawn, site, start).statusCode(409).body("errors[0].field", equalTo("applicantId"));

        // A caseworker of this site books; one of another site may not touch the applicant, even naming their own site.
        UUID applicant = UUID.randomUUID();
        Clinic.registered(applicant, site, "es", null);
        String elsewhere = Clinic.site();
        given().auth().oauth2(TestTokens.caseworkerAt(elsewhere)).contentType(ContentType.JSON)
                .body(Map.of("siteId", elsewhere, "slotStart", start))
                .when().post("/api/applicants/" + applicant + "/appointment").then().statusCode(403)
                .body("errors[0].field", equalTo("applicantId"));

        assertEquals(0, seatsTaken(site), "no refused request took a seat");
        book(TestTokens.caseworkerAt(site), applicant, site, start).statusCode(201);
        assertEquals(1, seatsTaken(site));
    }

    @Test
    void aDocumentsEventForAnApplicantNotKnownYetWaitsForThemAloneAndIsBookedOnceWhenTheyRegister() throws Exception {
        String site = Clinic.site();
        Clinic.session(site, 2, "14:00", 6, List.of("es"));
        UUID orphan = UUID.randomUUID();
        Clinic.documentsReady(orphan, site, "es", null);
        List<UUID> others = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            UUID other = UUID.randomUUID();
            Clinic.announce(other, site, "es");
            others.add(other);
        }
        for (UUID other : others) {
            Clinic.documentsReady(other, site, "es", null);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> booked(others) == 50);
        await().atMost(Duration.ofSeconds(10)).until(() -> count("SELECT count(*) FROM parked_event WHERE parking_key = ?",
                orphan.toString()) == 1);
        assertEquals(0, booked(List.of(orphan)), "the orphan waits");

        Instant registeredAt = Instant.now();
        Clinic.registered(orphan, site, "es", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> booked(List.of(orphan)) == 1);
        System.out.printf("parked booking applied %d ms after the registration was sent%n",
                Duration.between(registeredAt, Instant.now()).toMillis());
        assertEquals(0, count("SELECT count(*) FROM parked_event WHERE parking_key = ?", orphan.toString()));
        assertEquals(1, BookingTest.count(orphan, "clinic.scheduling.appointment-booked.v1"), "booked once");
    }

    private static io.restassured.response.ValidatableResponse book(String token, UUID applicant, String site, String start) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("siteId", site, "slotStart", start))
                .when().post("/api/applicants/" + applicant + "/appointment").then();
    }

    private static long seatsTaken(String site) {
        return QuarkusTransaction.requiringNew().call(() -> Slot.<Slot>list("siteId", site).stream().mapToLong(s -> s.booked).sum());
    }

    private static long booked(List<UUID> applicants) {
        return QuarkusTransaction.requiringNew().call(() -> Appointment.count("applicantId in ?1", applicants));
    }

    private long count(String sql, Object arg) {
        return Rows.count(dataSource, sql, arg);
    }
}
