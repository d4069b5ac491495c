package org.clinicflow.intake.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.clinicflow.intake.eligibility.ApplicantFacts.FeeWaiverBasis;
import org.clinicflow.intake.eligibility.ApplicantFacts.FilingMethod;
import org.clinicflow.intake.eligibility.EligibilityDecision.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule book shipped with the service, evaluated case by case. Each row names the rule of
 * the domain guide it pins; a change of policy that breaks a row must come with a new rule row.
 */
class EligibilityEngineTest {

    private static final EligibilityEngine ENGINE = new EligibilityEngine(RuleBook.bundled());
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    static Stream<Arguments> cases() {
        return Stream.of(
                // (c)(8): no earlier than 150 days after the I-589 was received.
                Arguments.of("c8 day 149 is too early", c8(TODAY.minusDays(149), null, 0), Status.NOT_YET, TODAY.plusDays(1)),
                Arguments.of("c8 day 150 may file", c8(TODAY.minusDays(150), null, 0), Status.ELIGIBLE, TODAY),
                // Days of delay the applicant caused do not count.
                Arguments.of("c8 stopped clock adds days", c8(TODAY.minusDays(160), null, 20), Status.NOT_YET, TODAY.plusDays(10)),
                // EOIR cases: the clock may start at the lodged date.
                Arguments.of("c8 clock from the lodged date", c8(TODAY.minusDays(10), TODAY.minusDays(200), 0), Status.ELIGIBLE,
                        TODAY.minusDays(50)),
                Arguments.of("c8 without a filing date is undetermined", c8(null, null, 0), Status.UNDETERMINED, null),
                // (c)(11): immediately while parole lasts.
                Arguments.of("c11 with parole in effect", c11(TODAY.plusMonths(6), "u4u"), Status.ELIGIBLE, TODAY),
                Arguments.of("c11 after parole ended", c11(TODAY.minusDays(1), "u4u"), Status.INELIGIBLE, null),
                Arguments.of("c11 without a parole end date", c11(null, null), Status.UNDETERMINED, null),
                // Terminations: CHNV (June 2025) and CBP One (April 2025) cases go on hold.
                Arguments.of("c11 CHNV parolee is on hold", c11(TODAY.plusMonths(6), "chnv"), Status.ON_HOLD, TODAY),
                Arguments.of("c11 CBP One parolee is on hold", c11(TODAY.plusMonths(6), "cbp-one"), Status.ON_HOLD, TODAY),
                // TPS: Venezuela's 2023 designation ended in April 2025.
                Arguments.of("TPS Venezuela 2023 has ended", tps("VE"), Status.INELIGIBLE, null),
                Arguments.of("TPS country without a designation on file", tps("HT"), Status.UNDETERMINED, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String name, ApplicantFacts facts, Status status, LocalDate earliest) {
        EligibilityDecision decision = ENGINE.decide(facts, TODAY);
        assertEquals(status, decision.status(), () -> name + ": " + decision.reasons());
        assertEquals(status == Status.ELIGIBLE, decision.eligibleNow());
        assertEquals(earliest, decision.earliestFilingDate(), name);
        assertFalse(decision.ruleIds().isEmpty(), "every decision names its rules");
        if (status != Status.ELIGIBLE) {
            assertFalse(decision.reasons().isEmpty(), "a caseworker is told why");
        }
    }

    @Test
    void asylumGrantNotBeforeDay180AndTheOneYearDeadlineIsReported() {
        LocalDate filed = TODAY.minusDays(10);
        ApplicantFacts facts = new ApplicantFacts(Category.C8, filed, null, 0, LocalDate.of(2026, 3, 1), null, null, null,
                false, FeeWaiverBasis.NONE, FilingMethod.PAPER);
        EligibilityDecision decision = ENGINE.decide(facts, TODAY);
        assertEquals(filed.plusDays(180), decision.earliestGrantDate());
        assertEquals(LocalDate.of(2027, 3, 1), decision.asylumFilingDeadline());
    }

    @Test
    void lateAsylumFilingIsFlaggedButDoesNotStopTheClock() {
        ApplicantFacts facts = new ApplicantFacts(Category.C8, LocalDate.of(2026, 1, 10), null, 0, LocalDate.of(2024, 6, 1),
                null, null, null, false, null, null);
        EligibilityDecision decision = ENGINE.decide(facts, TODAY);
        assertEquals(Status.ELIGIBLE, decision.status());
        assertTrue(decision.reasons().stream().anyMatch(r -> r.contains("one-year deadline")), decision.reasons()::toString);
    }

    @Test
    void paroleCapsTheWorkPermitsValidity() {
        LocalDate end = TODAY.plusMonths(4);
        assertEquals(end, ENGINE.decide(c11(end, null), TODAY).validUntil());
    }

    static ApplicantFacts c8(LocalDate filed, LocalDate lodged, int stopped) {
        return new ApplicantFacts(Category.C8, filed, lodged, stopped, null, null, null, null, false, null, null);
    }

    static ApplicantFacts c11(LocalDate paroleEnd, String program) {
        return new ApplicantFacts(Category.C11, null, null, 0, null, paroleEnd, program, null, false, null, null);
    }

    static ApplicantFacts tps(String country) {
        return new ApplicantFacts(Category.A12, null, null, 0, null, null, null, country, false, null, null);
    }
}
