package org.clinicflow.portal.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.clinicflow.portal.api.Planning;

/**
 * The planning page's chart, drawn on the server as SVG so it reads without JavaScript and
 * prints: for each clinic day of the plan, the seats needed stacked by language, beside the seats
 * the published sessions still have free (an outlined bar). Colours are fixed per language and
 * the chart carries a title and a description for screen readers; the same numbers are in the
 * table under it. Hand-written SVG because it is a few rectangles and a library would need
 * JavaScript. Tested by {@code PlanChartsTest} and in the browser by {@code PortalBrowserTest}.
 */
public final class PlanCharts {

    static final Map<String, String> COLOURS = Map.of("es", "#1b6ca8", "ht", "#c2410c", "fr", "#6d28d9", "pt", "#047857",
            "en", "#4b5563", "unknown", "#9ca3af");
    private static final int HEIGHT = 220;
    private static final int BAR = 14;
    private static final int GAP = 10;
    private static final int LEFT = 40;
    private static final int TOP = 10;

    private PlanCharts() {
    }

    /** One day: seats needed by language, and free seats in the published sessions. */
    public record Day(String date, Map<String, Integer> needed, int free) {
    }

    /** The days of a plan (seats needed per language) with the backlog's sessions' free seats. */
    public static List<Day> days(Planning.Plan plan, List<Planning.SessionDay> sessions) {
        List<Day> days = new ArrayList<>();
        Map<String, Integer> free = new LinkedHashMap<>();
        for (Planning.SessionDay s : sessions) {
            free.merge(s.date().toString(), s.free(), Integer::sum);
        }
        for (Planning.PlanDay day : plan.days()) {
            Map<String, Integer> needed = new LinkedHashMap<>();
            for (Planning.LanguageDay l : day.languages()) {
                needed.put(l.language(), l.seats());
            }
            String date = day.date().toString();
            days.add(new Day(date, needed, free.getOrDefault(date, 0)));
        }
        return days;
    }

    /** The SVG: stacked bars of seats needed per language, an outlined bar of free seats, a legend. */
    public static String svg(List<Day> days, String title, String description) {
        int max = 1;
        TreeSet<String> languages = new TreeSet<>();
        for (Day d : days) {
            max = Math.max(max, Math.max(d.free(), d.needed().values().stream().mapToInt(Integer::intValue).sum()));
            languages.addAll(d.needed().keySet());
        }
        int width = LEFT + days.size() * (2 * BAR + GAP) + 20;
        double scale = (HEIGHT - 30.0) / max;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"chart-title chart-desc\""
                + " viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" class=\"chart\" data-testid=\"plan-chart\">", width, HEIGHT + 40, width,
                HEIGHT + 40));
        svg.append("<title id=\"chart-title\">").append(escape(title)).append("</title>");
        svg.append("<desc id=\"chart-desc\">").append(escape(description)).append("</desc>");
        int base = TOP + HEIGHT - 30;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#111\"/>", LEFT, base, width - 10, base));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">%d</text>", LEFT - 4, TOP + 8, max));
        for (int i = 0; i < days.size(); i++) {
            Day d = days.get(i);
            int x = LEFT + 6 + i * (2 * BAR + GAP);
            double y = base;
            for (String language : languages) {
                int n = d.needed().getOrDefault(language, 0);
                if (n == 0) {
                    continue;
                }
                double h = n * scale;
                y -= h;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %d</title></rect>",
                        x, y, BAR, h, COLOURS.getOrDefault(language, "#9ca3af"), escape(d.date()), escape(language), n));
            }
            double free = d.free() * scale;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"none\" stroke=\"#111\""
                    + " stroke-dasharray=\"3 2\"><title>%s free: %d</title></rect>", x + BAR + 1, base - free, BAR - 2, free, escape(d.date()),
                    d.free()));
            if (days.size() <= 31) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"9\" transform=\"rotate(60 %d %d)\">%s</text>",
                        x, base + 10, x, base + 10, escape(d.date().substring(5))));
            }
        }
        int lx = LEFT;
        for (String language : languages) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>",
                    lx, HEIGHT + 28, COLOURS.getOrDefault(language, "#9ca3af"), lx + 14, HEIGHT + 37, escape(language)));
            lx += 60;
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
