package ganstudio.sweep;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import ganstudio.config.FolderNames;
import ganstudio.config.Json;
import ganstudio.config.UserError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sweep file as written by a user: presets, a grid of config values, seeds and settings common to every task,
 * e.g. {"name": "gan-vs-wgan", "presets": ["ring8-gan"], "grid": {"objective.kind": ["nsgan", "wgan"]},
 * "seeds": 2, "set": {"steps": 200}}. Values stay text here, in the form --set takes, so one parser (the config
 * schema's) reads them all; {@link SweepPlan#expand} checks them against each preset.
 *
 * @param variants explicit variants instead of (or besides) a grid: each a label and its settings; ablate makes
 *     "baseline" plus one per trick this way
 * @param published figures from the literature the report sets beside the sweep's own (passed through as is)
 * @param taskMinutes a wall-clock budget per task (0: none): a task that reaches it stops, is evaluated on the
 *     weights it has, and counts as done
 * @param source the file's JSON as written, which sweep.json keeps beside the expanded plan
 */
public record SweepSpec(String name, String description, List<String> presets, Map<String, List<String>> grid,
        List<Variant> variants, List<Long> seeds, Map<String, String> set, JsonElement published,
        double taskMinutes, JsonObject source) {

    /** A hand-named variant: settings applied on top of the preset and the common settings. */
    public record Variant(String label, Map<String, String> settings) {}

    /** More tasks than one sweep should queue; a typo such as "seeds": 50000 is caught instead of submitted. */
    public static final int MAX_TASKS = 10_000;

    private static final Set<String> FIELDS = Set.of("name", "description", "presets", "preset", "grid", "variants",
            "seeds", "set", "published", "taskMinutes");

    public SweepSpec {
        presets = List.copyOf(presets);
        grid = Collections.unmodifiableMap(new LinkedHashMap<>(grid));
        variants = List.copyOf(variants);
        seeds = List.copyOf(seeds);
        set = Collections.unmodifiableMap(new LinkedHashMap<>(set));
    }

    public static SweepSpec read(Path file) {
        String text;
        try {
            if (Files.size(file) > 4 << 20) {
                throw new UserError(file + ": larger than 4 MB; a sweep file names presets and values, not data");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read the sweep file (" + e.getMessage() + ")");
        }
        return parse(text, file.toString());
    }

    /** Parses sweep JSON; every message starts with the source and names the field. */
    public static SweepSpec parse(String text, String source) {
        JsonElement root = Json.parse(text, source);
        if (!root.isJsonObject()) {
            throw new UserError(source + ": a sweep is a JSON object with name, presets, grid, seeds and set");
        }
        JsonObject o = root.getAsJsonObject();
        for (String k : o.keySet()) {
            if (!FIELDS.contains(k)) {
                throw new UserError(source + ": unknown field '" + k + "'; a sweep has " + String.join(", ",
                        List.of("name", "description", "presets", "grid", "variants", "seeds", "set", "published",
                        "taskMinutes")));
            }
        }
        String name = string(o, "name", source, null);
        if (name == null) {
            throw new UserError(source + ": \"name\" is missing; it names the sweep's folder, e.g. \"gan-vs-wgan\"");
        }
        FolderNames.of(name, source + ": name");
        String description = string(o, "description", source, "");
        List<String> presets = new ArrayList<>();
        if (o.has("preset") && o.has("presets")) {
            throw new UserError(source + ": give \"presets\" (a list) or \"preset\", not both");
        }
        JsonElement p = o.has("presets") ? o.get("presets") : o.get("preset");
        if (p == null) {
            throw new UserError(source + ": \"presets\" is missing: a list of preset names or files, e.g. [\"ring8-gan\"]");
        }
        for (JsonElement e : p.isJsonArray() ? p.getAsJsonArray() : single(p)) {
            presets.add(text(e, source + ": presets"));
        }
        if (presets.isEmpty()) {
            throw new UserError(source + ": \"presets\" is empty; name at least one preset");
        }
        Map<String, List<String>> grid = new LinkedHashMap<>();
        if (o.has("grid")) {
            JsonObject g = object(o.get("grid"), source + ": grid");
            for (Map.Entry<String, JsonElement> e : g.entrySet()) {
                List<String> values = new ArrayList<>();
                JsonElement v = e.getValue();
                for (JsonElement x : v.isJsonArray() ? v.getAsJsonArray() : single(v)) {
                    values.add(text(x, source + ": grid." + e.getKey()));
                }
                if (values.isEmpty()) {
                    throw new UserError(source + ": grid." + e.getKey() + " has no values; give at least one");
                }
                if (values.stream().distinct().count() < values.size()) {
                    throw new UserError(source + ": grid." + e.getKey() + " repeats a value: " + values);
                }
                if ("seed".equals(e.getKey())) {
                    throw new UserError(source + ": grid.seed: seeds go in \"seeds\" (a count or a list), which the "
                            + "report averages over");
                }
                grid.put(e.getKey(), values);
            }
        }
        List<Variant> variants = new ArrayList<>();
        if (o.has("variants")) {
            if (!o.get("variants").isJsonArray()) {
                throw new UserError(source + ": variants must be a list of {\"label\": ..., \"set\": {...}}");
            }
            for (JsonElement e : o.get("variants").getAsJsonArray()) {
                JsonObject v = object(e, source + ": variants[]");
                String label = string(v, "label", source + ": variants[]", null);
                if (label == null) {
                    throw new UserError(source + ": each of variants needs a \"label\"");
                }
                variants.add(new Variant(label, settings(v.get("set"), source + ": variants[" + label + "].set")));
            }
        }
        List<Long> seeds = seeds(o.get("seeds"), source);
        Map<String, String> set = settings(o.get("set"), source + ": set");
        if (set.containsKey("seed")) {
            throw new UserError(source + ": set.seed: seeds go in \"seeds\" (a count or a list)");
        }
        double taskMinutes = 0;
        if (o.has("taskMinutes")) {
            JsonElement t = o.get("taskMinutes");
            taskMinutes = t.isJsonPrimitive() && t.getAsJsonPrimitive().isNumber() ? t.getAsDouble() : -1;
            if (!(taskMinutes > 0 && taskMinutes < 1e7)) {
                throw new UserError(source + ": taskMinutes = " + t + "; give a positive number of minutes per task, "
                        + "or leave it out for no limit");
            }
        }
        SweepSpec spec = new SweepSpec(name, description, presets, grid, variants, seeds, set,
                o.has("published") ? o.get("published") : null, taskMinutes, o);
        if (spec.taskCount() > MAX_TASKS) {
            throw new UserError(source + ": " + spec.taskCount() + " tasks; a sweep holds at most " + MAX_TASKS
                    + " (split it or use fewer values or seeds)");
        }
        return spec;
    }

    /** Presets x grid combinations x explicit variants (or 1) x seeds. */
    public long taskCount() {
        long n = presets.size() * (long) Math.max(1, variants.size()) * seeds.size();
        for (List<String> v : grid.values()) {
            n *= v.size();
        }
        return n;
    }

    private static List<Long> seeds(JsonElement e, String source) {
        List<Long> seeds = new ArrayList<>();
        if (e == null) {
            seeds.add(1L);
            return seeds;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            long n = whole(e, source + ": seeds");
            if (n < 1 || n > MAX_TASKS) {
                throw new UserError(source + ": seeds = " + n + "; a count is 1-" + MAX_TASKS
                        + " (seeds 1..N), or give a list such as [3, 7, 11]");
            }
            for (long s = 1; s <= n; s++) {
                seeds.add(s);
            }
            return seeds;
        }
        if (!e.isJsonArray() || e.getAsJsonArray().isEmpty()) {
            throw new UserError(source + ": seeds must be a count (e.g. 5) or a non-empty list of seeds");
        }
        for (JsonElement x : e.getAsJsonArray()) {
            long s = whole(x, source + ": seeds");
            if (s < 0) {
                throw new UserError(source + ": seeds: " + s + " is negative; seeds are 0 or more");
            }
            if (seeds.contains(s)) {
                throw new UserError(source + ": seeds lists " + s + " twice");
            }
            seeds.add(s);
        }
        return seeds;
    }

    private static long whole(JsonElement e, String where) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            double d = e.getAsDouble();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return (long) d;
            }
        }
        throw new UserError(where + ": " + e + " is not a whole number");
    }

    private static Map<String, String> settings(JsonElement e, String where) {
        Map<String, String> m = new LinkedHashMap<>();
        if (e == null) {
            return m;
        }
        for (Map.Entry<String, JsonElement> kv : object(e, where).entrySet()) {
            m.put(kv.getKey(), text(kv.getValue(), where + "." + kv.getKey()));
        }
        return m;
    }

    private static JsonObject object(JsonElement e, String where) {
        if (e == null || !e.isJsonObject()) {
            throw new UserError(where + " must be a JSON object of key: value");
        }
        return e.getAsJsonObject();
    }

    private static JsonArray single(JsonElement e) {
        JsonArray a = new JsonArray();
        a.add(e);
        return a;
    }

    /** A value as the text --set takes: numbers keep their written form, so 1e-4 stays 1e-4. */
    private static String text(JsonElement e, String where) {
        if (e != null && e.isJsonPrimitive()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            return p.getAsString();
        }
        throw new UserError(where + ": " + e + " is not a value (a number, text or true/false)");
    }

    private static String string(JsonObject o, String key, String source, String fallback) {
        if (!o.has(key)) {
            return fallback;
        }
        JsonElement e = o.get(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new UserError(source + ": " + key + " must be text");
        }
        return e.getAsString();
    }
}
