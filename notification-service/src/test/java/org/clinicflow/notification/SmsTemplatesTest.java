package org.clinicflow.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.clinicflow.notification.template.SmsSegments;
import org.clinicflow.notification.template.SmsTemplates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every SMS in every language renders completely, stays within its segment budget with long
 * site names and addresses, and never reveals the case (a deny-list of the asylum form, asylum
 * words and categories in five languages, checked on every text and every document name);
 * segment counting follows GSM-7 and UCS-2.
 */
class SmsTemplatesTest {

    private static final SmsTemplates TEMPLATES = new SmsTemplates();
    private static final List<String> DOCUMENTS = List.of("travel-document", "i589-receipt", "i94-parole", "parole-document",
            "nationality-evidence", "prior-ead", "photo-id", "photos", "translations", "fee-waiver-evidence", "g28");

    static Stream<Arguments> everyMessage() {
        return SmsTemplates.LANGUAGES.stream().flatMap(l -> SmsTemplates.MESSAGES.stream().map(m -> Arguments.of(l, m)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyMessage")
    void rendersCompletelyWithinBudgetAndDiscreetly(String language, String key) {
        Map<String, String> values = new HashMap<>();
        values.put("sender", "Chicago Work Permit Clinic");
        values.put("date", TEMPLATES.date(language, LocalDate.of(2026, 12, 3)));
        values.put("time", TEMPLATES.time(language, LocalTime.of(9, 30)));
        values.put("site", "South Loop Clinic, Community Center");
        values.put("address", "1234 S Michigan Ave, Chicago, IL 60605");
        values.put("document", TEMPLATES.document(language, "fee-waiver-evidence"));
        values.put("receipt", "IOE0912345678");
        values.put("helpPhone", "+1 312 555 0100");
        String text = TEMPLATES.render(language, key, values);
        assertFalse(text.contains("{") || text.contains("}"), "unfilled placeholder: " + text);
        int segments = SmsSegments.count(text);
        assertTrue(segments <= SmsTemplates.SEGMENT_BUDGET, language + " " + key + " takes " + segments + " parts: " + text);
        assertDiscreet(text);
        assertTrue(text.startsWith("Chicago Work Permit Clinic"), "the sender identifies itself");
    }

    static Stream<Arguments> everyDocumentInEveryLanguage() {
        return SmsTemplates.LANGUAGES.stream().flatMap(l -> DOCUMENTS.stream().map(d -> Arguments.of(l, d)));
    }

    /**
     * The text a shared shelter phone shows when a document was rejected names the document in
     * neutral words: never the asylum form (8 CFR 208.6), an asylum word or a category.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyDocumentInEveryLanguage")
    void aRejectedDocumentIsNamedWithoutRevealingTheCase(String language, String document) {
        String text = TEMPLATES.render(language, "document-rejected", Map.of("sender", "Chicago Work Permit Clinic",
                "document", TEMPLATES.document(language, document)));
        assertDiscreet(text);
    }

    /** Words that reveal an asylum claim or an eligibility category, in the five languages. */
    private static final List<String> DENIED = List.of("i-589", "i589", "589", "asylum", "asilo", "asile", "azil", "azile",
            "c8", "(c)(8)", "c)(8", "c11", "(c)(11)", "a12", "(a)(12)", "c19", "(c)(19)", "parole", "parolee", "refugee",
            "refugiado", "réfugié", "refijye", "refugiado", "tps", "temporary protected");

    private static void assertDiscreet(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String word : DENIED) {
            assertFalse(lower.contains(word), "an SMS must not reveal the case (\"" + word + "\"): " + text);
        }
    }

    @Test
    void everyLanguageHasEveryTextAndEveryDocument() {
        for (String language : SmsTemplates.LANGUAGES) {
            assertEquals(TEMPLATES.keys("en"), TEMPLATES.keys(language), language + " has exactly English's keys");
            for (String document : DOCUMENTS) {
                assertFalse(TEMPLATES.document(language, document).isBlank());
            }
        }
    }

    @Test
    void aMissingValueIsAnErrorNotAGarbledSms() {
        assertThrows(IllegalArgumentException.class, () -> TEMPLATES.render("es", "visit-completed", Map.of("sender", "X")));
        assertThrows(IllegalArgumentException.class, () -> TEMPLATES.render("es", "no-such-message", Map.of()));
    }

    @Test
    void datesAndTimesAreWrittenTheLanguagesWay() {
        LocalDate date = LocalDate.of(2026, 12, 3);
        assertEquals("Thu Dec 3", TEMPLATES.date("en", date));
        assertEquals("9:30 AM", TEMPLATES.time("en", LocalTime.of(9, 30)));
        assertEquals("09:30", TEMPLATES.time("es", LocalTime.of(9, 30)));
        assertEquals("3/12/2026", TEMPLATES.date("ht", date));
    }

    @Test
    void segmentsFollowGsm7AndUcs2() {
        assertEquals(1, SmsSegments.count("a".repeat(160)));
        assertEquals(2, SmsSegments.count("a".repeat(161)));
        assertEquals(2, SmsSegments.count("a".repeat(306)));
        assertEquals(3, SmsSegments.count("a".repeat(307)));
        assertEquals(1, SmsSegments.count("€".repeat(80)), "extension characters take two septets");
        assertEquals(2, SmsSegments.count("€".repeat(81)));
        assertTrue(SmsSegments.isGsm7("Señor, ¿mañana? à é"), "ñ, ¿, à and é are GSM-7");
        assertFalse(SmsSegments.isGsm7("mañana á las"), "á is not");
        assertEquals(1, SmsSegments.count("á".repeat(70)));
        assertEquals(2, SmsSegments.count("á".repeat(71)));
        assertTrue(SmsSegments.isGsm7("Randevou ou demen: pote dokiman yo, mèsi"), "Haitian Creole's è and ò are GSM-7");
        assertEquals(2, SmsSegments.count("ã".repeat(134)));
        assertEquals(3, SmsSegments.count("ã".repeat(135)));
    }
}
