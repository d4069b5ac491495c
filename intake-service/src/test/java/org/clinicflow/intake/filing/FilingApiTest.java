package org.clinicflow.intake.filing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.clinicflow.events.GoldenEvents;
import org.clinicflow.events.catalog.EventCatalog;
import org.clinicflow.events.cloudevents.EventJson;
import org.clinicflow.events.cloudevents.EventMetadata;
import org.clinicflow.intake.applicant.RegistrationsAccess;
import org.clinicflow.testing.KafkaTestClient;
import org.clinicflow.testing.RealInfrastructure;
import org.clinicflow.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 over REST with real tokens, the real database and broker: every I-765 answer
 * validated (formats, contradictions, required-if rules as missing items), certifications and
 * consents as ledgers, the packet refused with every missing item named and rendered for a
 * complete (c)(11) and (c)(8) case (read back with PDFBox: each answer under its Part and Item,
 * the fee lines of the Federal Register's FY2026 amounts, the applicant's page in their language
 * without asylum wording or the A-number), another site's caseworker refused, each download
 * audited, and the filing and receipt recorded as events on the timeline.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(OidcWiremockTestResource.class)
class FilingApiTest {

    private static final String I94 = "12345678A01";
    private static final String PASSPORT = "P7654321";

    @Inject
    AgroalDataSource db;

