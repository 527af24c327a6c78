package ganstudio.config;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A complete, validated run configuration: every key of {@link ConfigSchema} with a value of its type.
 * Immutable; {@link #with} returns a changed copy. JSON nests keys by their dots ("optD.lr" is
 * {"optD": {"lr": ...}}).
 */
public final class RunConfig {

    /** Top-level JSON object a run directory adds to config.json; not part of the configuration. */
    public static final String RUN_INFO_KEY = "run";

    private static final Pattern DEVICE = Pattern.compile("auto|cpu|gpu(:\\d{1,2})?");

    private final Map<String, Object> values;

    private RunConfig(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** All defaults. */
    public static RunConfig defaults() {
        var map = new LinkedHashMap<String, Object>();
        for (ConfigKey<?> k : ConfigSchema.keys()) {
            map.put(k.getName(), k.getDefaultValue());
        }
        return new RunConfig(map);
    }

    /**
     * Parses a JSON config over the defaults.
     *
     * @param source the file or preset name, for messages
     * @throws UserError for malformed JSON, unknown keys and values out of range
     */
    public static RunConfig fromJson(String json, String source) {
        JsonElement root = Json.parse(json, source);
        if (!root.isJsonObject()) {
            throw new UserError(source + ": expected a JSON object at the top level");
        }
        var map = new LinkedHashMap<String, Object>();
        for (ConfigKey<?> k : ConfigSchema.keys()) {
            map.put(k.getName(), k.getDefaultValue());
        }
        try {
            flatten("", root.getAsJsonObject(), map);
        } catch (UserError e) {
            throw new UserError(source + ": " + e.getMessage());
        }
        RunConfig config = new RunConfig(map);
        config.validate(source);
        return config;
    }

    private static void flatten(String prefix, JsonObject obj, Map<String, Object> into) {
        for (Map.Entry<String, JsonElement> e : obj.entrySet()) {
            if (prefix.isEmpty() && RUN_INFO_KEY.equals(e.getKey())) {
                continue;
            }
            String key = prefix + e.getKey();
            JsonElement v = e.getValue();
            if (v.isJsonObject()) {
                flatten(key + ".", v.getAsJsonObject(), into);
            } else if (v.isJsonPrimitive()) {
                ConfigKey<?> schemaKey = ConfigSchema.require(key);
                JsonPrimitive p = v.getAsJsonPrimitive();
                into.put(key, schemaKey.coerce(p.isBoolean() ? (Object) p.getAsBoolean() : p.getAsString()));
            } else {
                throw new UserError(key + " must be a single value, not " + (v.isJsonNull() ? "null" : "a list"));
            }
        }
    }

    /** A copy with one key set from text, as given on the command line or in a form field. */
    public RunConfig with(String key, String text) {
        ConfigKey<?> k = ConfigSchema.require(key);
        var map = new LinkedHashMap<>(values);
        map.put(key, k.coerce(text));
        return new RunConfig(map);
    }

    /** A copy with one key set to an already typed value. */
    public RunConfig withValue(String key, Object value) {
        return with(key, String.valueOf(value));
    }

    /**
     * Checks rules that span several keys. Single values were checked when they were set.
     *
     * @throws UserError naming the keys and the fix
     */
    public RunConfig validate(String source) {
        String prefix = source == null || source.isEmpty() ? "" : source + ": ";
        try {
            FolderNames.of(getString("name"), "name"); // the run's folder is named after it
        } catch (UserError e) {
            throw new UserError(prefix + e.getMessage());
        }
        if (!DEVICE.matcher(getString("device")).matches()) {
            throw new UserError(prefix + "device = " + getString("device")
                    + " is not allowed: expected auto, cpu, gpu or gpu:N");
        }
        String kind = getString("data.kind");
        if (("idx".equals(kind) || "folder".equals(kind))
                && getString("data.path").isBlank()) {
            throw new UserError(prefix + "data.kind = " + kind + " needs data.path (a file or folder of the data)");
        }
        int size = getInt("data.imageSize");
        if (size != 0 && size != 28 && size != 32 && size != 64) {
            throw new UserError(prefix + "data.imageSize = " + size + " is not allowed: expected 0, 28, 32 or 64");
        }
        if (getInt("data.channels") == 2) {
            throw new UserError(prefix + "data.channels = 2 is not allowed: expected 0, 1 or 3");
        }
        String objective = getString("objective.kind");
        if (("wgan-gp".equals(objective) || "wgan-lp".equals(objective)) && "batch".equals(getString("model.dNorm"))) {
            throw new UserError(prefix + "model.dNorm = batch does not go with objective.kind = " + objective
                    + ": batch norm mixes samples and breaks the per-sample gradient penalty; use none, layer or "
                    + "group");
        }
        if ("wgan".equals(objective) && !"none".equals(getString("tricks.spectralNorm"))) {
            throw new UserError(prefix + "tricks.spectralNorm does not go with objective.kind = wgan: weight "
                    + "clipping and spectral normalization both bound the critic and fight each other; use wgan-gp, "
                    + "hinge or nsgan with it, or tricks.spectralNorm = none");
        }
        return this;
    }

    public boolean isTwoDimensional() {
        switch (getString("data.kind")) {
            case "ring8":
            case "grid25":
            case "ring":
            case "grid":
            case "spiral":
            case "swissroll":
                return true;
            default:
                return false;
        }
    }

    public Object get(String key) {
        ConfigSchema.require(key);
        return values.get(key);
    }

    public int getInt(String key) {
        return (Integer) get(key);
    }

    public long getLong(String key) {
        return (Long) get(key);
    }

    public double getDouble(String key) {
        return (Double) get(key);
    }

    public boolean getBool(String key) {
        return (Boolean) get(key);
    }

    public String getString(String key) {
        return (String) get(key);
    }

    public int getInt(ConfigKey<Integer> key) {
        return getInt(key.getName());
    }

    public long getLong(ConfigKey<Long> key) {
        return getLong(key.getName());
    }

    public double getDouble(ConfigKey<Double> key) {
        return getDouble(key.getName());
    }

    public boolean getBool(ConfigKey<Boolean> key) {
        return getBool(key.getName());
    }

    public String getString(ConfigKey<String> key) {
        return getString(key.getName());
    }

    public Map<String, Object> asMap() {
        return values;
    }

    /** The keys whose values differ between this and another config. */
    public Map<String, Object> differencesFrom(RunConfig other) {
        var diff = new LinkedHashMap<String, Object>();
        values.forEach((k, v) -> {
            if (!v.equals(other.values.get(k))) {
                diff.put(k, v);
            }
        });
        return diff;
    }

    /** Nested, pretty JSON with every key. */
    public JsonObject toJsonObject() {
        JsonObject root = new JsonObject();
        values.forEach((key, value) -> {
            JsonObject parent = root;
            String[] parts = key.split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                if (!parent.has(parts[i])) {
                    parent.add(parts[i], new JsonObject());
                }
                parent = parent.getAsJsonObject(parts[i]);
            }
            String leaf = parts[parts.length - 1];
            if (value instanceof Number) {
                parent.addProperty(leaf, (Number) value);
            } else if (value instanceof Boolean) {
                parent.addProperty(leaf, (Boolean) value);
            } else {
                parent.addProperty(leaf, String.valueOf(value));
            }
        });
        return root;
    }

    public String toJson() {
        return new GsonBuilder().setPrettyPrinting().create().toJson(toJsonObject());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunConfig && ((RunConfig) o).values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
