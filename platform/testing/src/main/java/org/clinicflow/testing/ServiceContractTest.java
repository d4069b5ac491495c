package org.clinicflow.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What every clinic service promises an operator, checked against the running service on the
 * real database and broker: live and ready health checks (the database's included),
 * messaging metrics, an OpenAPI document, and no API answer without a token. Each service's
 * test extends this with {@code @QuarkusTest} and its test resources.
 */
public abstract class ServiceContractTest {

    /** An API path of the service that needs a token; {@code /api/me} unless a service says otherwise. */
    protected String protectedPath() {
        return "/api/me";
    }

    @Test
    void isLiveAndReadyWithItsDatabase() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database connections health check"));
    }

    @Test
    void exposesMessagingMetrics() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("clinic_outbox_lag_seconds"));
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body(containsString("\"openapi\""));
    }

    @Test
    void refusesAnonymousCalls() {
        given().when().get(protectedPath()).then().statusCode(401);
        given().when().get("/api/no-such-resource").then().statusCode(401);
    }

    @Test
    void refusesAForgedToken() {
        String token = TestTokens.caseworker();
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        given().auth().oauth2(forged).when().get(protectedPath()).then().statusCode(401);
    }

    @Test
    void checksATokensSignatureOnceAndRemembersItForItsNextUse() {
        String token = TestTokens.forUser("once-" + System.nanoTime(), TestTokens.SITE, TestTokens.CASEWORKER);
        double checked = bearerTokens("checked");
        double remembered = bearerTokens("remembered");

        given().auth().oauth2(token).when().get("/api/me").then().statusCode(200);
        assertEquals(checked + 1, bearerTokens("checked"), "the first use is checked by OIDC");
        given().auth().oauth2(token).when().get("/api/me").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/me").then().statusCode(200);
        assertEquals(checked + 1, bearerTokens("checked"), "later uses are not checked again");
        assertEquals(remembered + 2, bearerTokens("remembered"));
    }

    /** {@code clinic_bearer_tokens_total{outcome=...}} as the service's metrics show it (an exemplar may follow the value). */
    private static double bearerTokens(String outcome) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher value = Pattern.compile("^clinic_bearer_tokens_total\\{[^}]*outcome=\"" + outcome + "\"[^}]*} (\\S+)",
                Pattern.MULTILINE).matcher(metrics);
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }

    /** Tokens are verified once and then remembered ({@code VerifiedTokens}); each caller must still be themself. */
    @Test
    void namesEachCallerByTheirOwnTokenWhenTokensAreUsedAgain() {
        String caseworker = TestTokens.caseworker();
        String supervisor = TestTokens.supervisor();
        String elsewhere = TestTokens.caseworkerAt("denver-central");
        for (int round = 0; round < 3; round++) {
            given().auth().oauth2(caseworker).when().get("/api/me").then().statusCode(200)
                    .body("username", equalTo("caseworker")).body("roles", contains("caseworker"))
                    .body("siteId", equalTo(TestTokens.SITE));
            given().auth().oauth2(supervisor).when().get("/api/me").then().statusCode(200)
                    .body("username", equalTo("supervisor")).body("roles", contains("caseworker", "supervisor"));
            given().auth().oauth2(elsewhere).when().get("/api/me").then().statusCode(200)
                    .body("username", equalTo("caseworker-denver-central")).body("siteId", equalTo("denver-central"));
        }
    }

    @Test
    void refusesATokenAlteredAfterTheGenuineOneWasAccepted() {
        String token = TestTokens.caseworker();
        given().auth().oauth2(token).when().get("/api/me").then().statusCode(200);
        String signature = token.substring(token.lastIndexOf('.') + 1);
        char first = signature.charAt(0);
        String altered = token.substring(0, token.lastIndexOf('.') + 1) + (first == 'A' ? 'B' : 'A') + signature.substring(1);
        given().auth().oauth2(altered).when().get("/api/me").then().statusCode(401);
        given().auth().oauth2(token + "x").when().get("/api/me").then().statusCode(401);
        given().auth().oauth2(token).when().get("/api/me").then().statusCode(200).body("username", equalTo("caseworker"));
    }

    @Test
    void refusesATokenIssuedForAnotherApi() {
        given().auth().oauth2(TestTokens.forAnotherAudience()).when().get(protectedPath()).then().statusCode(401);
    }

    @Test
    void knowsTheCallerAndTheirClinicRolesFromARealToken() {
        given().auth().oauth2(TestTokens.supervisor()).when().get("/api/me").then().statusCode(200)
                .body("username", equalTo("supervisor"))
                .body("roles", contains("caseworker", "supervisor"));
    }
}
