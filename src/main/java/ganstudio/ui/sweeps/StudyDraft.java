package ganstudio.ui.sweeps;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.internal.LazilyParsedNumber;

import ganstudio.config.Presets;
import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.sweep.SweepPlan;
import ganstudio.sweep.SweepSpec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A new study as the "New study…" dialog holds it: the setup it starts from (a preset and the form's edits to
 * it), the keys to vary with their values as typed, the seeds and the name. It becomes a sweep file in the
 * format the CLI reads ({@link SweepSpec}): the preset, the form's edits as "set", the varied keys as "grid".
 *
 * @param task gan or classifier: which setup it came from
 * @param preset the preset picked in that setup
 * @param setup the config the setup's form describes
 * @param axes the keys to vary, each with its values as typed
 */
record StudyDraft(String task, String preset, RunConfig setup, String name, List<Axis> axes, int seeds) {

    /** One key to vary and its values as typed ("nsgan, wgan"). */
    record Axis(String key, String values) {}

    /** The sweep file and its expanded, validated plan; or why there is none. */
    record Checked(JsonObject spec, SweepPlan plan, String problem) {

        boolean ok() {
            return problem == null;
        }
    }

    /** Keys the sweep sets per task itself, never copied from the form. */
    private static final Set<String> PER_TASK = Set.of("name", "seed");
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");
    /** Where the messages of the sweep file's own checks say they come from. */
    static final String SOURCE = "the study";

    StudyDraft {
        axes = List.copyOf(axes);
    }

    /** Each axis checked on its own (the values against the schema), in order. */
    List<StudyValues.Parsed> parsedAxes() {
        List<StudyValues.Parsed> out = new ArrayList<>();
        for (Axis a : axes) {
            out.add(StudyValues.parse(a.key(), a.values()));
        }
        return out;
    }

    /** The first problem of the typed keys and values (a key twice included), or null. */
    String axesProblem() {
        List<String> keys = new ArrayList<>();
        List<StudyValues.Parsed> parsed = parsedAxes();
        for (int i = 0; i < axes.size(); i++) {
            if (!parsed.get(i).ok()) {
                return parsed.get(i).problem();
            }
            String key = axes.get(i).key().strip();
            if (keys.contains(key)) {
                return key + " is varied twice; give all its values in one row";
            }
            keys.add(key);
        }
        if (seeds < 1 || seeds > SweepSpec.MAX_TASKS) {
            return "seeds: give 1 to " + SweepSpec.MAX_TASKS;
        }
        return null;
    }

    /** Variants x seeds, as far as the typed values go; 0 while an axis has a problem. */
    long taskCount() {
        if (axesProblem() != null) {
            return 0;
        }
        long n = seeds;
        for (StudyValues.Parsed p : parsedAxes()) {
            n *= p.values().size();
        }
        return n;
    }

    /** "3 values × 2 values × 5 seeds = 30 tasks". */
    String taskCountText() {
        if (axesProblem() != null) {
            return "—";
        }
        List<String> parts = new ArrayList<>();
        for (StudyValues.Parsed p : parsedAxes()) {
            parts.add(p.values().size() + (p.values().size() == 1 ? " value" : " values"));
        }
        parts.add(seeds + (seeds == 1 ? " seed" : " seeds"));
        long n = taskCount();
        return String.join(" × ", parts) + " = " + n + (n == 1 ? " task" : " tasks");
    }

    /**
     * The sweep file: the preset, what the form changed against it as "set" (less the varied keys), the grid and
     * the seeds.
     *
     * @param presetConfig the preset as its file says, to tell the form's edits from it
     */
    JsonObject spec(RunConfig presetConfig) {
        JsonObject o = new JsonObject();
        o.addProperty("name", name.strip());
        Map<String, Object> edits = new LinkedHashMap<>(setup.differencesFrom(presetConfig));
        PER_TASK.forEach(edits::remove);
        JsonObject grid = new JsonObject();
        List<StudyValues.Parsed> parsed = parsedAxes();
        for (int i = 0; i < axes.size(); i++) {
            String key = axes.get(i).key().strip();
            edits.remove(key);
            JsonArray values = new JsonArray();
            parsed.get(i).values().forEach(v -> values.add(typed(v)));
            grid.add(key, values);
        }
        o.addProperty("description", "from the studio's " + ("classifier".equals(task) ? "Classifier" : "GAN")
                + " setup: " + preset + (edits.isEmpty() ? "" : " with " + edits.size()
                + (edits.size() == 1 ? " setting" : " settings") + " changed"));
        JsonArray presets = new JsonArray();
        presets.add(preset);
        o.add("presets", presets);
        o.add("grid", grid);
        o.addProperty("seeds", seeds);
        JsonObject set = new JsonObject();
        edits.forEach((k, v) -> set.add(k, v instanceof Number n ? number(n)
                : v instanceof Boolean b ? new JsonPrimitive(b) : new JsonPrimitive(String.valueOf(v))));
        o.add("set", set);
        return o;
    }

    /** A config number as a person writes it: 0.0002, not Java's 2.0E-4. */
    static JsonPrimitive number(Number n) {
        String plain = n instanceof Double d ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString()
                : String.valueOf(n);
        return new JsonPrimitive(new LazilyParsedNumber(plain));
    }

    /**
     * A typed value as JSON: a number or true/false as such, anything else as text. A number keeps the form it was
     * typed in (1e-4 stays 1e-4: Gson writes a LazilyParsedNumber as its text), as the sweep file keeps it.
     */
    static JsonPrimitive typed(String v) {
        if (JSON_NUMBER.matcher(v).matches()) {
            return new JsonPrimitive(new LazilyParsedNumber(v));
        }
        if (v.equals("true") || v.equals("false")) {
            return new JsonPrimitive(Boolean.parseBoolean(v));
        }
        return new JsonPrimitive(v);
    }

    static String pretty(JsonObject spec) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
    }

    /**
     * The check the CLI makes of a sweep file, on this draft: the file's own rules, then every task's config
     * expanded and validated; the first problem names the task and the key. Reads the preset's file: call it off
     * the FX thread.
     */
    Checked check(Presets presets) {
        String problem = axesProblem();
        if (problem != null) {
            return new Checked(null, null, problem);
        }
        if (preset == null || preset.isBlank()) {
            return new Checked(null, null, "pick a preset in the setup first: a study varies a preset's settings");
        }
        try {
            JsonObject spec = spec(presets.load(preset));
            SweepSpec parsed = SweepSpec.parse(pretty(spec), SOURCE);
            return new Checked(spec, SweepPlan.expand(parsed, presets, spec), null);
        } catch (UserError e) {
            return new Checked(null, null, e.getMessage());
        }
    }
}
