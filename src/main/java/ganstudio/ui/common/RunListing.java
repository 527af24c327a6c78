package ganstudio.ui.common;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import ganstudio.runs.RunDirectory;
import ganstudio.config.ConfigSchema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The rows of the runs panel, read from disk (off the FX thread: a folder can hold many runs). */
public final class RunListing {

    /**
     * One run directory as listed: name, preset and status from config.json and summary.json; task is gan or
     * classifier, which decides the view that opens it. The final figures are null where the run has none (not
     * evaluated yet, or another kind of run): modes captured and high-quality % of a 2D run, the Fréchet distance
     * of an image GAN, the test top-1 % of a classifier.
     */
    public record Row(Path dir, String name, String preset, String status, String steps, String task, Double modes,
            Double highQuality, Double frechet, Double top1) {

        public boolean isClassifier() {
            return "classifier".equals(task);
        }
    }

    private RunListing() {}

    public static List<Row> read(Path runsRoot) {
        List<Row> rows = new ArrayList<>();
        for (Path dir : RunDirectory.list(runsRoot)) {
            rows.add(row(dir));
        }
        return rows;
    }

    public static Row row(Path dir) {
        String preset = "";
        String status = "?";
        String steps = "";
        String task = "gan";
        JsonObject eval = new JsonObject();
        JsonObject test = new JsonObject();
        try {
            RunDirectory run = RunDirectory.open(dir);
            preset = text(run.readRunInfo(), "preset");
            JsonObject summary = run.readSummary();
            status = summary.has("status") ? text(summary, "status") : "no summary";
            steps = text(summary, "steps");
            task = taskOf(run, summary);
            eval = object(summary, "eval");
            test = object(summary, "test");
        } catch (RuntimeException e) { // UserError included: a half-written run is listed, not fatal
            status = "unreadable";
        }
        Double hq = number(eval, "highQualityFraction");
        Double top1 = number(test, "top1");
        return new Row(dir, dir.getFileName().toString(), preset, status, steps, task, number(eval, "modesCaptured"),
                hq == null ? null : hq * 100, number(eval, "frechet"), top1 == null ? null : top1 * 100);
    }

    private static JsonObject object(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }

    /** A finite number under key, else null. */
    private static Double number(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            return null;
        }
        double v = e.getAsDouble();
        return Double.isFinite(v) ? v : null;
    }

    /** A classifier's summary says so; before its first summary the config does (older GAN runs have neither). */
    private static String taskOf(RunDirectory run, JsonObject summary) {
        if (summary.has("task")) {
            return text(summary, "task");
        }
        try {
            return run.readConfig().getString(ConfigSchema.TASK);
        } catch (RuntimeException e) {
            return "gan";
        }
    }

    /** The task of a run directory: gan or classifier ("gan" when unreadable, as the GAN view reports that). */
    public static String taskOf(Path dir) {
        try {
            RunDirectory run = RunDirectory.open(dir);
            return taskOf(run, run.readSummary());
        } catch (RuntimeException e) {
            return "gan";
        }
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? "" : e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }
}
