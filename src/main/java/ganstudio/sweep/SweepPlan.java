package ganstudio.sweep;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import ganstudio.config.FolderNames;
import ganstudio.config.Json;
import ganstudio.config.Presets;
import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.tricks.Tricks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep expanded into tasks, each with its full, validated config: what sweep.json holds. A task runs from its
 * entry alone (no preset files needed on a cluster node), into its own folder under the sweep's.
 *
 * @param keys what varies between variants: the grid's keys, plus "preset" with several presets and "variant"
 *     with hand-named variants
 * @param source the sweep file as the user wrote it
 * @param taskMinutes each task's wall-clock budget (0: none); see {@link SweepSpec}
 */
public record SweepPlan(String name, String description, String created, List<String> keys, List<Variant> variants,
        List<SweepTask> tasks, JsonObject source, double taskMinutes) {

    public static final String FILE = "sweep.json";
    static final int FORMAT = 1;

    /** One combination of settings, run over every seed; the report's row. */
    public record Variant(int index, String label, String preset, Map<String, String> settings) {}

    public SweepPlan {
        keys = List.copyOf(keys);
        variants = List.copyOf(variants);
        tasks = List.copyOf(tasks);
    }

    /**
     * Every preset x grid combination x explicit variant x seed, each config validated; the first bad one ends
     * the expansion with a message naming the task and the key, before anything is written or started.
     */
    public static SweepPlan expand(SweepSpec spec, Presets presets, JsonObject source) {
        List<String> keys = new ArrayList<>();
        if (spec.presets().size() > 1) {
            keys.add("preset");
        }
        if (!spec.variants().isEmpty()) {
            keys.add("variant");
        }
        keys.addAll(spec.grid().keySet());
        List<Variant> variants = new ArrayList<>();
        List<SweepTask> tasks = new ArrayList<>();
        List<Map<String, String>> combos = combinations(spec.grid());
        List<SweepSpec.Variant> named = spec.variants().isEmpty()
                ? List.of(new SweepSpec.Variant("", Map.of())) : spec.variants();
        Map<String, RunConfig> loaded = new LinkedHashMap<>();
        for (String preset : spec.presets()) {
            RunConfig base = loaded.computeIfAbsent(preset, presets::load);
            for (SweepSpec.Variant nv : named) {
                for (Map<String, String> combo : combos) {
                    Map<String, String> settings = new LinkedHashMap<>(nv.settings());
                    settings.putAll(combo);
                    String label = label(spec.presets().size() > 1 ? preset : null, nv.label(), combo);
                    Variant v = new Variant(variants.size(), label, preset, settings);
                    variants.add(v);
                    for (long seed : spec.seeds()) {
                        tasks.add(task(spec, base, v, seed, tasks.size()));
                    }
                }
            }
        }
        return new SweepPlan(spec.name(), spec.description(), Instant.now().toString(), keys, variants, tasks,
                source, spec.taskMinutes());
    }

    private static SweepTask task(SweepSpec spec, RunConfig base, Variant v, long seed, int index) {
        String folder = String.format("%03d-%s-s%d", index, slug(v), seed);
        String where = "task " + index + " (" + v.preset() + (v.label().isEmpty() ? "" : ", " + v.label())
                + ", seed " + seed + ")";
        RunConfig c = base;
        try {
            for (Map.Entry<String, String> e : spec.set().entrySet()) {
                c = c.with(e.getKey(), e.getValue());
            }
            for (Map.Entry<String, String> e : v.settings().entrySet()) {
                c = c.with(e.getKey(), e.getValue());
            }
            c = Tricks.validate(c.withValue("seed", seed).with("name", folder.substring(4)), "");
        } catch (UserError e) {
            throw new UserError(spec.name() + ": " + where + ": " + e.getMessage());
        }
        return new SweepTask(index, v.index(), seed, "tasks/" + folder, v.preset(), c);
    }

    /** The cartesian product of the grid, first key slowest, in the file's order. */
    static List<Map<String, String>> combinations(Map<String, List<String>> grid) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> e : grid.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String value : e.getValue()) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(e.getKey(), value);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    private static String label(String preset, String named, Map<String, String> combo) {
        List<String> parts = new ArrayList<>();
        if (preset != null) {
            parts.add(preset);
        }
        if (!named.isEmpty()) {
            parts.add(named);
        }
        combo.forEach((k, val) -> parts.add(k + "=" + val));
        return String.join(", ", parts);
    }

    /** A folder-safe, bounded form of the variant: the preset, then its values. */
    private static String slug(Variant v) {
        StringBuilder b = new StringBuilder(v.preset().replaceAll(".*/", "").replaceAll("\\.json$", ""));
        if (!v.settings().isEmpty()) {
            b.append('-').append(String.join("-", v.settings().values()));
        }
        String s = FolderNames.of(b.toString(), "variant");
        return s.length() > 60 ? s.substring(0, 60) : s;
    }

    public SweepTask task(int index) {
        if (index < 0 || index >= tasks.size()) {
            throw new UserError("task " + index + " does not exist; this sweep has tasks 0-" + (tasks.size() - 1));
        }
        return tasks.get(index);
    }

    public Variant variant(SweepTask t) {
        return variants.get(t.variant());
    }

    public List<SweepTask> tasksOf(Variant v) {
        return tasks.stream().filter(t -> t.variant() == v.index()).toList();
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("name", name);
        o.addProperty("description", description);
        o.addProperty("created", created);
        if (taskMinutes > 0) {
            o.addProperty("taskMinutes", taskMinutes);
        }
        JsonArray k = new JsonArray();
        keys.forEach(k::add);
        o.add("keys", k);
        JsonArray vs = new JsonArray();
        for (Variant v : variants) {
            JsonObject j = new JsonObject();
            j.addProperty("index", v.index());
            j.addProperty("label", v.label());
            j.addProperty("preset", v.preset());
            JsonObject s = new JsonObject();
            v.settings().forEach(s::addProperty);
            j.add("settings", s);
            vs.add(j);
        }
        o.add("variants", vs);
        JsonArray ts = new JsonArray();
        for (SweepTask t : tasks) {
            JsonObject j = new JsonObject();
            j.addProperty("index", t.index());
            j.addProperty("variant", t.variant());
            j.addProperty("seed", t.seed());
            j.addProperty("folder", t.folder());
            j.addProperty("preset", t.preset());
            j.add("config", t.config().toJsonObject());
            ts.add(j);
        }
        o.add("tasks", ts);
        o.add("source", source == null ? new JsonObject() : source);
        return o;
    }

    /** Writes sweep.json into dir atomically (a reader never sees half a plan). */
    public void write(Path dir) {
        Path tmp = dir.resolve(FILE + ".tmp");
        try {
            Files.writeString(tmp, new GsonBuilder().setPrettyPrinting().create().toJson(toJson()),
                    StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserError(dir.resolve(FILE) + ": cannot write the sweep's plan (" + e.getMessage() + ")");
        }
    }

    /** Reads dir/sweep.json; every problem is one line naming the file. */
    public static SweepPlan read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new UserError(dir + ": not a sweep folder (no " + FILE + "); sweeps are made by `sweep FILE`");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read (" + e.getMessage() + ")");
        }
        try {
            JsonObject o = Json.parse(text, file.toString()).getAsJsonObject();
            if (o.get("format").getAsInt() != FORMAT) {
                throw new UserError(file + ": format " + o.get("format") + " is not one this version reads ("
                        + FORMAT + ")");
            }
            List<String> keys = new ArrayList<>();
            o.getAsJsonArray("keys").forEach(e -> keys.add(e.getAsString()));
            List<Variant> variants = new ArrayList<>();
            for (JsonElement e : o.getAsJsonArray("variants")) {
                JsonObject j = e.getAsJsonObject();
                Map<String, String> s = new LinkedHashMap<>();
                j.getAsJsonObject("settings").entrySet().forEach(kv -> s.put(kv.getKey(), kv.getValue().getAsString()));
                variants.add(new Variant(j.get("index").getAsInt(), j.get("label").getAsString(),
                        j.get("preset").getAsString(), s));
            }
            List<SweepTask> tasks = new ArrayList<>();
            for (JsonElement e : o.getAsJsonArray("tasks")) {
                JsonObject j = e.getAsJsonObject();
                int index = j.get("index").getAsInt();
                int variant = j.get("variant").getAsInt();
                String folder = j.get("folder").getAsString();
                if (index != tasks.size() || variant < 0 || variant >= variants.size()
                        || !folder.matches("tasks/[A-Za-z0-9._=-]+") || folder.contains("..")) {
                    throw new UserError(file + ": task " + tasks.size() + " is damaged (index, variant or folder)");
                }
                RunConfig c = RunConfig.fromJson(j.get("config").toString(), file + " task " + index);
                tasks.add(new SweepTask(index, variant, j.get("seed").getAsLong(), folder,
                        j.get("preset").getAsString(), c));
            }
            return new SweepPlan(o.get("name").getAsString(), o.get("description").getAsString(),
                    o.get("created").getAsString(), keys, variants, tasks, o.getAsJsonObject("source"),
                    o.has("taskMinutes") ? o.get("taskMinutes").getAsDouble() : 0);
        } catch (UserError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UserError(file + ": not a sweep plan this version can read (" + e.getMessage() + ")");
        }
    }
}
