package org.clinicflow.intake.filing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The filing date's lower bound against the clinic's own calendar: a case registered and filed
 * in a Chicago evening (after midnight UTC) is filed "today" in Chicago, which is yesterday in UTC.
 * Found by the browser walk failing when CI ran at 01:55 UTC.
 */
class FilingDatesTest {

    @Test
    void anEveningFilingInChicagoIsNotBeforeItsRegistration() {
        Instant registered = Instant.parse("2026-12-01T01:55:00Z");
        LocalDate chicagoToday = LocalDate.ofInstant(registered, ZoneId.of("America/Chicago"));
        assertEquals(LocalDate.parse("2026-11-30"), chicagoToday, "7:55 PM on Nov 30 in Chicago");
        assertFalse(chicagoToday.isBefore(FilingService.registeredOnAtTheEarliest(registered)), "Chicago's date is accepted");
        LocalDate honoluluToday = LocalDate.ofInstant(registered, ZoneId.of("Pacific/Honolulu"));
        assertFalse(honoluluToday.isBefore(FilingService.registeredOnAtTheEarliest(registered)), "so is Honolulu's");
    }

    @Test
    void aDateBeforeRegistrationEverywhereIsStillRefused() {
        Instant registered = Instant.parse("2026-12-01T15:00:00Z");
        assertTrue(LocalDate.parse("2026-11-30").isBefore(FilingService.registeredOnAtTheEarliest(registered)),
                "at 3 PM UTC it is Dec 1 from UTC-12 to UTC+14");
    }
}
