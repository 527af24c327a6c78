package ganstudio.sweep;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.List;
import java.util.Map;

/**
 * report.json, the report as the studio's Sweeps tab reads it:
 *
 * <pre>
 * {"sweep": NAME, "generated": ISO-8601, "keys": [...],
 *  "figures": [{"key": "modes", "label": "modes captured", "higherIsBetter": true}, ...],
 *  "variants": [{"index": 0, "label": "...", "preset": "...", "data": "ring8", "settings": {...},
 *                "tasks": 5, "done": 5, "failed": 0, "diverged": 0, "running": 0, "queued": 0, "stopped": 0,
 *                "wallSeconds": 123.4,
 *                "figures": {"modes": {"mean": 7.8, "std": 0.447, "min": 7, "max": 8, "n": 5,
 *                                      "values": [8, 8, 7, 8, 8], "seeds": [1, 2, 3, 4, 5]}, ...},
 *                "failures": [{"task": 3, "seed": 4, "state": "diverged", "reason": "..."}],
 *                "notes": ["task 2 (seed 3): ..."]}],
 *  "plots": ["plot-wasserstein.png", ...],
 *  "published": the sweep file's "published" element, absent when it has none}
 * </pre>
 *
 * <p>A variant's "figures" holds every figure of its kind of run once one of its tasks is done; a figure no done
 * task yielded has "n": 0, empty lists and no mean, std, min or max. "allModesStep" also has "never": the seeds
 * whose saved frames never had every mode. "wallSeconds" is absent until a task is done. "stopped" counts
 * stopped and killed tasks (they resume), so the six counts add up to "tasks".
 */
final class ReportJson {

    private ReportJson() {}

    static String text(SweepReport r, List<String> plots) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(of(r, plots)) + "\n";
    }

    static JsonObject of(SweepReport r, List<String> plots) {
        JsonObject o = new JsonObject();
        o.addProperty("sweep", r.getPlan().name());
        o.addProperty("generated", r.getGenerated().toString());
        JsonArray keys = new JsonArray();
        r.getPlan().keys().forEach(keys::add);
        o.add("keys", keys);
        JsonArray figures = new JsonArray();
        for (Figure f : r.getFigures()) {
            JsonObject j = new JsonObject();
            j.addProperty("key", f.key());
            j.addProperty("label", f.label());
            j.addProperty("higherIsBetter", f.higherIsBetter());
            figures.add(j);
        }
        o.add("figures", figures);
        JsonArray variants = new JsonArray();
        for (VariantSummary v : r.getVariants()) {
            variants.add(variant(v));
        }
        o.add("variants", variants);
        JsonArray p = new JsonArray();
        plots.forEach(p::add);
        o.add("plots", p);
        r.getPublishedJson().ifPresent(e -> o.add("published", e));
        return o;
    }

    private static JsonObject variant(VariantSummary v) {
        JsonObject j = new JsonObject();
        j.addProperty("index", v.variant().index());
        j.addProperty("label", v.label());
        j.addProperty("preset", v.variant().preset());
        j.addProperty("data", v.data());
        JsonObject settings = new JsonObject();
        v.variant().settings().forEach(settings::addProperty);
        j.add("settings", settings);
        j.addProperty("tasks", v.tasks().size());
        j.addProperty("done", v.done());
        j.addProperty("failed", v.failed());
        j.addProperty("diverged", v.diverged());
        j.addProperty("running", v.running());
        j.addProperty("queued", v.queued());
        j.addProperty("stopped", v.stopped());
        if (Double.isFinite(v.wallSeconds())) {
            j.addProperty("wallSeconds", number(v.wallSeconds()));
        }
        JsonObject figures = new JsonObject();
        for (Map.Entry<Figure, FigureStats> e : v.figures().entrySet()) {
            JsonObject f = stats(e.getValue());
            if (e.getKey() == Figure.ALL_MODES_STEP) {
                f.add("never", longs(v.neverAllModes()));
            }
            figures.add(e.getKey().key(), f);
        }
        j.add("figures", figures);
        JsonArray failures = new JsonArray();
        for (TaskOutcome o : v.failures()) {
            JsonObject f = new JsonObject();
            f.addProperty("task", o.task().index());
            f.addProperty("seed", o.task().seed());
            f.addProperty("state", o.kind().toString());
            f.addProperty("reason", o.reason());
            failures.add(f);
        }
        j.add("failures", failures);
        JsonArray notes = new JsonArray();
        for (TaskOutcome o : v.tasks()) {
            for (String n : o.notes()) {
                notes.add("task " + o.task().index() + " (seed " + o.task().seed() + "): " + n);
            }
        }
        j.add("notes", notes);
        return j;
    }

    private static JsonObject stats(FigureStats s) {
        JsonObject f = new JsonObject();
        if (s.n() > 0) {
            f.addProperty("mean", number(s.mean()));
            f.addProperty("std", number(s.std()));
            f.addProperty("min", number(s.min()));
            f.addProperty("max", number(s.max()));
        }
        f.addProperty("n", s.n());
        JsonArray values = new JsonArray();
        s.values().forEach(x -> values.add(number(x)));
        f.add("values", values);
        f.add("seeds", longs(s.seeds()));
        return f;
    }

    private static JsonArray longs(List<Long> xs) {
        JsonArray a = new JsonArray();
        xs.forEach(a::add);
        return a;
    }

    /** Whole numbers as integers (8, not 8.0), as a reader of counts expects them. */
    private static Number number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Number) (long) v : (Number) v;
    }
}
