package org.clinicflow.intake.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.clinicflow.intake.eligibility.ApplicantFacts.FeeWaiverBasis;
import org.clinicflow.intake.eligibility.ApplicantFacts.FilingMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fees keyed to the filing (postmark) date, each expected figure worked by hand from the primary
 * sources, not from the rule book: the I-765 fee of the 2024 fee rule ($520 paper, $470 online,
 * from 2024-04-01, waivable; none for the initial request of a pending asylum applicant), the
 * statutory EAD fee of HR-1 (FR Doc 2025-13738: $550 initial / $275 renewal, postmarked from
 * 2025-07-22, never waivable) and its FY2026 adjustment (FR Doc 2025-20622, postmarked from
 * 2026-01-01: $560 initial; $280 renewal for parolees and TPS; $275 renewal for asylum
 * applicants). The worked cases of the domain guide and of issue 14 are rows here.
 */
class FeeCalculatorTest {

    private static final EligibilityEngine ENGINE = new EligibilityEngine(RuleBook.bundled());
    private static final LocalDate DEC_1_2026 = LocalDate.of(2026, 12, 1);

    static Stream<Arguments> fees() {
        return Stream.of(
                // name, category, filing date, renewal, method, waiver, total, waivable, owed
                Arguments.of("(c)(8) initial, paper, 2026-12-01: statutory fee only", "c8", DEC_1_2026, false, FilingMethod.PAPER,
                        FeeWaiverBasis.NONE, 560, 0, 560),
                Arguments.of("(c)(11) initial, paper, 2026-12-01", "c11", DEC_1_2026, false, FilingMethod.PAPER, FeeWaiverBasis.NONE,
                        1080, 520, 1080),
                Arguments.of("(c)(11) initial, paper, 2026-12-01, fee waiver: the statutory fee stays", "c11", DEC_1_2026, false,
                        FilingMethod.PAPER, FeeWaiverBasis.MEANS_TESTED_BENEFIT, 1080, 520, 560),
                Arguments.of("(c)(11) initial, online, 2026-12-01", "c11", DEC_1_2026, false, FilingMethod.ONLINE, FeeWaiverBasis.NONE,
                        1030, 470, 1030),
                Arguments.of("(c)(11) renewal, paper, 2026-12-01", "c11", DEC_1_2026, true, FilingMethod.PAPER, FeeWaiverBasis.NONE,
                        800, 520, 800),
                Arguments.of("(c)(8) renewal, paper, 2026-12-01", "c8", DEC_1_2026, true, FilingMethod.PAPER, FeeWaiverBasis.NONE,
                        795, 520, 795),
                Arguments.of("(c)(8) renewal, paper, 2026-12-01, waiver", "c8", DEC_1_2026, true, FilingMethod.PAPER,
                        FeeWaiverBasis.INCOME_AT_OR_BELOW_150_PERCENT_FPG, 795, 520, 275),
                Arguments.of("(a)(12) initial, paper, 2026-12-01", "a12", DEC_1_2026, false, FilingMethod.PAPER, FeeWaiverBasis.NONE,
                        1080, 520, 1080),
                Arguments.of("(c)(19) renewal, online, 2026-12-01", "c19", DEC_1_2026, true, FilingMethod.ONLINE, FeeWaiverBasis.NONE,
                        750, 470, 750),
                Arguments.of("(c)(11) initial, paper, 2025-12-31: FY2025 amount", "c11", LocalDate.of(2025, 12, 31), false,
                        FilingMethod.PAPER, FeeWaiverBasis.NONE, 1070, 520, 1070),
                Arguments.of("(c)(11) renewal, paper, 2025-12-31: FY2025 amount", "c11", LocalDate.of(2025, 12, 31), true,
                        FilingMethod.PAPER, FeeWaiverBasis.NONE, 795, 520, 795),
                Arguments.of("(c)(11) initial, paper, 2026-01-01: FY2026 from its first day", "c11", LocalDate.of(2026, 1, 1), false,
                        FilingMethod.PAPER, FeeWaiverBasis.NONE, 1080, 520, 1080),
                Arguments.of("(c)(11) initial, paper, 2025-07-22: the statutory fee is due", "c11", LocalDate.of(2025, 7, 22), false,
                        FilingMethod.PAPER, FeeWaiverBasis.NONE, 1070, 520, 1070),
                Arguments.of("(c)(11) initial, paper, 2025-07-21: not yet", "c11", LocalDate.of(2025, 7, 21), false,
                        FilingMethod.PAPER, FeeWaiverBasis.NONE, 520, 520, 520),
                Arguments.of("(c)(8) initial, paper, 2024-04-01: exempt", "c8", LocalDate.of(2024, 4, 1), false, FilingMethod.PAPER,
                        FeeWaiverBasis.NONE, 0, 0, 0),
                Arguments.of("(c)(11) initial, online, 2024-04-01", "c11", LocalDate.of(2024, 4, 1), false, FilingMethod.ONLINE,
                        FeeWaiverBasis.NONE, 470, 470, 470),
                Arguments.of("before the 2024 rule nothing is on file", "c11", LocalDate.of(2024, 3, 31), false, FilingMethod.PAPER,
                        FeeWaiverBasis.NONE, 0, 0, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fees")
    void feesOwedOnTheFilingDate(String name, String category, LocalDate date, boolean renewal, FilingMethod method,
            FeeWaiverBasis waiver, int total, int waivable, int owed) {
        ApplicantFacts facts = new ApplicantFacts(Category.fromCode(category).orElseThrow(), LocalDate.of(2023, 1, 1), null, 0, null,
                date.plusYears(1), null, "VE", renewal, waiver, method);
        EligibilityDecision.Fees fees = ENGINE.decide(facts, date).fees();
        assertEquals(total, fees.totalUsd(), name);
        assertEquals(waivable, fees.waivableUsd(), name);
        assertEquals(owed, fees.owedUsd(), name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fees")
    void everyFeeLineNamesTheRuleThatProducedIt(String name, String category, LocalDate date, boolean renewal,
            FilingMethod method, FeeWaiverBasis waiver, int total, int waivable, int owed) {
        ApplicantFacts facts = new ApplicantFacts(Category.fromCode(category).orElseThrow(), LocalDate.of(2023, 1, 1), null, 0, null,
                date.plusYears(1), null, "VE", renewal, waiver, method);
        List<EligibilityDecision.FeeLine> lines = ENGINE.decide(facts, date).fees().lines();
        for (EligibilityDecision.FeeLine line : lines) {
            assertEquals(1, RuleBook.bundled().rules().stream().filter(r -> r.id().equals(line.ruleId())).count(), name);
        }
    }
}
