package org.clinicflow.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The project's front door, as a newcomer uses it: the real {@code ./clinic up -d} brings up
 * Kafka, PostgreSQL, Keycloak and the four services; a token from the real Keycloak (the
 * {@code clinic-cli} password grant, one call) opens every service, no token opens none;
 * {@code ./clinic down} leaves no process behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackSmokeTest {

    private static final LocalStack STACK = new LocalStack();
    private static List<Long> pids = List.of();

    @BeforeAll
    static void up() throws Exception {
        int exit = STACK.clinic("up", "-d");
        assertEquals(0, exit, () -> "./clinic up -d failed:\n" + tail(STACK.output("up")));
        pids = STACK.recordedPids();
    }

    @AfterAll
    static void down() throws Exception {
        assertEquals(0, STACK.clinic("down"), () -> "./clinic down failed");
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                    "process " + pid + " survived ./clinic down");
        }
    }

    @Test
    @Order(1)
    void upStartedEveryComponent() {
        assertTrue(pids.size() >= 7, "postgres, kafka, keycloak and four services: " + pids);
        String output = STACK.output("up");
        for (String name : LocalStack.SERVICE_PORTS.keySet()) {
            assertTrue(output.contains(name), "the URL table names " + name);
        }
        assertTrue(output.contains("caseworker, supervisor, admin"), "the table shows the demo logins");
    }

    @Test
    @Order(2)
    void everyServiceAcceptsARealKeycloakTokenAndMapsTheRoles() {
        String token = token("caseworker", "demo");
        for (Map.Entry<String, Integer> service : LocalStack.SERVICE_PORTS.entrySet()) {
            given().auth().oauth2(token).when().get(url(service.getValue(), "/api/me")).then()
                    .statusCode(200)
                    .body("username", equalTo("caseworker"))
                    .body("roles", hasItem("caseworker"))
                    .body("siteId", equalTo("chicago-south"));
        }
    }

    @Test
    @Order(3)
    void noServiceAnswersWithoutAToken() {
        for (int port : LocalStack.SERVICE_PORTS.values()) {
            given().when().get(url(port, "/api/me")).then().statusCode(401);
            given().when().get(url(port, "/q/health/ready")).then().statusCode(200).body("status", equalTo("UP"));
        }
        // The portal is the public face: its health and metrics answer on the management port only.
        int portal = 8080 + LocalStack.PORT_OFFSET;
        for (String path : List.of("/q/metrics", "/q/health/ready")) {
            var response = given().redirects().follow(false).when().get(url(portal, path));
            org.junit.jupiter.api.Assertions.assertNotEquals(200, response.statusCode(), path + " is not on the portal's public port");
            org.junit.jupiter.api.Assertions.assertFalse(response.asString().contains("jvm_memory"), path + " leaks metrics");
        }
        given().when().get(url(8090 + LocalStack.PORT_OFFSET, "/q/health/ready")).then().statusCode(200).body("status", equalTo("UP"));
        given().when().get(url(8090 + LocalStack.PORT_OFFSET, "/q/metrics")).then().statusCode(200);
    }

    /**
     * Issue 16: on the real stack each service logs in as a role that cannot touch the schema:
     * intake's role cannot drop the audit log's append-only trigger (only intake_owner, which ran
     * the migrations, owns the table), and cannot reach another service's database at all.
     */
    @Test
    @Order(3)
    void aServicesDatabaseRoleCannotDropTheAuditTrigger() throws Exception {
        try (java.sql.Connection intake = java.sql.DriverManager.getConnection(STACK.jdbcUrl("intake"), "intake", STACK.secret("intake"));
                java.sql.Statement sql = intake.createStatement()) {
            java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    () -> sql.execute("DROP TRIGGER audit_entry_append_only ON audit_entry"));
            assertEquals("42501", refused.getSQLState(), refused.getMessage());
            try (java.sql.ResultSet owner = sql.executeQuery("SELECT tableowner FROM pg_tables WHERE tablename = 'audit_entry'")) {
                owner.next();
                assertEquals("intake_owner", owner.getString(1));
            }
        }
        org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                () -> java.sql.DriverManager.getConnection(STACK.jdbcUrl("notification"), "intake", STACK.secret("intake")).close(),
                "intake's role cannot log in to notification's database");
    }

    @Test
    @Order(4)
    void aRegistrationsEventsReachTheRealBroker() throws InterruptedException {
        int intake = LocalStack.SERVICE_PORTS.get("intake-service");
        String token = token("caseworker", "demo");
        given().auth().oauth2(token).contentType("application/json").body(Map.of("givenName", "Smoke", "familyName",
                "Test" + System.nanoTime(), "dateOfBirth", "1990-01-01", "countryOfCitizenship", "VE", "preferredLanguage",
                "es", "smsConsent", false, "siteId", "chicago-south", "category", "c11", "paroleEndDate", "2030-01-01"))
                .when().post(url(intake, "/api/applicants")).then().statusCode(201);
        // Registered and contact-point-changed, relayed from the outbox and acknowledged by Kafka.
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        double relayed = 0;
        while (relayed < 2 && System.nanoTime() < deadline) {
            relayed = metric(intake, "clinic_outbox_relayed_events_total");
            Thread.sleep(200);
        }
        assertTrue(relayed >= 2, "intake's outbox relayed " + relayed + " events to the broker");
        assertEquals(0.0, metric(intake, "clinic_outbox_lag_seconds"), "nothing left waiting in the outbox");
    }

    @Test
    @Order(5)
    void keycloakRefusesAWrongPassword() {
        given().formParam("grant_type", "password").formParam("client_id", "clinic-cli")
                .formParam("username", "caseworker").formParam("password", "not-the-password")
                .when().post(tokenUrl()).then().statusCode(400) // RFC 6749 section 5.2
                .body("error", equalTo("invalid_grant"))
                .body("access_token", org.hamcrest.Matchers.nullValue());
    }

    private static String token(String user, String password) {
        return given().formParam("grant_type", "password").formParam("client_id", "clinic-cli")
                .formParam("username", user).formParam("password", password)
                .when().post(tokenUrl()).then().statusCode(200).extract().path("access_token");
    }

    private static double metric(int port, String name) {
        String metrics = given().when().get(url(port, "/q/metrics")).then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{")).findFirst()
                .map(PrometheusText::value).orElse(0.0);
    }

    private static String tokenUrl() {
        return url(LocalStack.KEYCLOAK_PORT, "/realms/clinic/protocol/openid-connect/token");
    }

    private static String url(int port, String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static String tail(String text) {
        String[] lines = text.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 40), lines.length));
    }
}
