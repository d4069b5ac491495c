package org.clinicflow.portal.page;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.clinicflow.testing.TestTokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The case page's handler against the four services stubbed over HTTP ({@link StubServices}):
 * the services' JSON maps onto the portal's records (an extra field intake added is ignored),
 * and the page reads as a person would: category and language by name, the country by name in
 * the viewer's language, SMS opt-out beside the phone with its local time, the household as the
 * sister's name, the appointment in Chicago time and the slots it may move to (not its own), a scan to open, the fees; the timeline on the
 * day clocks sprang forward in Chicago shows 1:30 AM then 3:30 AM (07:30Z and 08:30Z). The page
 * asks its services in parallel (more than one call in flight at the stub), each with the
 * user's token.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(StubServices.class)
class CasePageTest {

    private static final String PAGE = "/applicants/" + StubServices.CASE;

    @Test
    void theCaseInEnglishReadsAsAPersonWouldSayIt() {
        reset();
        given().auth().oauth2(TestTokens.caseworker()).header("Accept-Language", "en").when().get(PAGE).then().statusCode(200)
                .body(allOf(containsString("Wilner Étienne"), containsString("Parolee (c)(11)"), containsString("Kreyòl ayisyen"),
                        containsString("Haiti"), containsString("Opted out of SMS (STOP)"), containsString("Sun, Nov 29, 9:00 AM"),
                        containsString("Nadège Étienne"), containsString("/applicants/" + StubServices.SISTER),
                        containsString("Tue, Dec 1, 9:00 AM"), containsString("Wed, Dec 2, 10:30 AM (3)"),
                        containsString("/applicants/" + StubServices.CASE + "/scans/" + StubServices.SCAN),
                        containsString("capture=\"environment\""), containsString("$470"),
                        containsString("Sun, Nov 29, 8:30 AM</time> · <strong>confirm</strong>"), containsString(">Delivered<"),
                        // the spring-forward night in Chicago: 07:30Z is 1:30 CST, 08:30Z is 3:30 CDT
                        containsString("Sun, Mar 8, 1:30 AM"), containsString("Sun, Mar 8, 3:30 AM")))
                .body(not(containsString(">2026-03-08T")), not(containsString(">c11<")), not(containsString(StubServices.HOUSEHOLD)))
                // her own slot still has a seat free, but moving to it is no move: not offered
                .body(not(containsString("value=\"2026-12-01T15:00:00Z\"")), not(containsString("Tue, Dec 1, 9:00 AM (1)")));
        JsonPath stats = stats();
        assertTrue(stats.getInt("mostInFlight") > 1, "the page's calls overlapped: " + stats.getInt("mostInFlight") + " at once");
        assertEquals(List.of(), stats.getList("unauthenticated"), "every call carried the user's token");
    }

    @Test
    void theCaseInSpanish() {
        given().auth().oauth2(TestTokens.caseworker()).header("Accept-Language", "es").when().get(PAGE).then().statusCode(200)
                .body(allOf(containsString("Persona con parole (c)(11)"), containsString("Kreyòl ayisyen"), containsString("Haití"),
                        containsString("Dio de baja los SMS (STOP)"), containsString("dom 29 nov, 09:00"),
                        containsString("mar 1 dic, 09:00"), containsString("12 abr 1990")));
    }

    @Test
    void anUnknownCaseIsAPageNotAStackTrace() {
        given().auth().oauth2(TestTokens.caseworker()).header("Accept-Language", "en").when()
                .get("/applicants/00000000-0000-4000-8000-00000000dead").then().statusCode(200)
                .body(containsString("role=\"alert\""), not(containsString("Exception")));
    }

    static void reset() {
        given().when().post(stub() + "/stub/reset").then().statusCode(200);
    }

    static JsonPath stats() {
        return given().when().get(stub() + "/stub/stats").then().statusCode(200).extract().jsonPath();
    }

    private static String stub() {
        return ConfigProvider.getConfig().getValue("quarkus.rest-client.intake.url", String.class);
    }
}
