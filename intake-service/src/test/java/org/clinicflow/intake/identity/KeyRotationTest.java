package org.clinicflow.intake.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.clinicflow.intake.applicant.RegistrationsAccess;
import org.clinicflow.testing.RealInfrastructure;
import org.clinicflow.testing.TestTokens;
import org.clinicflow.web.crypto.AesGcm;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, keys: A-numbers and document numbers are sealed under the current key version with
 * their case and field as associated data; a value sealed before versions (key 1, no associated
 * data, written here with the JDK's AES-GCM through the version-1 key, as the previous release
 * did) still opens, and the rotation re-seals it under the current version with nothing lost;
 * an A-number copied onto another case does not open there (a 409, not the other person's number).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(OidcWiremockTestResource.class)
class KeyRotationTest {

    @Inject
    AgroalDataSource db;

    @ConfigProperty(name = "clinic.intake.a-number.encryption-key")
    String keyOne;

    @Test
    void valuesSealedBeforeVersionsAreResealedUnderTheCurrentKeyAndNothingIsLost() throws Exception {
        String digits = String.valueOf(100_000_000 + ThreadLocalRandom.current().nextInt(800_000_000));
        String id = register("A" + digits);
        assertEquals(2, version("SELECT a_number_key_version FROM applicant WHERE id = ?::uuid", id), "new values: version 2");
        // As the release before key versions stored it: key 1, no associated data, no version.
        byte[] legacy = AesGcm.fromBase64(keyOne, "key 1").encrypt(digits.getBytes(StandardCharsets.US_ASCII));
        update("UPDATE applicant SET a_number_cipher = ?, a_number_key_version = NULL WHERE id = ?::uuid", legacy, id);
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(Map.of("i94Number", "55544433321"))
                .when().put("/api/applicants/" + id + "/form").then().statusCode(200);
        byte[] legacyI94 = AesGcm.fromBase64(keyOne, "key 1").encrypt("55544433321".getBytes(StandardCharsets.US_ASCII));
        update("UPDATE i765_form SET i94_cipher = ?, key_version = NULL WHERE applicant_id = ?::uuid", legacyI94, id);
        given().auth().oauth2(TestTokens.supervisor()).when().post("/api/applicants/" + id + "/a-number/reveal").then()
                .statusCode(200).body("aNumber", equalTo("A" + digits));
        given().auth().oauth2(TestTokens.caseworker()).when().get("/api/admin/identity-keys").then().statusCode(403);
        Map<String, Object> before = given().auth().oauth2(TestTokens.admin()).when().get("/api/admin/identity-keys").then()
                .statusCode(200).extract().path("aNumbers");
        assertTrue(((Number) before.get("none")).intValue() >= 1, "the dry run counts values sealed before versions: " + before);

        Map<String, Object> after = given().auth().oauth2(TestTokens.admin()).when().post("/api/admin/identity-keys/rotate").then()
                .statusCode(200).body("currentVersion", equalTo(2)).extract().path("");
        assertTrue(((Number) after.get("resealed")).intValue() >= 1, after.toString());
        assertNull(((Map<?, ?>) after.get("aNumbers")).get("none"), "nothing left under no version: " + after);
        assertEquals(2, version("SELECT a_number_key_version FROM applicant WHERE id = ?::uuid", id));
        given().auth().oauth2(TestTokens.supervisor()).when().post("/api/applicants/" + id + "/a-number/reveal").then()
                .statusCode(200).body("aNumber", equalTo("A" + digits));
        assertEquals(2, version("SELECT key_version FROM i765_form WHERE applicant_id = ?::uuid", id));
        given().auth().oauth2(TestTokens.supervisor()).when().post("/api/applicants/" + id + "/form/numbers/reveal").then()
                .statusCode(200).body("i94Number", equalTo("55544433321"));
    }

    @Test
    void anANumberCopiedOntoAnotherCaseDoesNotOpenThere() throws Exception {
        String first = register("A" + (100_000_000 + ThreadLocalRandom.current().nextInt(800_000_000)));
        String second = register("A" + (100_000_000 + ThreadLocalRandom.current().nextInt(800_000_000)));
        update("UPDATE applicant b SET a_number_cipher = a.a_number_cipher, a_number_key_version = a.a_number_key_version"
                + " FROM applicant a WHERE a.id = ?::uuid AND b.id = ?::uuid", first, second);
        given().auth().oauth2(TestTokens.supervisor()).when().post("/api/applicants/" + second + "/a-number/reveal").then()
                .statusCode(409).contentType("application/problem+json").body("field", equalTo("a-number"));
    }

    private static String register(String aNumber) {
        Map<String, Object> body = new HashMap<>(RegistrationsAccess.valid());
        body.put("aNumber", aNumber);
        return given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(body)
                .when().post("/api/applicants").then().statusCode(201).extract().path("id");
    }

    private int version(String sql, String id) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                return rs.getInt(1);
            }
        }
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof byte[] bytes) {
                    s.setBytes(i + 1, bytes);
                } else {
                    s.setString(i + 1, String.valueOf(parameters[i]));
                }
            }
            assertEquals(1, s.executeUpdate());
        }
    }
}
