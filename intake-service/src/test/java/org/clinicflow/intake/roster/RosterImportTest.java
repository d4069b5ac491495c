package org.clinicflow.intake.roster;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import org.clinicflow.testing.RealInfrastructure;
import org.clinicflow.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A shelter roster as a caseworker uploads it: good rows registered, bad rows reported with
 * their line and field, the same file twice creating nothing twice, a bad header refused
 * before anything is imported.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(OidcWiremockTestResource.class)
class RosterImportTest {

    private static final String HEADER = "givenName,familyName,dateOfBirth,countryOfCitizenship,preferredLanguage,phone,"
            + "smsConsent,siteId,category,paroleEndDate,tpsCountry,asylumFiledOn\n";

    @Test
    void goodRowsAreRegisteredBadRowsReportedAndReuploadCreatesNothing() {
        String parole = LocalDate.now().plusMonths(6).toString();
        String tag = Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
        String csv = "\uFEFF" + HEADER
                + "Ana" + tag + ",Pérez,1988-02-01,VE,es,(312) 555-0101,yes,chicago-south,c11," + parole + ",,\n"
                + "Jean" + tag + ",Baptiste,1979-11-30,HT,ht,(312) 555-0102,no,chicago-south,c8,,,2026-01-05\n"
                + "Bad" + tag + ",Date,30/01/1990,VE,es,,no,chicago-south,c11," + parole + ",,\n"
                + "\"Lucía, " + tag + "\",Díaz,1995-07-07,XX,es,,no,chicago-south,c11," + parole + ",,\n"
                + "Other" + tag + ",Site,1990-01-01,VE,es,,no,denver-central,c11," + parole + ",,\n";

        String location = given().auth().oauth2(TestTokens.caseworker()).contentType("text/csv; charset=UTF-8").body(csv)
                .when().post("/api/applicants/import").then().statusCode(202)
                .body("totalRows", equalTo(5)).extract().header("Location");
        JsonPath done = awaitDone(location);
        org.junit.jupiter.api.Assertions.assertEquals(2, done.getInt("registered"));
        org.junit.jupiter.api.Assertions.assertEquals(5, done.getInt("processed"));
        given().auth().oauth2(TestTokens.caseworker()).when().get(location).then()
                .body("errors.line", hasItems(4, 5, 6))
                .body("errors.find { it.line == 4 }.field", equalTo("dateOfBirth"))
                .body("errors.find { it.line == 5 }.field", equalTo("countryOfCitizenship"))
                .body("errors.find { it.line == 6 }.field", equalTo("siteId"));
        given().auth().oauth2(TestTokens.caseworker()).queryParam("q", "ana" + tag).when().get("/api/applicants").then()
                .body("items.familyName", hasItem("Pérez"));

        // The same file again is the same import; an edited copy registers no one twice.
        given().auth().oauth2(TestTokens.caseworker()).contentType("text/csv; charset=UTF-8").body(csv).when()
                .post("/api/applicants/import").then().statusCode(200).header("Location", equalTo(location));
        String edited = location(csv + "\n");
        JsonPath second = awaitDone(edited);
        org.junit.jupiter.api.Assertions.assertEquals(0, second.getInt("registered"));
        org.junit.jupiter.api.Assertions.assertEquals(2, second.getInt("duplicates"));
    }

    @Test
    void aFileWithAnUnknownOrMissingColumnIsRefusedWhole() {
        given().auth().oauth2(TestTokens.caseworker()).contentType("text/csv; charset=UTF-8")
                .body("givenName,familyName,birthday\nAna,Pérez,1988-02-01\n").when().post("/api/applicants/import").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.message", hasItem(containsString("unknown columns: birthday")))
                .body("errors.message", hasItem(containsString("missing columns: dateOfBirth")));
        given().contentType("text/csv; charset=UTF-8").body(HEADER).when().post("/api/applicants/import").then().statusCode(401);
    }

    private static String location(String csv) {
        return given().auth().oauth2(TestTokens.caseworker()).contentType("text/csv; charset=UTF-8").body(csv).when()
                .post("/api/applicants/import").then().statusCode(202).extract().header("Location");
    }

    private static JsonPath awaitDone(String location) {
        await().atMost(Duration.ofSeconds(60)).until(() -> "done".equals(
                given().auth().oauth2(TestTokens.caseworker()).get(location).then().extract().path("status")));
        return given().auth().oauth2(TestTokens.caseworker()).get(location).then().extract().jsonPath();
    }
}
