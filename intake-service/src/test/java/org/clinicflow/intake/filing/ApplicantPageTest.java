package org.clinicflow.intake.filing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.clinicflow.intake.eligibility.EligibilityDecision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The applicant's page in each of the five languages: in that language (not the English text),
 * with the fee and the clinic's number, and without a word that would reveal an asylum claim,
 * parole or a category, in any of the languages.
 */
class ApplicantPageTest {

    private static final List<String> DENIED = List.of("asylum", "asilo", "asile", "azil", "i-589", "(c)(", "(a)(", "parole",
            "libertad condicional", "refugi", "tps", "a-number", "número a");

    @ParameterizedTest
    @ValueSource(strings = { "en", "es", "ht", "fr", "pt" })
    void eachLanguageSaysWhatWasFiledTheFeeAndHowToReachTheClinicAndNothingMore(String language) {
        EligibilityDecision.Fees fees = new EligibilityDecision.Fees(List.of(), 1080, 520, true, 560);
        ApplicantPage.Page page = ApplicantPage.of(language, LocalDate.of(2026, 12, 1), fees, "+1 312 555 0100");
        String all = String.join("\n", page.title(), String.join("\n", page.paragraphs()), page.nextTitle(),
                String.join("\n", page.next()), String.join("\n", page.closing()));
        assertTrue(all.contains("I-765"), all);
        assertTrue(all.contains("$520") && all.contains("$560"), "the waived part and what is paid: " + all);
        assertTrue(all.contains("+1 312 555 0100"), all);
        assertFalse(all.contains("{"), "every placeholder filled: " + all);
        if (!language.equals("en")) {
            assertNotEquals(ApplicantPage.of("en", LocalDate.of(2026, 12, 1), fees, "x").title(), page.title(), "translated");
        }
        String lower = all.toLowerCase(Locale.ROOT);
        for (String word : DENIED) {
            assertFalse(lower.contains(word), language + " page says \"" + word + "\": " + all);
        }
    }
}
