package org.clinicflow.intake.applicant;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Registration bodies for tests: valid by default, unique per call (names and phones differ). */
public final class Registrations {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private Registrations() {
    }

    /** A valid (c)(11) registration at the caseworker's site, as JSON fields. */
    public static Map<String, Object> valid() {
        int n = SEQ.incrementAndGet();
        Map<String, Object> body = new HashMap<>();
        body.put("givenName", "María" + letters(n));
        body.put("familyName", "González");
        body.put("dateOfBirth", "1990-04-12");
        body.put("countryOfCitizenship", "VE");
        body.put("preferredLanguage", "es");
        body.put("phone", String.format("(312) 555-%04d", n % 10000));
        body.put("smsConsent", true);
        body.put("siteId", "chicago-south");
        body.put("category", "c11");
        body.put("paroleEndDate", LocalDate.now().plusMonths(8).toString());
        body.put("paroleProgram", "u4u");
        return body;
    }

    public static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = valid();
        body.put(field, value);
        return body;
    }

    /** A distinct letters-only suffix, since names are matched on letters. */
    static String letters(int n) {
        StringBuilder s = new StringBuilder();
        do {
            s.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return s.toString();
    }
}
