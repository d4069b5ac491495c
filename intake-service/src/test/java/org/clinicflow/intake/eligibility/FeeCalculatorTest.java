package org.clinicflow.intake.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.clinicflow.intake.eligibility.ApplicantFacts.FeeWaiverBasis;
import org.clinicflow.intake.eligibility.ApplicantFacts.FilingMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fees keyed to the filing date, from the domain guide: $520 paper / $470 online from
 * 2024-04-01 (waivable with an I-912); from 2025-08-21 a further non-waivable $550 (initial)
 * or $275 (renewal).
 */
class FeeCalculatorTest {

    private static final EligibilityEngine ENGINE = new EligibilityEngine(RuleBook.bundled());

    static Stream<Arguments> fees() {
        LocalDate before2024 = LocalDate.of(2024, 3, 31);
        LocalDate rule2024 = LocalDate.of(2024, 4, 1);
        LocalDate dayBeforeStatute = LocalDate.of(2025, 8, 20);
        LocalDate statute = LocalDate.of(2025, 8, 21);
        return Stream.of(
                Arguments.of("before the 2024 rule nothing is on file", before2024, false, FilingMethod.PAPER, FeeWaiverBasis.NONE, 0, 0),
                Arguments.of("2024 paper", rule2024, false, FilingMethod.PAPER, FeeWaiverBasis.NONE, 520, 520),
                Arguments.of("2024 online", rule2024, false, FilingMethod.ONLINE, FeeWaiverBasis.NONE, 470, 470),
                Arguments.of("2024 paper with a waiver", rule2024, false, FilingMethod.PAPER, FeeWaiverBasis.MEANS_TESTED_BENEFIT, 520, 0),
                Arguments.of("day before the statutory fee", dayBeforeStatute, false, FilingMethod.PAPER, FeeWaiverBasis.NONE, 520, 520),
                Arguments.of("initial after 2025-08-21", statute, false, FilingMethod.PAPER, FeeWaiverBasis.NONE, 1070, 1070),
                Arguments.of("initial after 2025-08-21, waiver: statutory fee stays", statute, false, FilingMethod.PAPER,
                        FeeWaiverBasis.FINANCIAL_HARDSHIP, 1070, 550),
                Arguments.of("renewal after 2025-08-21, online", statute, true, FilingMethod.ONLINE, FeeWaiverBasis.NONE, 745, 745),
                Arguments.of("renewal after 2025-08-21, waiver", statute, true, FilingMethod.PAPER,
                        FeeWaiverBasis.INCOME_AT_OR_BELOW_150_PERCENT_FPG, 795, 275));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fees")
    void feesOwedOnTheFilingDate(String name, LocalDate date, boolean renewal, FilingMethod method, FeeWaiverBasis waiver,
            int total, int owed) {
        for (Category category : Category.values()) {
            ApplicantFacts facts = new ApplicantFacts(category, LocalDate.of(2023, 1, 1), null, 0, null,
                    date.plusYears(1), null, "VE", renewal, waiver, method);
            EligibilityDecision.Fees fees = ENGINE.decide(facts, date).fees();
            assertEquals(total, fees.totalUsd(), name + " " + category);
            assertEquals(owed, fees.owedUsd(), name + " " + category);
        }
    }
}
