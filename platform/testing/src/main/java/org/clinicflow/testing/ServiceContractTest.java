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

    /** An API path of the service that needs a caseworker's or an admin's token. */
    protected abstract String protectedPath();

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
    }
}
