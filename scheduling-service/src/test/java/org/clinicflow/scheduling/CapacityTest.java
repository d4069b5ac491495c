package org.clinicflow.scheduling;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.clinicflow.testing.RealInfrastructure;
import org.clinicflow.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Clinic admins set up sites and sessions; availability answers free slots in the site's local time. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "scheduling"))
@WithTestResource(OidcWiremockTestResource.class)
class CapacityTest {

    @Test
    void adminsOpenSitesAndSessionsOthersCannot() {
        Map<String, Object> site = Map.of("name", "Denver Welcome Center", "address", "1 Main St, Denver, CO", "timeZone", "America/Denver");
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(site).when().post("/api/sites").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(site).when().post("/api/sites").then()
                .statusCode(201).body("id", equalTo("denver-welcome-center")).body("timeZone", equalTo("America/Denver"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(site).when().post("/api/sites").then()
                .statusCode(409);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "X", "address", "", "timeZone", "Mars/Olympus")).when().post("/api/sites").then()
                .statusCode(400).body("errors.field", hasItem("timeZone")).body("errors.field", hasItem("address"));
    }

    @Test
    void aSessionOpensSlotsAndAvailabilityShowsThemInLocalTime() {
        String site = Clinic.site();
        LocalDate day = LocalDate.now(Clinic.CHICAGO).plusDays(3);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("date", day.toString(), "start", "09:00", "end", "12:00", "slotMinutes", 30, "stations", 4,
                        "languages", List.of("es", "ht")))
                .when().post("/api/sites/" + site + "/sessions").then().statusCode(201).body("slots", equalTo(6));
        given().auth().oauth2(TestTokens.caseworker()).queryParam("from", day.toString()).queryParam("to", day.toString())
                .queryParam("language", "ht").when().get("/api/sites/" + site + "/availability").then().statusCode(200)
                .body("$", hasSize(6)).body("[0].localTime", equalTo("09:00:00")).body("free", everyItem(equalTo(4)));
        given().auth().oauth2(TestTokens.caseworker()).queryParam("from", day.toString()).queryParam("language", "fr")
                .when().get("/api/sites/" + site + "/availability").then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("date", day.toString(), "start", "12:00", "end", "09:00", "slotMinutes", 1, "stations", 0,
                        "languages", List.of("de")))
                .when().post("/api/sites/" + site + "/sessions").then().statusCode(400)
                .body("errors.field", hasItem("slotMinutes")).body("errors.field", hasItem("stations"))
                .body("errors.field", hasItem("languages"));
    }
}
