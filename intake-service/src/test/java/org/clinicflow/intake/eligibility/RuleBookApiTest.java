package org.clinicflow.intake.eligibility;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clinicflow.intake.applicant.Registrations;
import org.clinicflow.testing.RealInfrastructure;
import org.clinicflow.testing.Rows;
import org.clinicflow.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The rule book as data a supervisor keeps current: a new fee row is previewed (exactly the
 * open cases whose fee, status or earliest date it changes, here of one site) and added over the
 * API; it changes the fee of a case that will be filed after its date and not of one filed
 * before; a later row supersedes it without editing it; a bad row is refused field by field;
 * every addition is audited and the table refuses edits.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(OidcWiremockTestResource.class)
class RuleBookApiTest {

    @Inject
    AgroalDataSource db;

    @Test
    void aNewFeeRuleIsPreviewedAddedAndSupersededAndChangesOnlyCasesFiledAfterItsDate() {
        LocalDate today = LocalDate.now();
        String site = "rules-" + Long.toString(System.nanoTime(), 36);
        // Filed 10 days ago: may file on day 150, after the new rule's date. The parolee files today, before it.
        String later = register(site, "c8", Map.of("asylumFiledOn", today.minusDays(10).toString()));
        String now = register(site, "c11", Map.of("paroleEndDate", today.plusYears(1).toString()));
        String id = "test-surcharge-" + Long.toString(System.nanoTime(), 36);
        Map<String, Object> rule = fee(id, today.plusDays(130), 100, null);

        given().auth().oauth2(TestTokens.supervisor()).contentType(ContentType.JSON).body(rule).queryParam("siteId", site)
                .when().post("/api/eligibility/rules/preview").then().statusCode(200)
                .body("changedCount", equalTo(1))
                .body("reviewed", equalTo(2))
                .body("changed.applicantId", equalTo(List.of(later)))
                .body("changed[0].before.owedUsd", equalTo(560))
                .body("changed[0].after.owedUsd", equalTo(660));
        owed(later, 560);

        given().auth().oauth2(TestTokens.supervisor()).contentType(ContentType.JSON).body(rule)
                .when().post("/api/eligibility/rules").then().statusCode(201)
                .body("rule.id", equalTo(id));
        owed(later, 660).body("eligibility.fees.lines.ruleId", hasItem(id));
        owed(now, 1080).body("eligibility.fees.lines.ruleId", not(hasItem(id)));
        given().auth().oauth2(TestTokens.caseworker()).get("/api/eligibility/rules").then().statusCode(200)
                .body("rules.id", hasItems(id, "ead-statutory-fee-fy2026-initial"));

        // A successor from day 140 ends it there: the c8 case (filing on day 150) now owes the successor's amount.
        String successor = id + "-v2";
        given().auth().oauth2(TestTokens.supervisor()).contentType(ContentType.JSON).body(fee(successor, today.plusDays(140), 200, id))
                .when().post("/api/eligibility/rules").then().statusCode(201);
        owed(later, 760).body("eligibility.fees.lines.ruleId", not(hasItem(id)));
        given().auth().oauth2(TestTokens.caseworker()).get("/api/eligibility/rules/" + id).then().statusCode(200)
                .body("effectiveTo", equalTo(today.plusDays(140).toString()));
        // A row is superseded once.
        given().auth().oauth2(TestTokens.supervisor()).contentType(ContentType.JSON).body(fee(id + "-v3", today.plusDays(145), 300, id))
                .when().post("/api/eligibility/rules").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("supersedes"));

        assertEquals(2, Rows.count(db, "SELECT count(*) FROM audit_entry WHERE action = 'add-rule' AND detail LIKE ?", id + "%"));
        assertThrows(Exception.class, () -> Rows.execute(db, "UPDATE eligibility_rule SET body = body WHERE id = ?", id),
                "rows are never edited");
    }

    @Test
    void aBadRuleIsRefusedFieldByFieldAndOnlyASupervisorAddsOne() {
        Map<String, Object> bad = new HashMap<>(Map.of("id", "i765-base-fee-2024", "kind", "fee", "categories", List.of("c99"),
                "filings", List.of("initial"), "paperUsd", -5, "waivable", false, "description", "x"));
        given().auth().oauth2(TestTokens.supervisor()).contentType(ContentType.JSON).body(bad)
                .when().post("/api/eligibility/rules").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("id", "categories", "effectiveFrom", "source", "paperUsd", "onlineUsd"));
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON)
                .body(fee("caseworker-rule-" + System.nanoTime(), LocalDate.now().plusDays(1), 1, null))
                .when().post("/api/eligibility/rules").then().statusCode(403);
    }

    private static Map<String, Object> fee(String id, LocalDate from, int usd, String supersedes) {
        Map<String, Object> rule = new HashMap<>(Map.of("id", id, "kind", "fee", "categories", List.of("c8", "c11"),
                "filings", List.of("initial"), "effectiveFrom", from.toString(), "effectiveTo", from.plusDays(30).toString(),
                "paperUsd", usd, "onlineUsd", usd, "waivable", false, "description", "Test surcharge"));
        rule.put("source", "A test notice, 2026-11-30: a surcharge to prove fee rows are data");
        if (supersedes != null) {
            rule.put("supersedes", supersedes);
        }
        return rule;
    }

    private static ValidatableResponse owed(String id, int usd) {
        return given().auth().oauth2(TestTokens.supervisor()).get("/api/applicants/" + id).then().statusCode(200)
                .body("eligibility.fees.owedUsd", equalTo(usd));
    }

    private static String register(String site, String category, Map<String, Object> facts) {
        Map<String, Object> body = Registrations.with("category", category);
        body.put("siteId", site);
        body.remove("paroleProgram");
        body.remove("paroleEndDate");
        body.putAll(facts);
        return given().auth().oauth2(TestTokens.supervisor()).contentType(ContentType.JSON).body(body)
                .when().post("/api/applicants").then().statusCode(201).extract().path("id");
    }
}
