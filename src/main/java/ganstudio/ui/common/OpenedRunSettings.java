package ganstudio.ui.common;

import com.google.gson.JsonObject;

import ganstudio.config.RunConfig;
import ganstudio.runs.RunDirectory;

import java.nio.file.Path;

/**
 * What the setup shows of an opened run: the settings it trains with, the preset it started from ("" when none),
 * and how far it got against its length (steps for a GAN, epochs for a classifier), which decides whether it can
 * be resumed. Read off the FX thread.
 */
public record OpenedRunSettings(RunConfig config, String preset, String status, double done, double length,
        String unit) {

    public static OpenedRunSettings read(Path dir) {
        RunDirectory run = RunDirectory.open(dir);
        RunConfig config = run.readConfig();
        JsonObject info = run.readRunInfo();
        JsonObject summary = run.readSummary();
        String preset = info.has("preset") && info.get("preset").isJsonPrimitive() ? info.get("preset").getAsString()
                : "";
        boolean classifier = "classifier".equals(config.getString(ganstudio.config.ConfigSchema.TASK));
        String key = classifier ? "epochs" : "steps";
        double done = summary.has(key) && summary.get(key).isJsonPrimitive() ? summary.get(key).getAsDouble() : 0;
        double length = classifier ? config.getInt("cls.epochs") : config.getInt(ganstudio.config.ConfigSchema.STEPS);
        String status = summary.has("status") && summary.get("status").isJsonPrimitive()
                ? summary.get("status").getAsString() : "no summary";
        return new OpenedRunSettings(config, preset, status, done, length, classifier ? "epochs" : "steps");
    }

    /** Why it cannot be resumed in this window, or null when it can. */
    public String resumeProblem(boolean windowTrains, Path dir) {
        if (windowTrains) {
            return "A run is training in this window; stop it first";
        }
        if ("running".equals(status)) {
            return "It is being trained now (its summary says running)";
        }
        if (done >= length) {
            return String.format(java.util.Locale.ROOT, "It has trained all its %s %s; `train --resume %s %s N` "
                    + "trains it longer", length == Math.rint(length) ? Long.toString((long) length) : length, unit,
                    dir, "epochs".equals(unit) ? "--epochs" : "--steps");
        }
        return null;
    }
}
