package org.clinicflow.portal.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The formatting rules, against times worked out by hand from the zone rules: Chicago is UTC-6
 * in winter and UTC-5 from 2 AM on the second Sunday of March (2026-03-08) to 2 AM on the first
 * Sunday of November (2026-11-01); the issue's own example "lun 30 nov, 09:00"; relative times
 * both ways in both languages; names of categories, languages and countries.
 */
class LegibleTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-30T14:40:00Z"), ZoneOffset.UTC);
    private static final Legible SPANISH = new Legible(CHICAGO, new Locale("es"), NOW);
    private static final Legible ENGLISH = new Legible(CHICAGO, Locale.ENGLISH, NOW);

    @Test
    void aTimeAtTheSiteInTheViewersLanguage() {
        assertEquals("lun 30 nov, 09:00", SPANISH.dateTime(Instant.parse("2026-11-30T15:00:00Z")));
        assertEquals("Mon, Nov 30, 9:00 AM", ENGLISH.dateTime(Instant.parse("2026-11-30T15:00:00Z")));
        assertEquals("Mon, Nov 30, 8:00 AM", ENGLISH.at(ZoneId.of("America/Denver")).dateTime(Instant.parse("2026-11-30T15:00:00Z")));
        assertEquals("1 dic 2026", SPANISH.date(LocalDate.of(2026, 12, 1)));
        assertEquals("Dec 1, 2026", ENGLISH.date(LocalDate.of(2026, 12, 1)));
        assertEquals("mar 1 dic", SPANISH.day(LocalDate.of(2026, 12, 1)));
        assertEquals("5:10 PM", ENGLISH.time(LocalTime.of(17, 10)));
        assertEquals("17:10", SPANISH.time(LocalTime.of(17, 10)));
        assertEquals("", ENGLISH.dateTime(null));
    }

    @Test
    void theDaysTheClocksChange() {
        // Spring forward: 2:00 CST becomes 3:00 CDT; 07:30Z and 08:30Z are an hour apart yet two hours apart on the wall.
        assertEquals("Sun, Mar 8, 1:30 AM", ENGLISH.dateTime(Instant.parse("2026-03-08T07:30:00Z")));
        assertEquals("Sun, Mar 8, 3:30 AM", ENGLISH.dateTime(Instant.parse("2026-03-08T08:30:00Z")));
        // Fall back: 1:30 happens twice, at 06:30Z (CDT) and 07:30Z (CST).
        assertEquals("Sun, Nov 1, 1:30 AM", ENGLISH.dateTime(Instant.parse("2026-11-01T06:30:00Z")));
        assertEquals("Sun, Nov 1, 1:30 AM", ENGLISH.dateTime(Instant.parse("2026-11-01T07:30:00Z")));
        assertEquals("dom 1 nov, 00:59", SPANISH.dateTime(Instant.parse("2026-11-01T05:59:00Z")));
    }

    @Test
    void relativeWhereItHelps() {
        assertEquals("in 20 min", ENGLISH.relative(Instant.parse("2026-11-30T15:00:00Z")));
        assertEquals("en 20 min", SPANISH.relative(Instant.parse("2026-11-30T15:00:00Z")));
        assertEquals("3 h ago", ENGLISH.relative(Instant.parse("2026-11-30T11:40:00Z")));
        assertEquals("hace 3 h", SPANISH.relative(Instant.parse("2026-11-30T11:40:00Z")));
        assertEquals("in 3 days", ENGLISH.relative(Instant.parse("2026-12-03T14:40:00Z")));
        assertEquals("now", ENGLISH.relative(Instant.parse("2026-11-30T14:40:30Z")));
        assertEquals("lun 30 nov, 09:00 (en 20 min)", SPANISH.dateTimeRelative(Instant.parse("2026-11-30T15:00:00Z")));
        assertEquals("Fri, Dec 11, 9:00 AM", ENGLISH.dateTimeRelative(Instant.parse("2026-12-11T15:00:00Z")));
        assertEquals(LocalDate.of(2026, 11, 30), ENGLISH.today());
        assertEquals(LocalDate.of(2026, 11, 29), new Legible(CHICAGO, Locale.ENGLISH,
                Clock.fixed(Instant.parse("2026-11-30T05:59:00Z"), ZoneOffset.UTC)).today(), "still the 29th in Chicago");
    }

    @Test
    void namesInsteadOfCodes() {
        Names english = new Names(Locale.ENGLISH);
        Names spanish = new Names(new Locale("es"));
        assertEquals("Parolee (c)(11)", english.category("c11"));
        assertEquals("Solicitante de asilo (c)(8)", spanish.category("c8"));
        assertEquals("x9", english.category("x9"), "an unknown code shows as itself");
        assertEquals("Kreyòl ayisyen", english.language("ht"));
        assertEquals("Português", spanish.language("pt"));
        assertEquals("Haití", spanish.country("HT"));
        assertEquals("Venezuela", english.country("VE"));
        assertTrue(spanish.countries().size() > 240, "every ISO 3166 country");
        assertTrue(spanish.countries().stream().anyMatch(c -> c.code().equals("HT") && c.name().equals("Haití")));
        assertEquals("Afganistán", spanish.countries().get(0).name(), "sorted by name in Spanish");
    }
}
