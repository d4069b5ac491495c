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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinicflow.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Today's handler with a full day (50 appointments) from the stubbed services, each answering in
 * {@value StubServices#DELAY_MS} ms: every row by name, its time in Chicago ("9:00 AM", "5:10 PM")
 * and its language by name; every expected row has its check-in and no-show buttons (plain
 * form buttons, so Tab and Enter work them) named for the person; the row is a fragment target
 * for returning focus. The printable day sheet lists the same 50 without phone numbers. The
 * page's server time over 30 renders is printed (the 150 ms figure; a figure, not an
 * assertion).
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(StubServices.class)
class TodayPageTest {

    private static final String PAGE = "/today?date=" + StubServices.DAY;

    @Test
    void aFullDayByNameInTheSitesTimeWithKeyboardActions() {
        String html = given().auth().oauth2(TestTokens.caseworker()).header("Accept-Language", "en").when().get(PAGE).then()
                .statusCode(200).body(allOf(containsString("South Loop Clinic"), containsString("Tue, Dec 1"),
                        containsString("9:00 AM"), containsString("5:10 PM"), containsString("Person 49"), containsString("Español"),
                        containsString("Kreyòl ayisyen"), containsString("20 min")))
                .extract().asString();
        assertEquals(StubServices.DAY_ROWS, count(html, "data-testid=\"queue-row\""), "every appointment is a row");
        assertEquals(40, count(html, "data-testid=\"check-in\""), "the 40 still expected can be checked in");
        assertEquals(40, count(html, "data-testid=\"no-show\""));
        assertTrue(html.contains("id=\"row-" + StubServices.dayId(12) + "\""), "a row to come back to after acting on it");
        assertTrue(html.contains("Check in<span class=\"visually-hidden\">: Person 12</span>"), "a button names whom it checks in");
    }

    @Test
    void theDaySheetPrintsTheSameDayWithoutPhones() {
        String html = given().auth().oauth2(TestTokens.caseworker()).header("Accept-Language", "es").when()
                .get("/today/sheet?date=" + StubServices.DAY).then().statusCode(200)
                .body(allOf(containsString("mar 1 dic"), containsString("09:00"), containsString("17:10")), not(containsString("+1312")))
                .extract().asString();
        assertEquals(StubServices.DAY_ROWS, count(html, "data-testid=\"sheet-row\""));
    }

    @Test
    void serverTimeOfAFiftyRowPage() {
        for (int i = 0; i < 5; i++) { // warm-up: class loading and the first connections
            given().auth().oauth2(TestTokens.caseworker()).when().get(PAGE).then().statusCode(200);
        }
        String token = TestTokens.caseworker();
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long start = System.nanoTime();
            given().auth().oauth2(token).when().get(PAGE).then().statusCode(200);
            micros.add((System.nanoTime() - start) / 1000);
        }
        Collections.sort(micros);
        System.out.printf("Today, 50 rows, services answering in %d ms each: p50 %.1f ms, p95 %.1f ms, max %.1f ms (30 renders)%n",
                StubServices.DELAY_MS, micros.get(14) / 1000.0, micros.get(28) / 1000.0, micros.get(29) / 1000.0);
        assertEquals(30, micros.size());
    }

    private static int count(String html, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
