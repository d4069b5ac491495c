package org.clinicflow.scheduling;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.clinicflow.events.scheduling.AppointmentBookedV1;
import org.clinicflow.testing.RealInfrastructure;
import org.clinicflow.testing.Rows;
import org.clinicflow.testing.TestTokens;
import org.clinicflow.web.security.ClinicRoles;
import org.junit.jupiter.api.Test;

/**
 * Reads are audited: a caseworker who opens an applicant's appointment, the day's queue or the
 * waitlist is recorded once per applicant shown, with their user name; a supervisor reads the
 * record ({@code GET /api/audit/reads}), a caseworker may not, and the table refuses edits.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "scheduling"))
@WithTestResource(OidcWiremockTestResource.class)
class ReadAuditTest {

    @Inject
    AgroalDataSource db;

    @Test
    void everyReadOfAnAppointmentTheQueueOrTheWaitlistIsRecordedWithWhoReadIt() throws Exception {
        String site = Clinic.site();
        Clinic.session(site, 2, "09:30", 1, List.of("es"));
        UUID booked = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        Clinic.ready(booked, site, "es", null);
        LocalDate day = BookingTest.event(booked, "clinic.scheduling.appointment-booked.v1", AppointmentBookedV1.class).slot().localDate();
        Clinic.ready(waiting, site, "es", null);
        BookingTest.event(waiting, "clinic.scheduling.applicant-waitlisted.v1", Object.class);

        String reader = "reader-" + Long.toString(System.nanoTime(), 36);
        String token = TestTokens.forUser(reader, site, ClinicRoles.CASEWORKER);
        given().auth().oauth2(token).get("/api/applicants/" + booked + "/appointment").then().statusCode(200);
        given().auth().oauth2(token).queryParam("date", day.toString()).get("/api/sites/" + site + "/queue").then().statusCode(200);
        given().auth().oauth2(token).get("/api/sites/" + site + "/waitlist").then().statusCode(200);

        List<String> bookedReads = given().auth().oauth2(TestTokens.supervisor()).queryParam("applicant", booked.toString())
                .get("/api/audit/reads").then().statusCode(200).extract().jsonPath().getList("findAll { it.actor == '" + reader + "' }.action");
        assertEquals(List.of("read-appointment", "read-day-queue"), bookedReads);
        List<String> waitingReads = given().auth().oauth2(TestTokens.supervisor()).queryParam("applicant", waiting.toString())
                .get("/api/audit/reads").then().statusCode(200).extract().jsonPath().getList("findAll { it.actor == '" + reader + "' }.action");
        assertEquals(List.of("read-waitlist"), waitingReads);

        given().auth().oauth2(token).queryParam("applicant", booked.toString()).get("/api/audit/reads").then().statusCode(403);
        assertTrue(Rows.count(db, "SELECT count(*) FROM read_audit WHERE actor = ?", reader) == 3);
        assertThrows(Exception.class, () -> Rows.execute(db, "DELETE FROM read_audit WHERE actor = ?", reader), "append-only");
    }
}
