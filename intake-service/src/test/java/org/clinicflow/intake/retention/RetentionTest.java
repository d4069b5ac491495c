package org.clinicflow.intake.retention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.clinicflow.intake.applicant.RegistrationsAccess;
import org.clinicflow.testing.RealInfrastructure;
import org.clinicflow.testing.TestTokens;
import org.clinicflow.web.time.ClinicClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, retention: three years on (the clinic clock moved), a dry run counts what each data
 * class would purge; the purge then forgets a withdrawn case's names, phone, A-number and I-765
 * answers while an open case keeps everything, and deletes an abandoned roster file; each run is
 * recorded with who ran it, and the record cannot be edited. Only a clinic admin may run it.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(OidcWiremockTestResource.class)
class RetentionTest {

    @Inject
    ClinicClock clock;

    @Inject
    AgroalDataSource db;

    @AfterEach
    void realTime() {
        clock.setOffset(Duration.ZERO);
    }

    @Test
    void threeYearsOnAClosedCaseIsForgottenAndAnOpenOneIsNot() throws Exception {
        String closed = register();
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(Map.of("i94Number", "11122233344"))
                .when().put("/api/applicants/" + closed + "/form").then().statusCode(200);
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(Map.of("reason", "moved"))
                .when().post("/api/applicants/" + closed + "/withdrawal").then().statusCode(200);
        String open = register();
        String importId = abandonedRosterFile();

        given().auth().oauth2(TestTokens.supervisor()).when().post("/api/admin/retention/purge").then().statusCode(403);
        clock.setOffset(Duration.ofDays(3 * 365));
        List<Map<String, Object>> dry = given().auth().oauth2(TestTokens.admin()).when().get("/api/admin/retention").then()
                .statusCode(200).extract().path("");
        Map<String, Object> closedCases = dry.stream().filter(r -> "closed-cases".equals(r.get("dataClass"))).findFirst().orElseThrow();
        assertTrue(((Number) closedCases.get("records")).longValue() >= 1, "the dry run counts the withdrawn case: " + closedCases);
        assertEquals(Duration.ofDays(730), Duration.parse((String) closedCases.get("period")), "two years by default");
        given().auth().oauth2(TestTokens.caseworker()).when().get("/api/applicants/" + closed).then().body("familyName", equalTo("González"));

        given().auth().oauth2(TestTokens.admin()).when().post("/api/admin/retention/purge").then().statusCode(200);
        given().auth().oauth2(TestTokens.supervisor()).when().get("/api/applicants/" + closed).then().statusCode(200)
                .body("givenName", equalTo("")).body("familyName", equalTo("")).body("phone", nullValue())
                .body("aNumber", nullValue()).body("dateOfBirth", equalTo("1990-01-01")).body("stage", equalTo("withdrawn"))
                .body("category", equalTo("c11"));
        given().auth().oauth2(TestTokens.supervisor()).when().get("/api/applicants/" + closed + "/form").then()
                .body("numbersOnFile.size()", equalTo(0)).body("answers.mailingAddress", nullValue());
        given().auth().oauth2(TestTokens.supervisor()).when().get("/api/applicants/" + open).then()
                .body("familyName", equalTo("González")).body("dateOfBirth", equalTo("1990-04-12"));
        assertEquals(0, count("SELECT count(*) FROM roster_import WHERE content IS NOT NULL AND id = ?::uuid", importId));

        List<Map<String, Object>> runs = given().auth().oauth2(TestTokens.admin()).when().get("/api/admin/retention/runs").then()
                .statusCode(200).extract().path("");
        assertTrue(runs.stream().anyMatch(r -> "closed-cases".equals(r.get("dataClass")) && Boolean.FALSE.equals(r.get("dryRun"))
                && "admin".equals(r.get("actor"))), runs.toString());
        assertTrue(runs.stream().anyMatch(r -> Boolean.TRUE.equals(r.get("dryRun"))), "the dry run is recorded too");
        assertThrows(SQLException.class, () -> count("DELETE FROM retention_run WHERE id > ?::bigint RETURNING 1", "0"));
    }

    private static String register() {
        Map<String, Object> body = new HashMap<>(RegistrationsAccess.valid());
        body.put("aNumber", "A" + (100_000_000 + ThreadLocalRandom.current().nextInt(800_000_000)));
        return given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(body)
                .when().post("/api/applicants").then().statusCode(201).extract().path("id");
    }

    /** A roster import whose file stayed behind (as after a crash): finished here, then given its file back. */
    private String abandonedRosterFile() throws SQLException {
        String csv = "givenName,familyName,dateOfBirth,countryOfCitizenship,preferredLanguage,smsConsent,siteId,category\n"
                + "Retained" + ThreadLocalRandom.current().nextInt(1_000_000) + ",Roster,1991-02-03,VE,es,no,chicago-south,c11\n";
        String location = given().auth().oauth2(TestTokens.caseworker()).contentType("text/csv").body(csv).when()
                .post("/api/applicants/import").then().statusCode(202).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "done".equals(given().auth()
                .oauth2(TestTokens.caseworker()).get("/api/applicants/import/" + id).then().extract().path("status")));
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE roster_import SET content = 'a,b'::bytea WHERE id = ?::uuid")) {
            s.setString(1, id);
            assertEquals(1, s.executeUpdate());
        }
        return id;
    }

    private long count(String sql, String parameter) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
