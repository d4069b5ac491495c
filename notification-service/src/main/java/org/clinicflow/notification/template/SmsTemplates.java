package org.clinicflow.notification.template;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMS texts, one bundle per language ({@code sms/messages_<lang>.properties}, UTF-8), with
 * dates and times written the way each language writes them, in the site's time zone (the
 * caller converts). Rendering is strict: a missing key or a placeholder left unfilled is an
 * error, never a garbled SMS. Every template in every language is rendered and measured against
 * {@link #SEGMENT_BUDGET} by {@code SmsTemplatesTest}.
 */
@ApplicationScoped
public class SmsTemplates {

    public static final List<String> LANGUAGES = List.of("en", "es", "ht", "fr", "pt");
    public static final List<String> MESSAGES = List.of("appointment-booked", "appointment-rescheduled",
            "appointment-cancelled", "document-rejected", "visit-completed", "reminder-24h", "reminder-2h", "help", "contact-clinic",
            "case-approved", "card-mailed");
    /** At most this many billed parts for any message, with long site names and addresses. */
    public static final int SEGMENT_BUDGET = 3;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    private final Map<String, Properties> bundles = new LinkedHashMap<>();

    public SmsTemplates() {
        for (String language : LANGUAGES) {
            bundles.put(language, load(language));
        }
    }

    /** The language an applicant is written to: their own when supported, else English. */
    public String languageFor(String preferred) {
        return preferred != null && bundles.containsKey(preferred) ? preferred : "en";
    }

    public String render(String language, String key, Map<String, String> values) {
        String template = text(language, key);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for {" + m.group(1) + "} in " + key + " (" + language + ")");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The label of a document to bring, in the applicant's language. */
    public String document(String language, String type) {
        return text(language, "document." + type);
    }

    public String date(String language, LocalDate date) {
        return DateTimeFormatter.ofPattern(text(language, "format.date"), Locale.forLanguageTag(language)).format(date);
    }

    public String time(String language, LocalTime time) {
        return DateTimeFormatter.ofPattern(text(language, "format.time"), Locale.forLanguageTag(language)).format(time);
    }

    /** Every key of a language's bundle (for the completeness test). */
    public Set<String> keys(String language) {
        return bundles.get(language).stringPropertyNames();
    }

    private String text(String language, String key) {
        String text = bundles.get(languageFor(language)).getProperty(key);
        if (text == null) {
            throw new IllegalArgumentException("no SMS text " + key + " in " + language);
        }
        return text;
    }

    private static Properties load(String language) {
        String path = "sms/messages_" + language + ".properties";
        try (InputStream in = SmsTemplates.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
