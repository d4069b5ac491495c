package org.clinicflow.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.clinicflow.portal.page.RosterLanguages;
import org.junit.jupiter.api.Test;

/** A roster file's people by language, as intake's import format writes them: quotes, commas in names, a BOM, a blank language. */
class RosterLanguagesTest {

    @Test
    void countsEachRowsPreferredLanguage() {
        String csv = "\uFEFFgivenName,familyName,preferredLanguage,siteId\n"
                + "Ana,\"Pérez, de la Cruz\",es,chicago-south\n"
                + "Jean,\"Baptiste \"\"Ti Jan\"\"\",HT,chicago-south\n"
                + "Marie,Joseph,ht,chicago-south\n"
                + "\n"
                + "Luis,Rojas,,chicago-south\n";
        assertEquals(Map.of("es", 1, "ht", 2, "unknown", 1), RosterLanguages.count(csv.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Map.of(), RosterLanguages.count("givenName,familyName\nAna,Pérez\n".getBytes(StandardCharsets.UTF_8)));
    }
}
