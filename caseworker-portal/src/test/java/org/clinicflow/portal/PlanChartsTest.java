package org.clinicflow.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinicflow.portal.page.PlanCharts;
import org.junit.jupiter.api.Test;

/**
 * The planning chart as a reader gets it: an SVG with a title and description, one stacked bar
 * segment per language and day whose heights are proportional to the seats (the tallest day
 * fills the 190-pixel plot), a dashed bar of free seats, a legend, and text escaped.
 */
class PlanChartsTest {

    @Test
    void barsAreProportionalToSeatsAndTheChartIsLabelled() {
        List<PlanCharts.Day> days = List.of(new PlanCharts.Day("2027-03-02", Map.of("es", 20, "ht", 10), 15),
                new PlanCharts.Day("2027-03-03", Map.of("es", 10), 0));
        String svg = PlanCharts.svg(days, "Seats <per day>", "Stacked & dashed");
        assertTrue(svg.startsWith("<svg"));
        assertTrue(svg.contains("<title id=\"chart-title\">Seats &lt;per day&gt;</title>"));
        assertTrue(svg.contains("<desc id=\"chart-desc\">Stacked &amp; dashed</desc>"));
        // The tallest day has 30 seats: the plot is 190 px high, so 20 seats are 126.7 px and 10 are 63.3 px.
        assertEquals("126.7", height(svg, "2027-03-02 es: 20"));
        assertEquals("63.3", height(svg, "2027-03-02 ht: 10"));
        assertEquals("63.3", height(svg, "2027-03-03 es: 10"));
        assertEquals("95.0", height(svg, "2027-03-02 free: 15"));
        assertFalse(svg.contains("2027-03-03 ht"), "no segment for a language a day does not need");
        assertTrue(svg.contains(">es</text>") && svg.contains(">ht</text>"), "a legend");
    }

    private static String height(String svg, String title) {
        Matcher m = Pattern.compile("height=\"([0-9.]+)\"[^>]*><title>" + Pattern.quote(title) + "</title>").matcher(svg);
        assertTrue(m.find(), "no bar titled " + title);
        return m.group(1);
    }
}
