package org.clinicflow.intake.eligibility;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.clinicflow.intake.applicant.Registrations;
import org.clinicflow.testing.RealInfrastructure;
import org.clinicflow.testing.TestTokens;
import org.clinicflow.web.time.ClinicClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The worked fee cases of issue 14, through the API a caseworker uses: {@code POST
 * /api/eligibility/check} for a filing dated 2026-12-01 (and the same (c)(11) filing dated
 * 2025-12-31), and on saved cases read on that day (the clinic clock moved to it). The expected
 * amounts are the Federal Register's (FR Doc 2025-20622 for FY2026, FR Doc 2025-13738 for
 * FY2025, the 2024 fee rule for the base fee), not the rule book's.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(OidcWiremockTestResource.class)
class EligibilityApiTest {

    @Inject
    ClinicClock clock;

    @AfterEach
    void realTime() {
        clock.setOffset(Duration.ZERO);
    }

    static Stream<Arguments> workedCases() {
        return Stream.of(
                // name, category, renewal, method, date, total, waivable
                Arguments.of("(c)(8) initial, paper", "c8", false, "PAPER", "2026-12-01", 560, 0),
                Arguments.of("(c)(11) initial, paper", "c11", false, "PAPER", "2026-12-01", 1080, 520),
                Arguments.of("(c)(11) initial, online", "c11", false, "ONLINE", "2026-12-01", 1030, 470),
                Arguments.of("(c)(11) renewal, paper", "c11", true, "PAPER", "2026-12-01", 800, 520),
                Arguments.of("(c)(8) renewal, paper", "c8", true, "PAPER", "2026-12-01", 795, 520),
                Arguments.of("(c)(11) initial, paper, dated 2025-12-31", "c11", false, "PAPER", "2025-12-31", 1070, 520));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workedCases")
    void theCheckAnswersTheWorkedCases(String name, String category, boolean renewal, String method, String date, int total,
            int waivable) {
        Map<String, Object> body = new HashMap<>(Map.of("category", category, "priorEad", renewal, "filingMethod", method,
                "filingDate", date));
        body.putAll(facts(category, LocalDate.parse(date)));
        given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(body)
                .when().post("/api/eligibility/check")
                .then().statusCode(200)
                .body("fees.totalUsd", equalTo(total))
                .body("fees.waivableUsd", equalTo(waivable))
                .body("fees.owedUsd", equalTo(total))
                .body("fees.lines.ruleId", hasSize(2)); // base fee (or its $0 exemption) and the statutory fee
    }

    @Test
    void aSavedCaseShowsTheFeesOfItsFilingDayWithEachLinesRule() {
        onDay(LocalDate.parse("2026-12-01"));
        String parolee = register("c11", Map.of("feeWaiverBasis", "MEANS_TESTED_BENEFIT"));
        given().auth().oauth2(TestTokens.caseworker()).get("/api/applicants/" + parolee).then().statusCode(200)
                .body("eligibility.status", equalTo("ELIGIBLE"))
                .body("eligibilityStatus", equalTo("eligible"))
                .body("eligibility.fees.totalUsd", equalTo(1080))
                .body("eligibility.fees.waivableUsd", equalTo(520))
                .body("eligibility.fees.owedUsd", equalTo(560))
                .body("eligibility.fees.lines.ruleId", hasItem("ead-statutory-fee-fy2026-initial"))
                .body("eligibility.fees.lines.ruleId", hasItem("i765-base-fee-2024"));

        String asylum = register("c8", Map.of("asylumFiledOn", "2026-05-01"));
        given().auth().oauth2(TestTokens.caseworker()).get("/api/applicants/" + asylum).then().statusCode(200)
                .body("eligibility.status", equalTo("ELIGIBLE"))
                .body("eligibility.fees.totalUsd", equalTo(560))
                .body("eligibility.fees.waivableUsd", equalTo(0));
    }

    @Test
    void aCaseThatMayNotFileYetIsShownTheFeesOwedOnItsEarliestFilingDate() {
        // Filed 2025-08-01: day 150 is 2025-12-29, when FY2025's $550 was due (FY2026's $560 begins 2026-01-01).
        onDay(LocalDate.parse("2025-09-01"));
        String asylum = register("c8", Map.of("asylumFiledOn", "2025-08-01"));
        given().auth().oauth2(TestTokens.caseworker()).get("/api/applicants/" + asylum).then().statusCode(200)
                .body("eligibility.status", equalTo("NOT_YET"))
                .body("eligibility.earliestFilingDate", equalTo("2025-12-29"))
                .body("eligibility.fees.totalUsd", equalTo(550));
    }

    private static Map<String, Object> facts(String category, LocalDate date) {
        return category.equals("c8") ? Map.of("asylumFiledOn", date.minusDays(200).toString())
                : Map.of("paroleEndDate", date.plusYears(1).toString());
    }

    private static String register(String category, Map<String, Object> facts) {
        Map<String, Object> body = Registrations.with("category", category);
        body.remove("paroleProgram");
        if (category.equals("c8")) {
            body.remove("paroleEndDate");
        }
        body.putAll(facts);
        return given().auth().oauth2(TestTokens.caseworker()).contentType(ContentType.JSON).body(body)
                .when().post("/api/applicants").then().statusCode(201).extract().path("id");
    }

    /** Moves the clinic clock so that today (in the system zone) is {@code day}, at noon. */
    private void onDay(LocalDate day) {
        clock.setOffset(Duration.between(Instant.now(), day.atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant()));
    }
}
