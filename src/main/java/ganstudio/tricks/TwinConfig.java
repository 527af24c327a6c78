package ganstudio.tricks;

import ganstudio.config.ConfigSchema;
import ganstudio.config.Presets;
import ganstudio.config.RunConfig;
import ganstudio.config.UserError;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The other half of a paired experiment: a GAN run's WGAN (or WGAN-GP) twin, or a WGAN run's standard GAN twin.
 * The twin keeps the source's data, model, seed, batch size, steps and logging, so it draws the same batches in
 * the same order and saves frames at the same steps; its objective-specific settings (the objective, both
 * optimizers, the learning-rate schedule) come from the preset in models/ that trains the same data with the
 * twin's objective (ring8-gan's WGAN twin takes them from ring8-wgan). A source setting the twin's objective
 * refuses (label smoothing for a WGAN, batch norm in a WGAN-GP critic) is taken from that preset too.
 */
public final class TwinConfig {

    /** Keys set by the objective: what the twin takes from the matching preset. */
    static final List<String> OBJECTIVE_PREFIXES = List.of("objective.", "optG.", "optD.");
    static final Set<String> OBJECTIVE_KEYS = Set.of("lrDecay", "lrWarmup", "lrCycle");
    /** Labels, not settings: they follow the preset and are not listed as changes. */
    private static final Set<String> LABELS = Set.of("name", "description");

    /** One setting the twin changed. */
    public record Change(String key, Object from, Object to) {

        @Override
        public String toString() {
            return key + " " + from + " → " + to;
        }
    }

    /**
     * @param config the twin's validated config
     * @param preset the preset its objective-specific settings came from
     * @param changes every setting that differs from the source, in schema order
     */
    public record Twin(RunConfig config, String preset, List<Change> changes) {}

    private TwinConfig() {}

    /** The objective a twin gets unless told otherwise: WGAN for a standard GAN, nsgan for any WGAN. */
    public static String defaultObjective(String sourceObjective) {
        return sourceObjective.startsWith("wgan") ? "nsgan" : "wgan";
    }

    /** The twin of a source config with the given objective, its settings from the matching preset in presets. */
    public static Twin derive(RunConfig source, String sourcePreset, String objective, Presets presets) {
        String name = matchingPreset(presets, source, sourcePreset, objective);
        return derive(source, name, presets.load(name));
    }

    /** The twin of a source config whose objective-specific settings come from preset (named presetName). */
    public static Twin derive(RunConfig source, String presetName, RunConfig preset) {
        RunConfig twin = source;
        for (String key : source.asMap().keySet()) {
            if (isObjectiveKey(key) || LABELS.contains(key)) {
                twin = twin.withValue(key, preset.get(key));
            }
        }
        twin = withoutRefusedSettings(twin, preset);
        return new Twin(twin, presetName, changes(source, twin));
    }

    /** The settings (not the name or description) whose values differ from one config to another. */
    public static List<Change> changes(RunConfig from, RunConfig to) {
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, Object> e : to.differencesFrom(from).entrySet()) {
            if (!LABELS.contains(e.getKey())) {
                changes.add(new Change(e.getKey(), from.get(e.getKey()), e.getValue()));
            }
        }
        return List.copyOf(changes);
    }

    static boolean isObjectiveKey(String key) {
        return OBJECTIVE_KEYS.contains(key) || OBJECTIVE_PREFIXES.stream().anyMatch(key::startsWith);
    }

    /**
     * Validation names the key it refuses first in its message ("tricks.smoothReal needs objective.kind ...");
     * each refused key takes the preset's value until the twin validates. Asking validate keeps the rules in
     * one place.
     */
    private static RunConfig withoutRefusedSettings(RunConfig twin, RunConfig preset) {
        for (int tries = 0; ; tries++) {
            try {
                return Tricks.validate(twin, "");
            } catch (UserError e) {
                String msg = e.getMessage();
                String key = msg.split("[ =]", 2)[0];
                if (tries > 16 || ConfigSchema.find(key) == null || twin.get(key).equals(preset.get(key))) {
                    throw new UserError("the twin cannot keep the source's settings: " + msg);
                }
                twin = twin.withValue(key, preset.get(key));
            }
        }
    }

    /**
     * The GAN preset that trains the source's data kind with the objective; of several, the one whose name
     * shares the longest start with the source's preset (ring8-gan picks ring8-wgan over grid25-wgan).
     *
     * @throws UserError when models/ holds none
     */
    public static String matchingPreset(Presets presets, RunConfig source, String sourcePreset, String objective) {
        String dataKind = source.getString(ConfigSchema.DATA_KIND);
        String like = sourcePreset == null || sourcePreset.isEmpty() ? source.getString(ConfigSchema.NAME)
                : sourcePreset;
        List<String> matches = new ArrayList<>();
        java.util.Map<String, Long> tricksOn = new java.util.HashMap<>();
        for (String name : presets.names()) {
            try {
                RunConfig c = presets.load(name);
                if (!"classifier".equals(c.getString(ConfigSchema.TASK))
                        && objective.equals(c.getString(ConfigSchema.OBJECTIVE_KIND))
                        && dataKind.equals(c.getString(ConfigSchema.DATA_KIND))) {
                    matches.add(name);
                    tricksOn.put(name, Tricks.GAN.stream().filter(t -> t.isOn().test(c)).count());
                }
            } catch (UserError e) {
                // a broken preset file is not a match; the presets command reports it
            }
        }
        // Among equally close names the plain preset wins: a twin is the objective's baseline, not a tuned setting
        // such as ring8-best.
        return matches.stream()
                .max(Comparator.comparingInt((String n) -> commonStart(n, like))
                        .thenComparing((String n) -> -tricksOn.get(n)).thenComparing(Comparator.reverseOrder()))
                .orElseThrow(() -> new UserError("no preset in " + presets.getDir() + " trains data.kind = " + dataKind
                        + " with objective.kind = " + objective + "; save one from the GAN tab (Save as preset…) to "
                        + "pair with it"));
    }

    private static int commonStart(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }
}
