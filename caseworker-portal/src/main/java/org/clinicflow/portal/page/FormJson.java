package org.clinicflow.portal.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the filing page's flat inputs ({@code mailingAddress.zipCode}, {@code otherNames[0].givenName})
 * into the nested JSON intake takes, and intake's answers back into flat values: the input names
 * are the field paths intake names in its errors, so each error lands next to its input. A group
 * left wholly empty is sent as absent; yes/no selects become booleans; document numbers left
 * empty are not sent (the number on file stays). Tested by {@code PortalBrowserTest}.
 */
final class FormJson {

    private FormJson() {
    }

    static Map<String, Object> nest(Map<String, String> typed, List<FilingPage.Group> groups) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (FilingPage.Group group : groups) {
            for (FilingPage.Input input : group.inputs()) {
                String value = typed.get(input.name());
                if (value == null) {
                    continue;
                }
                Object json = "yesno".equals(input.kind()) ? (Object) "yes".equals(value) : value;
                put(body, input.name(), json);
            }
        }
        return body;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> body, String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> node = body;
        for (int i = 0; i < parts.length - 1; i++) {
            String part = parts[i];
            if (part.endsWith("[0]")) {
                String list = part.substring(0, part.length() - 3);
                List<Object> items = (List<Object>) node.computeIfAbsent(list, k -> new ArrayList<>(List.of(new LinkedHashMap<String, Object>())));
                node = (Map<String, Object>) items.get(0);
            } else {
                node = (Map<String, Object>) node.computeIfAbsent(part, k -> new LinkedHashMap<String, Object>());
            }
        }
        node.put(parts[parts.length - 1], value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> flatten(Object answers, List<FilingPage.Group> groups) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!(answers instanceof Map<?, ?> root)) {
            return values;
        }
        for (FilingPage.Group group : groups) {
            for (FilingPage.Input input : group.inputs()) {
                Object node = root;
                for (String part : input.name().split("\\.")) {
                    if (part.endsWith("[0]")) {
                        Object list = node instanceof Map<?, ?> m ? m.get(part.substring(0, part.length() - 3)) : null;
                        node = list instanceof List<?> l && !l.isEmpty() ? l.get(0) : null;
                    } else {
                        node = node instanceof Map<?, ?> m ? ((Map<String, Object>) m).get(part) : null;
                    }
                }
                if (node instanceof Boolean b) {
                    values.put(input.name(), b ? "yes" : "no");
                } else if (node != null) {
                    values.put(input.name(), node.toString());
                }
            }
        }
        return values;
    }
}
