package org.clinicflow.portal.i18n;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.Locale;

/**
 * The language of the portal's own text for this request: the {@code lang} cookie the user set
 * with the switch in the header, else the browser's Accept-Language, else English. Spanish and
 * English are available; any other language falls back to English.
 */
@RequestScoped
public class Locales {

    public static final List<String> AVAILABLE = List.of("en", "es");

    private final HttpServerRequest request;

    Locales(HttpServerRequest request) {
        this.request = request;
    }

    public Locale current() {
        Cookie chosen = request.getCookie("lang");
        if (chosen != null && AVAILABLE.contains(chosen.getValue())) {
            return Locale.forLanguageTag(chosen.getValue());
        }
        String accept = request.getHeader("Accept-Language");
        if (accept != null) {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(accept)) {
                String language = range.getRange().split("-")[0];
                if (AVAILABLE.contains(language)) {
                    return Locale.forLanguageTag(language);
                }
            }
        }
        return Locale.ENGLISH;
    }
}
