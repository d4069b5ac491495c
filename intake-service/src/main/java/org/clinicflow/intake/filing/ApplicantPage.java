package org.clinicflow.intake.filing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.clinicflow.intake.eligibility.EligibilityDecision;

/**
 * The page of the packet the applicant keeps, in their language (en, es, ht, fr, pt; English
 * for any other): what was filed, the fee, what happens next, how to reach the clinic. The texts
 * live in {@code packet/applicant-page_*.properties} and say nothing that would reveal the
 * category or hold a personal number. Tested by {@code FilingApiTest} (each language, and a
 * deny-list of words).
 */
final class ApplicantPage {

    static final Set<String> LANGUAGES = Set.of("en", "es", "ht", "fr", "pt");
    private static final Map<String, Properties> TEXTS = new ConcurrentHashMap<>();

    /** The page's lines: a title, then paragraphs, in order. */
    record Page(String title, List<String> paragraphs, String nextTitle, List<String> next, List<String> closing) {
    }

    private ApplicantPage() {
    }

    static Page of(String language, LocalDate date, EligibilityDecision.Fees fees, String helpPhone) {
        Properties t = texts(LANGUAGES.contains(language) ? language : "en");
        String when = date.format(DateTimeFormatter.ofPattern("en".equals(language) ? "MM/dd/yyyy" : "dd/MM/yyyy"));
        String fee = fees.waiverClaimed() && fees.waivableUsd() > 0
                ? fill(t.getProperty("waiver"), Map.of("waivable", usd(fees.waivableUsd()), "owed", usd(fees.owedUsd())))
                : fill(t.getProperty("fee"), Map.of("amount", usd(fees.owedUsd())));
        return new Page(t.getProperty("title"), List.of(fill(t.getProperty("intro"), Map.of("date", when)), fee),
                t.getProperty("next.title"), List.of(t.getProperty("next.1"), t.getProperty("next.2"), t.getProperty("next.3")),
                List.of(t.getProperty("move"), fill(t.getProperty("contact"), Map.of("phone", helpPhone)), t.getProperty("keep")));
    }

    static String usd(int amount) {
        return String.format(java.util.Locale.US, "$%,d", amount);
    }

    private static String fill(String text, Map<String, String> values) {
        String out = text;
        for (Map.Entry<String, String> v : values.entrySet()) {
            out = out.replace("{" + v.getKey() + "}", v.getValue());
        }
        return out;
    }

    private static Properties texts(String language) {
        return TEXTS.computeIfAbsent(language, l -> {
            Properties p = new Properties();
            try (InputStream in = ApplicantPage.class.getResourceAsStream("/packet/applicant-page_" + l + ".properties")) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return p;
        });
    }
}