    @Test
    void formatsAndContradictionsAreRefusedNamingEveryField() {
        String id = register("c11", Map.of());
        Map<String, Object> form = new HashMap<>(parolee());
        form.put("i94Number", "123");
        form.put("ssn", "000-12-3456");
        form.put("mailingAddress", Map.of("street", "1 Main St", "city", "Chicago", "state", "XX", "zipCode", "6061"));
        form.put("sex", "x");
        form.put("otherCitizenship", "ZZ");
        form.put("arrestedOrConvicted", false);
        form.put("otherNames", List.of(Map.of("familyName", "", "givenName", "Ana")));
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(form)
                .when().put("/api/applicants/" + id + "/form")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("i94Number", "ssn", "mailingAddress.state", "mailingAddress.zipCode", "sex",
                        "otherCitizenship", "arrestedOrConvicted", "otherNames[0].familyName"))
                .body("errors.find { it.field == 'arrestedOrConvicted' }.message", containsString("Part 2, Item 30"));
        // An SSN without Item 13.a, and a passport expiring before the birth date, contradict the form.
        Map<String, Object> contradicting = new HashMap<>(parolee());
        contradicting.put("ssn", "123-45-6789");
        contradicting.put("ssaCardIssued", false);
        contradicting.put("passportNumber", PASSPORT);
        contradicting.put("documentIssuingCountry", "VE");
        contradicting.put("documentExpiresOn", "1980-01-01");
        contradicting.put("mailingIsPhysical", true);
        contradicting.put("physicalAddress", address());
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(contradicting)
                .when().put("/api/applicants/" + id + "/form")
                .then().statusCode(400)
                .body("errors.field", hasItems("ssn", "documentExpiresOn", "physicalAddress"));
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> badAnswers() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("middleName", "Ana3"),
                org.junit.jupiter.params.provider.Arguments.of("otherNames", List.of(Map.of("familyName", "A", "givenName", "B"),
                        Map.of("familyName", "C", "givenName", "D"), Map.of("familyName", "E", "givenName", "F"),
                        Map.of("familyName", "G", "givenName", "H"))),
                org.junit.jupiter.params.provider.Arguments.of("mailingAddress.street", ""),
                org.junit.jupiter.params.provider.Arguments.of("mailingAddress.city", ""),
                org.junit.jupiter.params.provider.Arguments.of("mailingAddress.state", "Illinois"),
                org.junit.jupiter.params.provider.Arguments.of("mailingAddress.zipCode", "606071"),
                org.junit.jupiter.params.provider.Arguments.of("maritalStatus", "separated"),
                org.junit.jupiter.params.provider.Arguments.of("sex", "unknown"),
                org.junit.jupiter.params.provider.Arguments.of("ssn", "666-12-3456"),
                org.junit.jupiter.params.provider.Arguments.of("father.givenName", ""),
                org.junit.jupiter.params.provider.Arguments.of("mother.familyName", "R1vas"),
                org.junit.jupiter.params.provider.Arguments.of("otherCitizenship", "ve"),
                org.junit.jupiter.params.provider.Arguments.of("placeOfBirth.country", "XK1"),
                org.junit.jupiter.params.provider.Arguments.of("placeOfBirth.city", ""),
                org.junit.jupiter.params.provider.Arguments.of("i94Number", "1234567890"),
                org.junit.jupiter.params.provider.Arguments.of("passportNumber", "P-1"),
                org.junit.jupiter.params.provider.Arguments.of("travelDocumentNumber", "T#12345"),
                org.junit.jupiter.params.provider.Arguments.of("documentIssuingCountry", "Venezuela"),
                org.junit.jupiter.params.provider.Arguments.of("documentExpiresOn", "2026-02-30"),
                org.junit.jupiter.params.provider.Arguments.of("lastArrivalPlace", "x".repeat(101)),
                org.junit.jupiter.params.provider.Arguments.of("statusAtLastArrival", "x".repeat(61)),
                org.junit.jupiter.params.provider.Arguments.of("currentStatus", "x".repeat(61)),
                org.junit.jupiter.params.provider.Arguments.of("previouslyFiled", "maybe"));
    }

    /** Each answer's format, alone: the one field is named, and nothing is saved. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("badAnswers")
    void eachAnswerIsCheckedOnItsOwn(String field, Object value) {
        String id = sharedCase();
        Map<String, Object> form = new HashMap<>(parolee());
        form.put("ssaCardIssued", true); // so that an SSN is allowed and only its format is in question
        put(form, field, value);
        List<String> fields = given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(form)
                .when().put("/api/applicants/" + id + "/form")
                .then().statusCode(400).contentType("application/problem+json").extract().path("errors.field");
        String named = field.equals("otherNames") ? "otherNames" : field;
        assertTrue(fields.contains(named), field + " not named in " + fields);
        Object savedAt = given().auth().oauth2(TestTokens.caseworker()).when().get("/api/applicants/" + id + "/form").then()
                .statusCode(200).extract().path("updatedAt");
        assertEquals(null, savedAt, "a refused form saves nothing");
    }

    private static String shared;

    private static synchronized String sharedCase() {
        if (shared == null) {
            shared = register("c11", Map.of());
        }
        return shared;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> form, String path, Object value) {
        String[] parts = path.split("\\.");
        if (parts.length == 1) {
            form.put(path, value);
            return;
        }
        Map<String, Object> nested = new HashMap<>((Map<String, Object>) form.getOrDefault(parts[0], Map.of("familyName", "Pérez",
                "givenName", "Luis")));
        nested.put(parts[1], value);
        form.put(parts[0], nested);
    }

    @Test
    void requiredIfRulesAreMissingItemsAndThePacketIsRefusedNamingEachOne() {
        String id = register("c11", Map.of());
        Map<String, Object> form = new HashMap<>(parolee());
        form.put("mailingIsPhysical", false);
        form.put("ssaCardIssued", true);
        form.put("wantsSsaCard", true);
        form.remove("i94Number");
        form.put("passportNumber", PASSPORT);
        form.remove("father");
        form.remove("mother");
        saveForm(id, form).then().statusCode(200)
                .body("complete", equalTo(false))
                .body("numbersOnFile.passportNumber", equalTo("•••••4321"));
        List<String> expected = List.of("physicalAddress", "ssn", "consents.ssa-disclosure", "father", "mother", "i94Number",
                "documentExpiresOn", "certifications.applicant-statement", "certifications.preparer", "documents");
        Response form2 = given().auth().oauth2(TestTokens.caseworker()).when().get("/api/applicants/" + id + "/form");
        List<String> missing = form2.then().statusCode(200).extract().path("requirements.findAll { !it.met }.field");
        assertTrue(missing.containsAll(expected), "missing " + missing);
        given().auth().oauth2(TestTokens.caseworker()).accept("application/pdf").when().get("/api/applicants/" + id + "/packet")
                .then().statusCode(409).contentType("application/problem+json")
                .body("errors.field", hasItems(expected.toArray(String[]::new)))
                .body("errors.find { it.field == 'i94Number' }.message", containsString("Part 2, Item 21.a"));
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON)
                .body(Map.of("filedOn", LocalDate.now().toString(), "method", "paper", "feeStatus", "paid"))
                .when().post("/api/applicants/" + id + "/filing").then().statusCode(409)
                .body("errors.field", hasItem("documents"));
    }

    @Test
    void aCompleteParoleCaseGivesAPacketWithEveryAnswerItsFeesAndASpanishPageForTheApplicant() throws Exception {
        String id = register("c11", Map.of("preferredLanguage", "es", "aNumber", aNumber()));
        complete(id, parolee(), "Spanish");
        byte[] pdf = packet(id);
        String text = text(pdf, 1, Integer.MAX_VALUE);
        assertLine(text, "Part 2, Item 21.a", I94);
        assertLine(text, "Part 2, Item 5.a", "Pacific Garden Mission");
        assertLine(text, "Part 2, Item 5.b-5.f", "1458 S Canal St, Chicago, IL 60607");
        assertLine(text, "Part 2, Item 10", "Female");
        assertLine(text, "Part 2, Item 16.a-16.b", "González, Pedro");
        assertLine(text, "Part 2, Item 19.a-19.c", "Maracaibo, Zulia, Venezuela (VE)");
        assertLine(text, "Part 2, Item 23", "Chicago O'Hare");
        assertLine(text, "Part 2, Item 27", "(c)(11)");
        assertFalse(text.contains("Part 2, Item 30"), "the arrest question is (c)(8)'s only");
        // FY2026: $520 base fee (2024 fee rule) + $560 statutory initial EAD fee (FR Doc 2025-20622).
        assertTrue(text.contains("$520, waivable with a fee waiver"), text);
        assertTrue(text.contains("$560, not waivable"), text);
        assertLine(text, "Total", "$1,080");
        assertTrue(text.contains("paid separately from the base filing fee"));
        assertTrue(text.contains("Part 4: Interpreter's certification"));
        assertLine(text, "i94", "verified by caseworker");
        String page = text(pdf, -1, -1);
        assertTrue(page.contains("Su solicitud de permiso de trabajo"), page);
        assertTrue(page.contains("$1,080"), page);
        assertApplicantPageReveals(page, nothingOf(id));
        // The numbers are ciphertext at rest; the API shows them masked.
        assertFalse(stored(id).contains(I94), "the I-94 number is not stored in clear");
        given().auth().oauth2(TestTokens.caseworker()).when().get("/api/applicants/" + id + "/form").then()
                .body("numbersOnFile.i94Number", equalTo("•••••8A01")).body(not(containsString(I94)));
        given().auth().oauth2(TestTokens.supervisor()).when().post("/api/applicants/" + id + "/form/numbers/reveal").then()
                .statusCode(200).body("i94Number", equalTo(I94));
        given().auth().oauth2(TestTokens.caseworker()).when().post("/api/applicants/" + id + "/form/numbers/reveal").then()
                .statusCode(403);
        packet(id);
        List<String> actions = given().auth().oauth2(TestTokens.supervisor()).when().get("/api/audit?applicant=" + id).then()
                .extract().path("action");
        assertEquals(2, actions.stream().filter("download-packet"::equals).count(), "every download is audited");
        assertTrue(actions.containsAll(List.of("edit-form", "certify", "reveal-document-numbers")), actions.toString());
    }

    @Test
    void aCompleteAsylumCaseAnswersTheArrestQuestionAndTheApplicantsPageSaysNothingOfAsylum() throws Exception {
        LocalDate filed = LocalDate.now().minusDays(200);
        String aNumber = aNumber();
        String id = register("c8", Map.of("asylumFiledOn", filed.toString(), "lastArrivalOn", filed.minusDays(60).toString(),
                "preferredLanguage", "ht", "aNumber", aNumber, "countryOfCitizenship", "HT"));
        Map<String, Object> form = new HashMap<>(parolee());
        form.remove("i94Number");
        form.put("passportNumber", PASSPORT);
        form.put("documentIssuingCountry", "HT");
        form.put("documentExpiresOn", "2030-05-01");
        form.put("statusAtLastArrival", "No status");
        form.put("currentStatus", "Pending asylum applicant");
        form.put("placeOfBirth", Map.of("city", "Jacmel", "country", "HT"));
        form.put("arrestedOrConvicted", false);
        complete(id, form, "Haitian Creole");
        byte[] pdf = packet(id);
        String text = text(pdf, 1, Integer.MAX_VALUE);
        assertLine(text, "Part 2, Item 30", "No");
        assertLine(text, "Part 2, Item 27", "(c)(8)");
        assertLine(text, "Part 2, Item 21.b", PASSPORT);
        assertLine(text, "Part 2, Item 8", "A" + aNumber.substring(1));
        // The initial (c)(8) request pays no base fee, and the FY2026 statutory fee of $560.
        assertLine(text, "To pay with the application", "$560");
        String page = text(pdf, -1, -1);
        assertTrue(page.contains("Demann pèmi travay ou"), page);
        assertApplicantPageReveals(page, nothingOf(id, aNumber.substring(1), aNumber.substring(aNumber.length() - 4)));
    }

    @Test
    void aCaseworkerOfAnotherSiteIsRefused() {
        String id = register("c11", Map.of());
        String other = TestTokens.caseworkerAt("denver-central");
        given().auth().oauth2(other).when().get("/api/applicants/" + id + "/packet").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(other).when().get("/api/applicants/" + id + "/form").then().statusCode(403);
        given().auth().oauth2(other).contentType(ContentType.JSON).body(parolee()).when().put("/api/applicants/" + id + "/form")
                .then().statusCode(403);
        given().when().get("/api/applicants/" + id + "/packet").then().statusCode(401);
    }

    @Test
    void filingAndReceiptAreRecordedOnceEachAsEventsOnTheTimeline() throws Exception {
        String id = register("c11", Map.of());
        complete(id, parolee(), "Spanish");
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(Map.of("receiptNumber", "IOE0912345678"))
                .when().post("/api/applicants/" + id + "/receipt").then().statusCode(409)
                .body("type", containsString("not-filed"));
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON)
                .body(Map.of("filedOn", LocalDate.now().plusDays(1).toString(), "method", "fax", "feeStatus", "waiver-requested"))
                .when().post("/api/applicants/" + id + "/filing").then().statusCode(400).body("errors.field", hasItem("method"));
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON)
                .body(Map.of("filedOn", LocalDate.now().toString(), "method", "paper", "feeStatus", "waiver-requested"))
                .when().post("/api/applicants/" + id + "/filing").then().statusCode(400).body("errors.field", hasItem("feeStatus"));
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON)
                .body(Map.of("filedOn", LocalDate.now().toString(), "method", "paper", "feeStatus", "paid"))
                .when().post("/api/applicants/" + id + "/filing").then().statusCode(200)
                .body("stage", equalTo("filed")).body("filedOn", equalTo(LocalDate.now().toString()));
        // The form's mailing address is where USCIS will mail the card: the first of the case's address history.
        given().auth().oauth2(TestTokens.caseworker()).when().get("/api/applicants/" + id + "/addresses").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].reason", equalTo("filing")).body("[0].street", equalTo("1458 S Canal St"))
                .body("[0].effectiveOn", equalTo(LocalDate.now().toString()));
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(Map.of("receiptNumber", "IOE09123"))
                .when().post("/api/applicants/" + id + "/receipt").then().statusCode(400).body("errors.field", hasItem("receiptNumber"));
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(Map.of("receiptNumber", "ioe0912345678"))
                    .when().post("/api/applicants/" + id + "/receipt").then().statusCode(200)
                    .body("receiptNumber", equalTo("IOE0912345678"));
        }
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(Map.of("receiptNumber", "IOE0999999999"))
                .when().post("/api/applicants/" + id + "/receipt").then().statusCode(409);
        List<String> types = given().auth().oauth2(TestTokens.caseworker()).when().get("/api/applicants/" + id + "/timeline").then()
                .extract().path("eventType");
        assertEquals(1, types.stream().filter("clinic.intake.case-filed.v1"::equals).count());
        assertEquals(1, types.stream().filter("clinic.intake.receipt-recorded.v1"::equals).count(), "the same receipt twice is one");
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(parolee())
                .when().put("/api/applicants/" + id + "/form").then().statusCode(409);
    }

    @Test
    void certificationsAndConsentsAreLedgersThatNeverChange() throws Exception {
        Map<String, Object> child = new HashMap<>(Map.of("dateOfBirth", LocalDate.now().minusYears(9).toString()));
        String id = register("c11", child);
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON)
                .body(Map.of("kind", "applicant-statement", "language", "Spanish", "viaInterpreter", true))
                .when().post("/api/applicants/" + id + "/certifications").then().statusCode(400)
                .body("errors.field", hasItems("guardianName", "guardianRelationship"));
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON)
                .body(Map.of("kind", "preparer", "email", "not-mail"))
                .when().post("/api/applicants/" + id + "/certifications").then().statusCode(400)
                .body("errors.field", hasItems("name", "organization", "phone", "email"));
        certify(id, Map.of("kind", "applicant-statement", "language", "Spanish", "viaInterpreter", true, "guardianName",
                "Rosa Pérez", "guardianRelationship", "parent"));
        certify(id, Map.of("kind", "applicant-statement", "language", "English", "viaInterpreter", false, "guardianName",
                "Rosa Pérez", "guardianRelationship", "parent"));
        given().auth().oauth2(TestTokens.caseworker()).when().get("/api/applicants/" + id + "/certifications").then()
                .statusCode(200).body("size()", equalTo(2))
                .body("find { it.inForce }.language", equalTo("English"))
                .body("find { it.inForce }.textVersion", equalTo("clinic-i765-part3-v1"));
        consent(id, "ssa-disclosure", true);
        consent(id, "ssa-disclosure", false).then().body("inForce.ssa-disclosure", equalTo(false))
                .body("history.findAll { it.kind == 'ssa-disclosure' }.size()", equalTo(2));
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON)
                .body(Map.of("kind", "sms", "granted", false, "method", "by-fax")).when().post("/api/applicants/" + id + "/consents")
                .then().statusCode(400).body("errors.field", hasItem("method"));
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON)
                .body(Map.of("kind", "sms", "granted", false, "method", "in-writing")).when().post("/api/applicants/" + id + "/consents")
                .then().statusCode(200).body("inForce.sms", equalTo(false))
                .body("history.findAll { it.kind == 'sms' }.method", org.hamcrest.Matchers.contains("in-person", "in-writing"))
                .body("history.findAll { it.kind == 'sms' }.recordedBy", org.hamcrest.Matchers.everyItem(equalTo("caseworker")));
        given().auth().oauth2(TestTokens.caseworker()).when().get("/api/applicants/" + id).then().body("smsConsent", equalTo(false));
        assertThrows(SQLException.class, () -> update("UPDATE certification SET language = 'French' WHERE applicant_id = ?", id));
        assertThrows(SQLException.class, () -> update("DELETE FROM consent WHERE applicant_id = ?", id));
    }

    // --- a complete case -------------------------------------------------------------------

    /** Answers, certifications, consent and a verified checklist: everything a complete case needs. */
    private void complete(String id, Map<String, Object> form, String language) throws Exception {
        saveForm(id, form).then().statusCode(200);
        consent(id, "ssa-disclosure", true);
        certify(id, Map.of("kind", "interpreter", "name", "Lucía Ramos", "organization", "Chicago Language Bank",
                "phone", "(312) 555-0142", "language", language));
        certify(id, Map.of("kind", "preparer", "name", "Dana Whitfield", "organization", "Clinic Flow Chicago",
                "phone", "(312) 555-0100", "email", "dana@clinic.example"));
        certify(id, Map.of("kind", "applicant-statement", "language", language, "viaInterpreter", true));
        UUID applicant = UUID.fromString(id);
        send("clinic.documents.checklist-opened.v1", applicant);
        send("clinic.documents.document-verified.v1", applicant);
        send("clinic.documents.documents-ready.v1", applicant);
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(given().auth().oauth2(TestTokens.caseworker())
                .get("/api/applicants/" + id + "/form").then().extract().path("complete")));
    }

    private static Map<String, Object> parolee() {
        Map<String, Object> form = new HashMap<>();
        form.put("mailingAddress", Map.of("inCareOf", "Pacific Garden Mission", "street", "1458 S Canal St", "city", "Chicago",
                "state", "IL", "zipCode", "60607"));
        form.put("mailingIsPhysical", true);
        form.put("sex", "female");
        form.put("maritalStatus", "single");
        form.put("previouslyFiled", false);
        form.put("ssaCardIssued", false);
        form.put("wantsSsaCard", true);
        form.put("father", Map.of("familyName", "González", "givenName", "Pedro"));
        form.put("mother", Map.of("familyName", "Rivas", "givenName", "Carmen"));
        form.put("placeOfBirth", Map.of("city", "Maracaibo", "province", "Zulia", "country", "VE"));
        form.put("i94Number", I94);
        form.put("lastArrivalPlace", "Chicago O'Hare");
        form.put("statusAtLastArrival", "Parolee");
        form.put("currentStatus", "Parolee");
        return form;
    }

    private static Map<String, Object> address() {
        return Map.of("street", "2 State St", "city", "Chicago", "state", "IL", "zipCode", "60601");
    }

    private static String register(String category, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(RegistrationsAccess.valid());
        body.put("category", category);
        body.put("lastArrivalOn", LocalDate.now().minusDays(90).toString());
        if (category.equals("c8")) {
            body.remove("paroleEndDate");
            body.remove("paroleProgram");
        }
        body.putAll(extra);
        return given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(body)
                .when().post("/api/applicants").then().statusCode(201).extract().path("id");
    }

    private static Response saveForm(String id, Map<String, Object> form) {
        return given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(form)
                .when().put("/api/applicants/" + id + "/form");
    }

    private static void certify(String id, Map<String, Object> body) {
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(body)
                .when().post("/api/applicants/" + id + "/certifications").then().statusCode(201);
    }

    private static Response consent(String id, String kind, boolean granted) {
        Response r = given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON)
                .body(Map.of("kind", kind, "granted", granted)).when().post("/api/applicants/" + id + "/consents");
        r.then().statusCode(200);
        return r;
    }

    private static byte[] packet(String id) {
        return given().auth().oauth2(TestTokens.caseworker()).accept("application/pdf").when().get("/api/applicants/" + id + "/packet")
                .then().statusCode(200).contentType("application/pdf").header("Cache-Control", "no-store")
                .extract().asByteArray();
    }

    private static void send(String type, UUID applicant) throws Exception {
        EventMetadata metadata = new EventMetadata(UUID.randomUUID(), type, "test", Instant.now(), applicant.toString(), null);
        ObjectNode body = (ObjectNode) EventJson.mapper().readTree(GoldenEvents.body(type));
        body.put("applicantId", applicant.toString());
        KafkaTestClient.send(EventCatalog.CHECKLISTS.name(), applicant.toString(), EventJson.mapper().writeValueAsBytes(body),
                metadata.toHeaders());
    }

    // --- reading the packet --------------------------------------------------------------------

    /** The text of pages {@code from} to {@code to} (1-based; -1 is the last page). */
    private static String text(byte[] pdf, int from, int to) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int last = document.getNumberOfPages();
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(from < 0 ? last : from);
            stripper.setEndPage(to < 0 ? last : Math.min(to, last));
            return stripper.getText(document);
        }
    }

    /** Some line of the text starts with the item's label and holds the value. */
    private static void assertLine(String text, String label, String value) {
        assertTrue(text.lines().anyMatch(l -> l.startsWith(label) && l.contains(value)),
                "no line " + label + " ... " + value + " in:\n" + text);
    }

    private static List<String> nothingOf(String id, String... more) {
        List<String> words = new ArrayList<>(List.of("asylum", "asilo", "asile", "azil", "I-589", "(c)(8)", "(c)(11)", "parole",
                "refugi", id, I94, PASSPORT));
        words.addAll(List.of(more));
        return words;
    }

    private static void assertApplicantPageReveals(String page, List<String> forbidden) {
        String lower = page.toLowerCase(Locale.ROOT);
        for (String word : forbidden) {
            assertFalse(lower.contains(word.toLowerCase(Locale.ROOT)), "the applicant's page says \"" + word + "\":\n" + page);
        }
    }

    private String stored(String id) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT answers, i94_cipher FROM i765_form WHERE applicant_id = ?::uuid")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1) + new String(rs.getBytes(2), java.nio.charset.StandardCharsets.ISO_8859_1);
            }
        }
    }

    private void update(String sql, String id) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql.replace("?", "?::uuid"))) {
            s.setString(1, id);
            s.executeUpdate();
        }
    }

    private static String aNumber() {
        return "A" + (100_000_000 + ThreadLocalRandom.current().nextInt(800_000_000));
    }
}
