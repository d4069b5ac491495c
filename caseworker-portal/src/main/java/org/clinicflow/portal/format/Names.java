package org.clinicflow.portal.format;

import io.quarkus.qute.TemplateData;
import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Codes as people say them: an eligibility category by who it is for and its I-765 code
 * ("Parolee (c)(11)"), a language by its own name ("Kreyòl ayisyen", so an applicant can point at
 * it), a country by its name in the viewer's language (ISO 3166 codes are what intake stores).
 * An unknown code shows as itself. Tested by {@code LegibleTest}.
 */
@TemplateData
public final class Names {

    /** The category codes intake's rules know, with their I-765 codes; English and Spanish labels. */
    private static final Map<String, String[]> CATEGORIES = Map.of(
            "c8", new String[] { "Asylum applicant (c)(8)", "Solicitante de asilo (c)(8)" },
            "c11", new String[] { "Parolee (c)(11)", "Persona con parole (c)(11)" },
            "a12", new String[] { "TPS holder (a)(12)", "Beneficiario de TPS (a)(12)" },
            "c19", new String[] { "TPS applicant (c)(19)", "Solicitante de TPS (c)(19)" });

    /** Each language the SMS templates exist in, by its own name. */
    private static final Map<String, String> LANGUAGES = Map.of("es", "Español", "en", "English", "fr", "Français",
            "ht", "Kreyòl ayisyen", "pt", "Português");

    /** A country: its ISO code and its name in the viewer's language. */
    public record Country(String code, String name) {
    }

    private final Locale locale;

    public Names(Locale locale) {
        this.locale = locale;
    }

    public String category(String code) {
        String[] names = code == null ? null : CATEGORIES.get(code);
        if (names == null) {
            return code == null ? "" : code;
        }
        return "es".equals(locale.getLanguage()) ? names[1] : names[0];
    }

    public String language(String code) {
        return code == null ? "" : LANGUAGES.getOrDefault(code, code);
    }

    public String country(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = new Locale("", code).getDisplayCountry(locale);
        return name.isBlank() || name.equals(code) ? code : name;
    }

    /** Every ISO 3166 country, by name in the viewer's language, in that language's alphabetical order. */
    public List<Country> countries() {
        Collator order = Collator.getInstance(locale);
        return Arrays.stream(Locale.getISOCountries()).map(c -> new Country(c, country(c)))
                .sorted(Comparator.comparing(Country::name, order)).toList();
    }
}
