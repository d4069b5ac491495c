package org.clinicflow.portal.page;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts a roster file's people by language before it is imported, for the surge what-if: the
 * same CSV intake's roster import takes (UTF-8, a header naming the columns, quoted fields with
 * commas or doubled quotes allowed); only {@code preferredLanguage} is read, nothing is kept.
 * Hand-written because the portal reads one column and has no CSV library. Tested by
 * {@code RosterLanguagesTest}.
 */
public final class RosterLanguages {

    private RosterLanguages() {
    }

    /** People per language; a row without one counts as {@code unknown}. Empty when there is no such column. */
    public static Map<String, Integer> count(byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        Map<String, Integer> counts = new TreeMap<>();
        if (lines.isEmpty()) {
            return counts;
        }
        int column = fields(lines.get(0)).indexOf("preferredLanguage");
        if (column < 0) {
            return counts;
        }
        for (String line : lines.subList(1, lines.size())) {
            List<String> fields = fields(line);
            String language = column < fields.size() ? fields.get(column).trim().toLowerCase(Locale.ROOT) : "";
            counts.merge(language.isEmpty() ? "unknown" : language, 1, Integer::sum);
        }
        return counts;
    }

    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString().trim());
        return fields;
    }
}
