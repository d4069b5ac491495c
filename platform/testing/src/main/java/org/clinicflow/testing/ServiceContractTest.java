package org.clinicflow.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

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
    void refusesATokenIssuedForAnotherApi() {
        given().auth().oauth2(TestTokens.forAnotherAudience()).when().get(protectedPath()).then().statusCode(401);
    }

    @Test
    void knowsTheCallerAndTheirClinicRolesFromARealToken() {
        given().auth().oauth2(TestTokens.supervisor()).when().get("/api/me").then().statusCode(200)
                .body("username", equalTo("supervisor"))
                .body("roles", org.hamcrest.Matchers.contains("caseworker", "supervisor"));
    }
}
