package ganstudio.ui.classify;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import ganstudio.metrics.ClassificationReport;
import ganstudio.metrics.ClassifierMetrics;
import ganstudio.runs.RunDirectory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A classifier run read from disk for the read-only view: its metric rows, its test report (from
 * summary.json, with the class names from config.json) and its state. Read on a worker thread; plain values.
 *
 * @param test the test report, or null when the run ended before one (stopped early, failed, still running)
 */
public record ClassifierRunSnapshot(Path dir, String name, String status, String reason,
        List<ClassifierMetrics> rows, ClassificationReport test, List<RunDirectory.Event> events) {

    public static ClassifierRunSnapshot read(Path dir) {
        RunDirectory run = RunDirectory.open(dir);
        JsonObject summary = run.readSummary();
        JsonObject info = run.readRunInfo();
        List<String> classNames = new ArrayList<>();
        if (info.has("classNames")) {
            for (JsonElement e : info.getAsJsonArray("classNames")) {
                classNames.add(e.getAsString());
            }
        }
        ClassificationReport test = summary.has("test")
                ? ClassificationReport.fromJson(summary.getAsJsonObject("test"), classNames) : null;
        return new ClassifierRunSnapshot(dir, run.getName(), text(summary, "status", "no summary"),
                text(summary, "reason", ""), run.readClassifierMetrics(), test, run.readEvents());
    }

    private static String text(JsonObject o, String key, String otherwise) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : otherwise;
    }
}
