package org.clinicflow.document.scan;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.clinicflow.document.IntakeEventsForTests;
import org.clinicflow.document.audit.DocumentAudit;
import org.clinicflow.testing.RealInfrastructure;
import org.clinicflow.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Scans over HTTP: a real PNG, JPEG or PDF is stored encrypted under a random name and streamed
 * back unchanged to authorized callers, each upload and view audited; every bad upload answers
 * problem+json and leaves nothing behind, in the store or the database.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "document"))
@WithTestResource(OidcWiremockTestResource.class)
class ScanResourceTest {

    private static final Path STORE = Path.of("target/scans");

    @Test
    void aRealScanIsStoredEncryptedUnderARandomNameAndStreamedBack() throws Exception {
        UUID id = applicant();
        byte[] png = ScanSamples.png();
        String location = upload(TestTokens.caseworker(), id, "photos", png, "photo-of-maria.png", "image/png").then()
                .statusCode(201).body("mediaType", equalTo("image/png")).body("uploadedBy", equalTo("caseworker"))
                .extract().header("Location");
        byte[] back = given().auth().oauth2(TestTokens.caseworker()).when().get(location).then().statusCode(200)
                .contentType("image/png").header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff")
                .extract().asByteArray();
        assertArrayEquals(png, back);
        upload(TestTokens.caseworker(), id, "travel-document", ScanSamples.pdf(2), "passport.pdf", "application/pdf").then()
                .statusCode(201).body("pages", equalTo(2));
        given().auth().oauth2(TestTokens.caseworker()).when().get("/api/applicants/" + id + "/documents/photos/scans").then()
                .statusCode(200).body("$", hasSize(1)).body("[0].mediaType", equalTo("image/png"));
        // All of the applicant's scans at once (the case page), newest first; another site sees none of them.
        given().auth().oauth2(TestTokens.caseworker()).when().get("/api/applicants/" + id + "/scans").then()
                .statusCode(200).body("$", hasSize(2)).body("[0].documentType", equalTo("travel-document"))
                .body("[1].documentType", equalTo("photos"));
        given().auth().oauth2(TestTokens.caseworkerAt("denver-central")).when().get("/api/applicants/" + id + "/scans").then()
                .statusCode(404);

        for (Path file : storedFiles()) {
            String name = file.getFileName().toString();
            assertTrue(name.matches("[0-9a-f-]{36}"), "random name: " + name);
            byte[] stored = Files.readAllBytes(file);
            assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("PNG"), "stored encrypted");
            assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("%PDF"), "stored encrypted");
        }
        List<String> actions = QuarkusTransaction.requiringNew().call(() -> DocumentAudit.<DocumentAudit>list("applicantId", id)
                .stream().map(a -> a.action).toList());
        assertTrue(actions.containsAll(List.of("upload-scan", "view-scan")), actions.toString());
    }

    @Test
    void badUploadsAnswerProblemJsonAndStoreNothing() throws Exception {
        UUID id = applicant();
        long filesBefore = storedFiles().size();
        Map<String, byte[]> bad = Map.of(
                "empty", new byte[0],
                "text named .pdf", "not really a pdf".getBytes(StandardCharsets.UTF_8),
                "zip", ScanSamples.zip(),
                "truncated pdf", ScanSamples.truncated(ScanSamples.pdf(1)),
                "png+zip polyglot", ScanSamples.concat(ScanSamples.png(), ScanSamples.zip()),
                "pdf with javascript", ScanSamples.pdfWith("9 0 obj << /S /JavaScript >> endobj"),
                "png bomb", ScanSamples.pngBomb(),
                "over 10 MB", new byte[ScanInspector.MAX_BYTES + 1024]);
        for (Map.Entry<String, byte[]> upload : bad.entrySet()) {
            int status = upload(TestTokens.caseworker(), id, "photos", upload.getValue(), "scan.pdf", "application/pdf").then()
                    .contentType("application/problem+json").extract().statusCode();
            assertTrue(status >= 400 && status < 500, upload.getKey() + " answered " + status);
        }
        assertEquals(filesBefore, storedFiles().size(), "no file stored");
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Scan.count("applicantId", id)), "no scan recorded");
        given().auth().oauth2(TestTokens.caseworker()).multiPart("other", "x").when()
                .post("/api/applicants/" + id + "/documents/photos/scans").then().statusCode(400)
                .body(containsString("file"));
    }

    @Test
    void onlyTheApplicantsSiteAndKnownDocumentsTakeScans() throws Exception {
        UUID id = applicant();
        upload(null, id, "photos", ScanSamples.png(), "p.png", "image/png").then().statusCode(401);
        upload(TestTokens.caseworkerAt("denver-central"), id, "photos", ScanSamples.png(), "p.png", "image/png").then()
                .statusCode(404);
        upload(TestTokens.caseworker(), id, "diploma", ScanSamples.png(), "p.png", "image/png").then().statusCode(404);
        String location = upload(TestTokens.caseworker(), id, "photos", ScanSamples.jpeg(), "p.jpg", "image/jpeg").then()
                .statusCode(201).extract().header("Location");
        given().auth().oauth2(TestTokens.caseworkerAt("denver-central")).when().get(location).then().statusCode(404);
        given().auth().oauth2(TestTokens.supervisor()).when().get(location).then().statusCode(200).contentType("image/jpeg");
    }

    @jakarta.inject.Inject
    org.clinicflow.web.time.ClinicClock clock;

    /** Issue 16, retention: a year and a day on, a scan's file and record are gone; the checklist's decision stays. */
    @Test
    void aYearOnAScanIsDeletedFileAndAllAndTheRunIsRecorded() throws Exception {
        UUID id = applicant();
        String location = upload(TestTokens.caseworker(), id, "photos", ScanSamples.png(), "p.png", "image/png").then()
                .statusCode(201).extract().header("Location");
        String key = QuarkusTransaction.requiringNew().call(() -> Scan.<Scan>find("applicantId", id).firstResult().storageKey);
        assertTrue(storedFiles().stream().anyMatch(f -> f.getFileName().toString().equals(key)));
        given().auth().oauth2(TestTokens.caseworker()).when().get("/api/admin/retention").then().statusCode(403);
        try {
            clock.setOffset(Duration.ofDays(366));
            List<Map<String, Object>> dry = given().auth().oauth2(TestTokens.admin()).when().get("/api/admin/retention").then()
                    .statusCode(200).extract().path("");
            assertTrue(dry.stream().anyMatch(r -> "scans".equals(r.get("dataClass")) && ((Number) r.get("records")).longValue() >= 1),
                    dry.toString());
            given().auth().oauth2(TestTokens.admin()).when().post("/api/admin/retention/purge").then().statusCode(200);
        } finally {
            clock.setOffset(Duration.ZERO);
        }
        given().auth().oauth2(TestTokens.caseworker()).when().get(location).then().statusCode(404);
        assertFalse(storedFiles().stream().anyMatch(f -> f.getFileName().toString().equals(key)), "the encrypted file is gone");
        given().auth().oauth2(TestTokens.caseworker()).when().get("/api/applicants/" + id + "/checklist").then().statusCode(200);
        List<Map<String, Object>> runs = given().auth().oauth2(TestTokens.admin()).when().get("/api/admin/retention/runs").then()
                .statusCode(200).extract().path("");
        assertTrue(runs.stream().anyMatch(r -> "scans".equals(r.get("dataClass")) && Boolean.FALSE.equals(r.get("dryRun"))
                && "admin".equals(r.get("actor"))), runs.toString());
    }

    private static UUID applicant() throws Exception {
        UUID id = IntakeEventsForTests.register(Map.of("category", "c11", "priorEad", false, "feeWaiverClaimed", false));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.caseworker())
                .get("/api/applicants/" + id + "/checklist").statusCode() == 200);
        return id;
    }

    private static io.restassured.response.Response upload(String token, UUID id, String type, byte[] content, String name,
            String declaredType) {
        RequestSpecification request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.multiPart("file", name, content, declaredType).when()
                .post("/api/applicants/" + id + "/documents/" + type + "/scans");
    }

    private static List<Path> storedFiles() throws IOException {
        if (!Files.exists(STORE)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(STORE)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
