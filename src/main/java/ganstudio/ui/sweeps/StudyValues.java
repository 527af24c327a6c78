package ganstudio.ui.sweeps;

import ganstudio.config.ConfigKey;
import ganstudio.config.ConfigSchema;
import ganstudio.config.UserError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a person types for one key of a new study, "1e-4, 2e-4, 5e-4": split at commas and each checked
 * against the config schema as the user types, with the schema's own words, so the dialog and the CLI reject a
 * value alike. A value that holds a comma itself (tricks.diffAugment = color,translation) goes in double quotes.
 */
final class StudyValues {

    /**
     * @param values the values as typed (trimmed, quotes removed), in order
     * @param problem why they cannot be used, or null
     */
    record Parsed(List<String> values, String problem) {

        Parsed {
            values = List.copyOf(values);
        }

        boolean ok() {
            return problem == null;
        }
    }

    private StudyValues() {}

    static Parsed parse(String key, String text) {
        String k = key == null ? "" : key.strip();
        if (k.isEmpty()) {
            return bad("pick a key to vary");
        }
        ConfigKey<?> schemaKey;
        try {
            schemaKey = ConfigSchema.require(k);
        } catch (UserError e) {
            return bad(e.getMessage());
        }
        if (k.equals("seed")) {
            return bad("seeds are set below (Seeds), and the report averages over them");
        }
        if (k.equals("name") || k.equals("task")) {
            return bad(k + " cannot vary within a study");
        }
        List<String> values;
        try {
            values = split(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            return bad(e.getMessage());
        }
        if (values.isEmpty()) {
            return bad(k + ": type one or more values, separated by commas");
        }
        Map<Object, String> seen = new HashMap<>();
        for (String v : values) {
            if (v.isEmpty()) {
                return bad(k + ": an empty value between two commas");
            }
            Object typed;
            try {
                typed = schemaKey.coerce(v);
            } catch (UserError e) {
                return bad(e.getMessage());
            }
            String earlier = seen.putIfAbsent(typed, v);
            if (earlier != null) {
                return bad(k + ": " + (earlier.equals(v) ? v + " is given twice"
                        : earlier + " and " + v + " are the same value"));
            }
        }
        return new Parsed(values, null);
    }

    /** Splits at commas outside double quotes; trims each value and drops its quotes. */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text.isBlank()) {
            return out;
        }
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a value opens a double quote and does not close it");
        }
        out.add(cur.toString().strip());
        return out;
    }

    private static Parsed bad(String problem) {
        return new Parsed(List.of(), problem);
    }
}
