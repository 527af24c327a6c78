package ganstudio.ui.sweeps;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import ganstudio.config.Json;
import ganstudio.config.UserError;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep's report.json as the Sweeps tab reads it (the shape is ganstudio.sweep.ReportJson's): the figures that
 * make the table's columns, each variant's figures over its done seeds and its mean wall time, and the band plots
 * written next to it. Fields this version does not know are ignored, so a newer report still shows.
 *
 * @param figures the columns, in report order
 * @param cells per variant index, per figure key
 * @param wallSeconds per variant index, the mean wall time of its done tasks (absent until one is done)
 * @param plots the plot files' names, in the sweep's folder
 * @param ended per variant index, its tasks done, failed or diverged when the report was written
 */
public record ReportTable(String generated, List<Column> figures, Map<Integer, Map<String, FigureCell>> cells,
        Map<Integer, Double> wallSeconds, List<String> plots, Map<Integer, Integer> ended) {

    /** One figure: its key in report.json, its label as a column title, and which way is better. */
    public record Column(String key, String label, boolean higherIsBetter) {}

    public ReportTable {
        figures = List.copyOf(figures);
        cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        wallSeconds = Collections.unmodifiableMap(new LinkedHashMap<>(wallSeconds));
        plots = List.copyOf(plots);
        ended = Collections.unmodifiableMap(new LinkedHashMap<>(ended));
    }

    /** Before any report: no figures, no plots. */
    public static ReportTable none() {
        return new ReportTable("", List.of(), Map.of(), Map.of(), List.of(), Map.of());
    }

    /**
     * Parses report.json's text.
     *
     * @throws UserError naming the source when it is not a report of this shape
     */
    public static ReportTable parse(String text, String source) {
        try {
            JsonObject o = Json.parse(text, source).getAsJsonObject();
            List<Column> figures = new ArrayList<>();
            for (JsonElement e : array(o, "figures")) {
                JsonObject f = e.getAsJsonObject();
                figures.add(new Column(f.get("key").getAsString(), f.get("label").getAsString(),
                        f.has("higherIsBetter") && f.get("higherIsBetter").getAsBoolean()));
            }
            Map<Integer, Map<String, FigureCell>> cells = new LinkedHashMap<>();
            Map<Integer, Double> walls = new LinkedHashMap<>();
            Map<Integer, Integer> ended = new LinkedHashMap<>();
            for (JsonElement e : array(o, "variants")) {
                JsonObject v = e.getAsJsonObject();
                int index = v.get("index").getAsInt();
                ended.put(index, count(v, "done") + count(v, "failed") + count(v, "diverged"));
                if (v.has("wallSeconds")) {
                    walls.put(index, v.get("wallSeconds").getAsDouble());
                }
                Map<String, FigureCell> row = new LinkedHashMap<>();
                if (v.has("figures") && v.get("figures").isJsonObject()) {
                    for (Map.Entry<String, JsonElement> f : v.getAsJsonObject("figures").entrySet()) {
                        row.put(f.getKey(), cell(f.getKey(), f.getValue().getAsJsonObject()));
                    }
                }
                cells.put(index, row);
            }
            List<String> plots = new ArrayList<>();
            for (JsonElement e : array(o, "plots")) {
                String name = e.getAsString();
                // a name, not a path: the studio shows files of the sweep's own folder only
                if (name.matches("[A-Za-z0-9._=-]+\\.png") && !name.startsWith(".")) {
                    plots.add(name);
                }
            }
            String generated = o.has("generated") ? o.get("generated").getAsString() : "";
            return new ReportTable(generated, figures, cells, walls, plots, ended);
        } catch (UserError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UserError(source + ": not a report this version can read (" + e.getMessage() + ")");
        }
    }

    private static FigureCell cell(String key, JsonObject f) {
        List<Double> values = new ArrayList<>();
        array(f, "values").forEach(x -> values.add(x.getAsDouble()));
        List<Long> seeds = new ArrayList<>();
        array(f, "seeds").forEach(x -> seeds.add(x.getAsLong()));
        if (values.isEmpty()) {
            return FigureCell.empty(key);
        }
        double mean = f.has("mean") ? f.get("mean").getAsDouble() : Double.NaN;
        double std = f.has("std") ? f.get("std").getAsDouble() : Double.NaN;
        return new FigureCell(key, mean, std, values, seeds);
    }

    private static int count(JsonObject o, String key) {
        return o.has(key) ? o.get(key).getAsInt() : 0;
    }

    private static JsonArray array(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonArray() ? e.getAsJsonArray() : new JsonArray();
    }

    /** The variant's cell of a figure; an empty one when the report has none yet. */
    public FigureCell cell(int variant, String key) {
        FigureCell c = cells.getOrDefault(variant, Map.of()).get(key);
        return c != null ? c : FigureCell.empty(key);
    }
}
