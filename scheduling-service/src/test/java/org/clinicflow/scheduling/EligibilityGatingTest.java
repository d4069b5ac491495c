package org.clinicflow.scheduling;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicflow.events.scheduling.AppointmentBookedV1;
import org.clinicflow.events.scheduling.AppointmentCancelledV1;
import org.clinicflow.events.scheduling.ApplicantWaitlistedV1;
import org.clinicflow.scheduling.booking.WaitlistSweep;
import org.clinicflow.testing.RealInfrastructure;
import org.clinicflow.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Eligibility gates booking, on the real broker and database, from intake's eligibility events:
 * a (c)(8) applicant on day 100 with documents ready is waitlisted with the reason and date
 * while a parolee beside them is booked, and moving the clinic clock 50 days (the admin clock
 * API) books them on or after day 150; a policy hold releases the appointment and its lift
 * books again; not eligible is never booked (a caseworker's booking is refused) until a
 * supervisor's approval; a household member joins the family's slot only when its session has
 * their interpreter.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "scheduling"))
@WithTestResource(OidcWiremockTestResource.class)
class EligibilityGatingTest {

    @Inject
    WaitlistSweep sweep;

    @AfterEach
    void realTime() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("offset", "PT0S"))
                .when().put("/api/admin/clock").then().statusCode(200);
    }

    @Test
    void anApplicantNotYetEligibleWaitsAndIsBookedWhenTheClockReachesTheirDate() throws Exception {
        LocalDate today = LocalDate.now(Clinic.CHICAGO);
        String site = Clinic.site();
        Clinic.session(site, 1, "12:00", 4, List.of("es"));
        Clinic.session(site, 51, "12:00", 4, List.of("es"));
        UUID day100 = UUID.randomUUID();
        UUID parolee = UUID.randomUUID();
        Clinic.registered(day100, site, "es", null);
        Clinic.eligibility(day100, "not_yet", today.plusDays(50), null, false);
        Clinic.documentsReady(day100, site, "es", null);
        Clinic.ready(parolee, site, "es", null);

        assertEquals(today.plusDays(1), BookingTest.event(parolee, "clinic.scheduling.appointment-booked.v1",
                AppointmentBookedV1.class).slot().localDate(), "the parolee beside them is booked tomorrow");
        ApplicantWaitlistedV1 waiting = BookingTest.event(day100, "clinic.scheduling.applicant-waitlisted.v1", ApplicantWaitlistedV1.class);
        assertEquals("not-yet-eligible", waiting.reason());
        assertEquals(today.plusDays(50), waiting.eligibleFrom());
        JsonPath waitlist = given().auth().oauth2(TestTokens.supervisor()).get("/api/sites/" + site + "/waitlist")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(day100.toString()), waitlist.getList("entries.applicantId"));
        assertEquals("not-yet-eligible", waitlist.getString("entries[0].reason"));
        assertEquals(today.plusDays(50).toString(), waitlist.getString("entries[0].eligibleFrom"));
        assertEquals(0, BookingTest.count(day100, "clinic.scheduling.appointment-booked.v1"));

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("offset", "P50D"))
                .when().put("/api/admin/clock").then().statusCode(200).body("offset", equalTo("PT1200H"));
        sweep.sweep(); // what the hourly sweep does (if it ran just now itself, this one finds the applicant booked)
        AppointmentBookedV1 booked = BookingTest.event(day100, "clinic.scheduling.appointment-booked.v1", AppointmentBookedV1.class);
        assertFalse(booked.slot().localDate().isBefore(today.plusDays(50)), "booked on or after day 150: " + booked.slot().localDate());
        given().auth().oauth2(TestTokens.supervisor()).get("/api/sites/" + site + "/waitlist").then().statusCode(200)
                .body("entries.size()", equalTo(0));
    }

    @Test
    void aPolicyHoldReleasesTheAppointmentAndItsLiftBooksAgain() throws Exception {
        String site = Clinic.site();
        Clinic.session(site, 2, "12:00", 1, List.of("fr"));
        UUID applicant = UUID.randomUUID();
        Clinic.ready(applicant, site, "fr", null);
        BookingTest.event(applicant, "clinic.scheduling.appointment-booked.v1", AppointmentBookedV1.class);

        Clinic.eligibility(applicant, "on_hold", null, "policy-action-1", false);
        AppointmentCancelledV1 cancelled = BookingTest.event(applicant, "clinic.scheduling.appointment-cancelled.v1",
                AppointmentCancelledV1.class);
        assertEquals("on-hold", cancelled.reason());
        given().auth().oauth2(TestTokens.supervisor()).get("/api/sites/" + site + "/waitlist").then().statusCode(200)
                .body("entries[0].reason", equalTo("on-hold"));

        Clinic.eligibility(applicant, "eligible", null, null, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> BookingTest.count(applicant, "clinic.scheduling.appointment-booked.v1") == 2);
        BookingTest.appointment(applicant).body("status", equalTo("booked"));
    }

    @Test
    void notEligibleIsNeverBookedUntilASupervisorApproves() throws Exception {
        String site = Clinic.site();
        Clinic.session(site, 2, "12:00", 2, List.of("en"));
        UUID applicant = UUID.randomUUID();
        Clinic.registered(applicant, site, "en", null);
        Clinic.eligibility(applicant, "ineligible", null, null, false);
        Clinic.documentsReady(applicant, site, "en", null);
        assertEquals("not-eligible", BookingTest.event(applicant, "clinic.scheduling.applicant-waitlisted.v1",
                ApplicantWaitlistedV1.class).reason());

        String slot = given().auth().oauth2(TestTokens.supervisor()).get("/api/sites/" + site + "/availability")
                .then().statusCode(200).extract().path("slotStart[0]");
        given().auth().oauth2(TestTokens.supervisor()).contentType(ContentType.JSON).body(Map.of("siteId", site, "slotStart", slot))
                .when().post("/api/applicants/" + applicant + "/appointment").then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("applicantId"));

        Clinic.eligibility(applicant, "ineligible", null, null, true);
        BookingTest.event(applicant, "clinic.scheduling.appointment-booked.v1", AppointmentBookedV1.class);
    }

    @Test
    void aHouseholdMemberJoinsTheFamilysSlotOnlyWhereTheirInterpreterIs() throws Exception {
        String site = Clinic.site();
        Clinic.session(site, 2, "12:00", 3, List.of("es"));
        Clinic.session(site, 3, "12:00", 3, List.of("es", "ht"));
        UUID household = UUID.randomUUID();
        UUID mother = UUID.randomUUID();
        UUID son = UUID.randomUUID();
        Clinic.ready(mother, site, "es", household);
        AppointmentBookedV1 hers = BookingTest.event(mother, "clinic.scheduling.appointment-booked.v1", AppointmentBookedV1.class);
        Clinic.ready(son, site, "ht", household);
        AppointmentBookedV1 his = BookingTest.event(son, "clinic.scheduling.appointment-booked.v1", AppointmentBookedV1.class);
        assertNotEquals(hers.slot().localDate(), his.slot().localDate(), "no Haitian Creole interpreter in the family's session");
        assertEquals(LocalDate.now(Clinic.CHICAGO).plusDays(3), his.slot().localDate(), "the nearest session that has one");
    }
}
