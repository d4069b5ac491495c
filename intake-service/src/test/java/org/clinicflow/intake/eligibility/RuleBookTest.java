package org.clinicflow.intake.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.clinicflow.intake.eligibility.ApplicantFacts.FeeWaiverBasis;
import org.clinicflow.intake.eligibility.ApplicantFacts.FilingMethod;
import org.junit.jupiter.api.Test;

/**
 * Supersession without editing: a row that supersedes another ends it on its own effective
 * date, so filings before that date keep the old amount and filings from it pay the new one;
 * the superseded row is still in the book, with both dates visible. The FY2026 amounts are the
 * Federal Register's (FR Doc 2025-20622); the successor is a made-up FY2027 row.
 */
class RuleBookTest {

    private static final ApplicantFacts PAROLEE = new ApplicantFacts(Category.C11, null, null, 0, null,
            LocalDate.parse("2028-12-31"), null, null, false, FeeWaiverBasis.NONE, FilingMethod.PAPER);

    @Test
    void aSuccessorEndsTheRowItSupersedesOnItsOwnDate() {
        RuleBook book = RuleBook.bundled();
        Rule fy2026 = book.byId("ead-statutory-fee-fy2026-initial").orElseThrow();
        assertNull(fy2026.effectiveTo(), "in force until a successor comes");
        Rule fy2027 = new Rule("ead-statutory-fee-fy2027-initial", "fee", fy2026.categories(), LocalDate.parse("2027-01-01"), null,
                null, null, null, null, null, null, null, null, null, List.of("initial"), 575, 575, false,
                "Statutory EAD fee (initial), FY2027", "a test notice", fy2026.id());

        RuleBook next = book.with(fy2027, "test");
        assertEquals(LocalDate.parse("2027-01-01"), next.byId(fy2026.id()).orElseThrow().effectiveTo());
        assertEquals(book.rules().size() + 1, next.rules().size(), "the old row stays, ended");

        EligibilityEngine engine = new EligibilityEngine(next);
        assertEquals(520 + 560, engine.decide(PAROLEE, LocalDate.parse("2026-12-31")).fees().totalUsd());
        assertEquals(520 + 575, engine.decide(PAROLEE, LocalDate.parse("2027-01-01")).fees().totalUsd());
        assertEquals(520 + 560, new EligibilityEngine(book).decide(PAROLEE, LocalDate.parse("2027-01-01")).fees().totalUsd(),
                "the book it came from is unchanged");
    }

    @Test
    void aRowEndsAtTheEarlierOfItsOwnEndAndItsSuccessorsStart() {
        Rule fy2025 = RuleBook.bundled().byId("ead-statutory-fee-fy2025-initial").orElseThrow();
        assertEquals(LocalDate.parse("2026-01-01"), fy2025.endingOn(LocalDate.parse("2026-06-01")).effectiveTo());
        assertEquals(LocalDate.parse("2025-10-01"), fy2025.endingOn(LocalDate.parse("2025-10-01")).effectiveTo());
    }

    @Test
    void idsAreUniqueAndEveryBundledRowNamesItsSource() {
        assertTrue(RuleBook.bundled().rules().stream().allMatch(r -> r.source() != null && r.source().length() > 20));
        Rule any = RuleBook.bundled().rules().get(0);
        assertThrows(IllegalArgumentException.class, () -> new RuleBook("dup", List.of(any, any)));
    }
}
