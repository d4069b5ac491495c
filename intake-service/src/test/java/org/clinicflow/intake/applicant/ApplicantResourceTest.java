package org.clinicflow.intake.applicant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.clinicflow.testing.RealInfrastructure;
import org.clinicflow.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The case API as caseworkers and supervisors use it, on the real database with real signed
 * tokens: roles, every field's validation, the duplicate rule, the masked A-number and its
 * audited reveal, corrections, search, site limits and the audit log.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(OidcWiremockTestResource.class)
class ApplicantResourceTest {

    @Test
    void anonymousIsRefusedAndAnAdminWithoutCaseworkerRoleIsForbidden() {
        given().contentType(ContentType.JSON).body(Registrations.valid()).when().post("/api/applicants").then().statusCode(401);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Registrations.valid())
                .when().post("/api/applicants").then().statusCode(403);
        given().auth().oauth2(TestTokens.caseworker()).when().get("/api/audit?applicant=" + java.util.UUID.randomUUID())
                .then().statusCode(403);
    }

    @Test
    void registersWithLocationMaskedANumberE164PhoneAndEligibility() {
        Map<String, Object> body = Registrations.with("aNumber", "A-123 456 789");
        Response created = register(TestTokens.caseworker(), body);
        created.then().statusCode(201)
                .header("Location", containsString("/api/applicants/"))
                .body("aNumber", equalTo("A-•••••6789"))
                .body("phone", startsWith("+1312555"))
                .body("stage", equalTo("registered"))
                .body("smsConsentRecordedBy", equalTo("caseworker"))
                .body("eligibility.status", equalTo("ELIGIBLE"))
                .body("eligibility.category", equalTo("c11"))
                // A parolee's initial paper filing on or after 2026-01-01: $520 (waivable) + $560 statutory (FR Doc 2025-20622).
                .body("eligibility.fees.totalUsd", equalTo(1080))
                .body("eligibility.fees.waivableUsd", equalTo(520));
        String location = created.header("Location");
        given().auth().oauth2(TestTokens.caseworker()).when().get(location).then().statusCode(200)
                .body("givenName", equalTo(body.get("givenName"))).body("aNumber", equalTo("A-•••••6789"))
                .body(not(containsString("123456789")));
    }

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                Arguments.of("givenName", ""), Arguments.of("familyName", null), Arguments.of("dateOfBirth", "2999-01-01"),
                Arguments.of("countryOfCitizenship", "Venezuela"), Arguments.of("preferredLanguage", "de"),
                Arguments.of("phone", "12"), Arguments.of("phoneRegion", "ZZ"), Arguments.of("smsConsent", null),
                Arguments.of("aNumber", "B1234"), Arguments.of("householdId", "family-1"), Arguments.of("siteId", "South Loop!"),
                Arguments.of("category", "c9"), Arguments.of("asylumFiledOn", "2999-01-01"),
                Arguments.of("tpsCountry", "XX"), Arguments.of("paroleProgram", "unknown"), Arguments.of("clockStoppedDays", -1));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidFields")
    void invalidFieldIsNamedInAProblem(String field, Object value) {
        register(TestTokens.caseworker(), Registrations.with(field, value)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
    }

    @Test
    void everyInvalidFieldIsReportedAtOnceAndUnreadableJsonToo() {
        Map<String, Object> body = Registrations.valid();
        body.put("givenName", "");
        body.put("category", "x");
        register(TestTokens.caseworker(), body).then().statusCode(400).body("errors.field", hasItems("givenName", "category"));
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body("{\"dateOfBirth\": \"not a date\"}")
                .when().post("/api/applicants").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("dateOfBirth"));
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body("{broken")
                .when().post("/api/applicants").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void sameANumberOrSameNameBirthDateAndPhoneIsADuplicatePointingAtTheCase() {
        Map<String, Object> first = Registrations.with("aNumber", "A987654321");
        String location = register(TestTokens.caseworker(), first).then().statusCode(201).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        Map<String, Object> sameANumber = Registrations.with("aNumber", "987654321");
        register(TestTokens.caseworker(), sameANumber).then().statusCode(409).contentType("application/problem+json")
                .body("existingApplicantId", equalTo(id)).body("rule", equalTo("same-a-number"))
                .body("existing", endsWith("/api/applicants/" + id));

        Map<String, Object> samePerson = Registrations.valid();
        samePerson.put("givenName", first.get("givenName"));
        samePerson.put("familyName", "GONZALEZ");
        samePerson.put("phone", first.get("phone"));
        register(TestTokens.caseworker(), samePerson).then().statusCode(409)
                .body("existingApplicantId", equalTo(id)).body("rule", equalTo("same-name-birth-date-phone"));
    }

    @Test
    void aDuplicateAtAnotherSiteIsRefusedWithoutNamingTheCase() {
        Map<String, Object> first = Registrations.with("aNumber", "A975318642");
        String location = register(TestTokens.caseworker(), first).then().statusCode(201).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        Map<String, Object> elsewhere = Registrations.with("aNumber", "A975318642");
        elsewhere.put("siteId", "denver-central");
        register(TestTokens.caseworkerAt("denver-central"), elsewhere).then().statusCode(409)
                .contentType("application/problem+json").body("rule", equalTo("same-a-number"))
                .body("existingApplicantId", nullValue()).body("existing", nullValue())
                .body(not(containsString(id)));
        // A supervisor sees every site, so the answer points them at the case.
        register(TestTokens.supervisor(), elsewhere).then().statusCode(409).body("existingApplicantId", equalTo(id));
    }

    @Test
    void correctionsAreValidatedAppliedAndAudited() {
        String location = register(TestTokens.caseworker(), Registrations.valid()).then().statusCode(201).extract().header("Location");
        given().auth().oauth2(TestTokens.caseworker()).contentType("application/merge-patch+json")
                .body(Map.of("preferredLanguage", "ht", "familyName", "Gonzales")).when().patch(location).then()
                .statusCode(200).body("preferredLanguage", equalTo("ht")).body("familyName", equalTo("Gonzales"));
        given().auth().oauth2(TestTokens.caseworker()).contentType("application/merge-patch+json")
                .body(Map.of("category", "zz")).when().patch(location).then().statusCode(400).body("errors.field", hasItem("category"));
        String id = location.substring(location.lastIndexOf('/') + 1);
        given().auth().oauth2(TestTokens.supervisor()).when().get("/api/audit?applicant=" + id).then().statusCode(200)
                .body("action", hasItems("register", "correct")).body("find { it.action == 'correct' }.detail",
                        containsString("preferredLanguage"))
                .body(not(containsString("Gonzales")));
    }

    @Test
    void caseworkersSeeTheirSiteOnlySupervisorsSeeAll() {
        String location = register(TestTokens.supervisor(), Registrations.with("siteId", "denver-central")).then()
                .statusCode(201).extract().header("Location");
        given().auth().oauth2(TestTokens.caseworker()).when().get(location).then().statusCode(404);
        given().auth().oauth2(TestTokens.caseworkerAt("denver-central")).when().get(location).then().statusCode(200);
        register(TestTokens.caseworker(), Registrations.with("siteId", "denver-central")).then().statusCode(400)
                .body("errors.field", hasItem("siteId"));
        given().auth().oauth2(TestTokens.caseworker()).when().get("/api/applicants?size=100").then().statusCode(200)
                .body("items.siteId", everyItem(equalTo("chicago-south")));
    }

    @Test
    void revealIsForSupervisorsAndAudited() {
        String location = register(TestTokens.caseworker(), Registrations.with("aNumber", "A01234567")).then()
                .statusCode(201).extract().header("Location");
        given().auth().oauth2(TestTokens.caseworker()).when().post(location + "/a-number/reveal").then().statusCode(403);
        given().auth().oauth2(TestTokens.supervisor()).when().post(location + "/a-number/reveal").then().statusCode(200)
                .body("aNumber", equalTo("A001234567"));
        String id = location.substring(location.lastIndexOf('/') + 1);
        given().auth().oauth2(TestTokens.supervisor()).when().get("/api/audit?applicant=" + id).then()
                .body("find { it.action == 'reveal-a-number' }.actor", equalTo("supervisor"));
    }

    @Test
    void searchByNamePrefixPhoneANumberSuffixAndFilters() {
        Map<String, Object> body = Registrations.with("aNumber", "A55554321");
        body.put("givenName", "Wilner");
        body.put("familyName", "Étienne" + Registrations.letters((int) (System.nanoTime() % 100000)));
        body.put("preferredLanguage", "ht");
        String location = register(TestTokens.caseworker(), body).then().statusCode(201).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        String phone = given().auth().oauth2(TestTokens.caseworker()).get(location).then().extract().path("phone");

        String familyPrefix = NameKeys.of((String) body.get("familyName")).substring(0, 8);
        search(Map.of("q", "wil " + familyPrefix)).body("items.id", hasItem(id));
        search(Map.of("q", "WILNER " + ((String) body.get("familyName")).substring(0, 8))).body("items.id", hasItem(id));
        search(Map.of("q", phone)).body("items.id", hasItem(id));
        search(Map.of("q", "4321")).body("items.id", hasItem(id));
        search(Map.of("q", "A-•••••4321")).body("items.id", hasItem(id));
        search(Map.of("language", "ht", "category", "c11", "stage", "registered")).body("items.id", hasItem(id));
        search(Map.of("language", "pt")).body("items.id", not(hasItem(id)));
        search(Map.of("size", 1)).body("items", hasSize(1)).body("hasMore", equalTo(true));
        given().auth().oauth2(TestTokens.caseworker()).when().get("/api/applicants?size=1000").then().statusCode(400)
                .body("errors.field", hasItem("size"));

        // A day's appointment list names its people in one call, by id.
        String other = register(TestTokens.caseworker(), Registrations.valid()).then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.caseworker()).queryParam("id", id, other).queryParam("size", 100)
                .when().get("/api/applicants").then().statusCode(200)
                .body("items.id", containsInAnyOrder(id, other)).body("hasMore", equalTo(false));
        given().auth().oauth2(TestTokens.caseworker()).queryParam("id", "not-an-id").when().get("/api/applicants").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("id"));

        // A household's members (the portal's family list), and nobody else's.
        String household = java.util.UUID.randomUUID().toString();
        Map<String, Object> parent = Registrations.valid();
        parent.put("householdId", household);
        Map<String, Object> child = Registrations.valid();
        child.put("householdId", household);
        String parentId = register(TestTokens.caseworker(), parent).then().statusCode(201).extract().path("id");
        String childId = register(TestTokens.caseworker(), child).then().statusCode(201).extract().path("id");
        search(Map.of("householdId", household)).body("items.id", containsInAnyOrder(parentId, childId));
        given().auth().oauth2(TestTokens.caseworker()).queryParam("householdId", "family").when().get("/api/applicants").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("householdId"));

        // Each case a search showed is on its audit trail: who saw it listed, not only who opened it.
        given().auth().oauth2(TestTokens.supervisor()).queryParam("applicant", other).when().get("/api/audit").then()
                .statusCode(200).body("action", hasItem("listed-in-search"));
    }

    @Test
    void pagingThroughASearchShowsEveryCaseOnceNewestFirst() {
        String household = UUID.randomUUID().toString();
        List<String> registered = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Map<String, Object> member = Registrations.valid();
            member.put("householdId", household);
            registered.add(register(TestTokens.caseworker(), member).then().statusCode(201).extract().path("id"));
        }
        List<String> seen = new ArrayList<>();
        List<Boolean> more = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonPath body = search(Map.of("householdId", household, "size", 3, "page", page))
                    .extract().jsonPath();
            seen.addAll(body.getList("items.id", String.class));
            more.add(body.getBoolean("hasMore"));
        }
        Collections.reverse(registered);
        assertThat(seen, equalTo(registered));
        assertThat(more, equalTo(List.of(true, true, false)));
        search(Map.of("householdId", household, "size", 3, "page", 3)).body("items", hasSize(0)).body("hasMore", equalTo(false));
        given().auth().oauth2(TestTokens.caseworker()).queryParam("page", 10_001).when().get("/api/applicants").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("page"));
    }

    @Test
    void withdrawalClosesTheCaseAndIsOnItsTimeline() {
        String location = register(TestTokens.caseworker(), Registrations.valid()).then().statusCode(201).extract().header("Location");
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(Map.of("reason", "moved"))
                .when().post(location + "/withdrawal").then().statusCode(200).body("stage", equalTo("withdrawn"));
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(Map.of("reason", "moved"))
                .when().post(location + "/withdrawal").then().statusCode(409);
        given().auth().oauth2(TestTokens.caseworker()).when().get(location + "/timeline").then().statusCode(200)
                .body("eventType", hasItems("clinic.intake.applicant-registered.v1",
                        "clinic.intake.contact-point-changed.v1", "clinic.intake.applicant-withdrawn.v1"))
                .body("actor", everyItem(notNullValue()));
    }

    @Test
    void eligibilityCanBeCheckedBeforeSaving() {
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON)
                .body(Map.of("category", "c8", "asylumFiledOn", java.time.LocalDate.now().minusDays(100).toString()))
                .when().post("/api/eligibility/check").then().statusCode(200)
                .body("status", equalTo("NOT_YET"))
                .body("earliestFilingDate", equalTo(java.time.LocalDate.now().plusDays(50).toString()));
    }

    @Test
    void unknownCaseIsAProblemNotAnError() {
        given().auth().oauth2(TestTokens.caseworker()).when().get("/api/applicants/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.caseworker()).when().get("/api/applicants/" + java.util.UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static Response register(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/api/applicants");
    }

    private static io.restassured.response.ValidatableResponse search(Map<String, ?> params) {
        return given().auth().oauth2(TestTokens.caseworker()).queryParams(params).when().get("/api/applicants").then()
                .statusCode(200);
    }

}
