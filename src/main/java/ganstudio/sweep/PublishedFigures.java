package ganstudio.sweep;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Figures from the literature that a sweep file carries in "published", so the report can set the sweep's own
 * beside them. The shape:
 *
 * <pre>
 * "published": {
 *   "protocol": "2,500 samples; high quality within 3 sigma of the nearest mode",       (optional)
 *   "sources": {"pacgan": "Lin et al., PacGAN, NeurIPS 2018, Table 1", ...},             (optional)
 *   "results": [
 *     {"method": "GAN", "source": "pacgan", "data": "ring8", "modes": 6.3, "highQuality": 98.2},
 *     {"method": "PacGAN4", "source": "pacgan", "data": "grid25", "modes": 24.8, "modesStd": 0.4, ...},
 *     ...
 *   ]
 * }
 * </pre>
 *
 * <p>Each result names its data set as the runs' data does (ring8, grid25: what {@code data.kind} or the mixture
 * is called), which is how the report matches the sweep's variants to it, and gives figures under the report's
 * keys (see {@link Figure#key()}), in the report's units (high quality and top-1 in percent), each optionally
 * with a standard deviation under key + "Std". "source" is a key of "sources" or the citation itself.
 */
public record PublishedFigures(String protocol, Map<String, String> sources, List<Result> results) {

    /** One published row: a method's figures on one data set. */
    public record Result(String method, String source, String data, Map<Figure, Double> values,
            Map<Figure, Double> stds) {

        public Result {
            values = Collections.unmodifiableMap(values.isEmpty() ? new EnumMap<>(Figure.class)
                    : new EnumMap<>(values));
            stds = Collections.unmodifiableMap(stds.isEmpty() ? new EnumMap<>(Figure.class) : new EnumMap<>(stds));
        }
    }

    public PublishedFigures {
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        results = List.copyOf(results);
    }

    /**
     * Reads the element.
     *
     * @throws IllegalArgumentException naming what is wrong; the report then leaves the comparison out and says why
     */
    public static PublishedFigures parse(JsonElement e) {
        if (e == null || !e.isJsonObject()) {
            throw new IllegalArgumentException("\"published\" must be an object with \"results\"");
        }
        JsonObject o = e.getAsJsonObject();
        String protocol = o.has("protocol") ? string(o.get("protocol"), "protocol") : "";
        Map<String, String> sources = new LinkedHashMap<>();
        if (o.has("sources")) {
            if (!o.get("sources").isJsonObject()) {
                throw new IllegalArgumentException("published.sources must be an object of key: citation");
            }
            for (Map.Entry<String, JsonElement> kv : o.getAsJsonObject("sources").entrySet()) {
                sources.put(kv.getKey(), string(kv.getValue(), "published.sources." + kv.getKey()));
            }
        }
        if (!o.has("results") || !o.get("results").isJsonArray()) {
            throw new IllegalArgumentException("published.results must be a list of {method, source, data, figures}");
        }
        List<Result> results = new ArrayList<>();
        int i = 0;
        for (JsonElement r : o.getAsJsonArray("results")) {
            String where = "published.results[" + i++ + "]";
            if (!r.isJsonObject()) {
                throw new IllegalArgumentException(where + " must be an object");
            }
            JsonObject ro = r.getAsJsonObject();
            for (String required : List.of("method", "source", "data")) {
                if (!ro.has(required)) {
                    throw new IllegalArgumentException(where + " has no \"" + required + "\"");
                }
            }
            Map<Figure, Double> values = new EnumMap<>(Figure.class);
            Map<Figure, Double> stds = new EnumMap<>(Figure.class);
            for (Figure f : Figure.values()) {
                if (ro.has(f.key())) {
                    values.put(f, number(ro.get(f.key()), where + "." + f.key()));
                }
                if (ro.has(f.key() + "Std")) {
                    stds.put(f, number(ro.get(f.key() + "Std"), where + "." + f.key() + "Std"));
                }
            }
            results.add(new Result(string(ro.get("method"), where + ".method"),
                    string(ro.get("source"), where + ".source"), string(ro.get("data"), where + ".data"),
                    values, stds));
        }
        return new PublishedFigures(protocol, sources, results);
    }

    /** The data sets the results name, in the order they first appear. */
    public List<String> dataSets() {
        Set<String> seen = new LinkedHashSet<>();
        results.forEach(r -> seen.add(r.data()));
        return List.copyOf(seen);
    }

    public List<Result> resultsFor(String data) {
        return results.stream().filter(r -> r.data().equals(data)).toList();
    }

    /** The citation of a result's source: the sources entry it names, else the source text itself. */
    public String citation(Result r) {
        return sources.getOrDefault(r.source(), r.source());
    }

    private static String string(JsonElement e, String where) {
        if (e == null || !e.isJsonPrimitive()) {
            throw new IllegalArgumentException(where + " must be text");
        }
        return e.getAsString();
    }

    private static double number(JsonElement e, String where) {
        try {
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
                double v = e.getAsDouble();
                if (Double.isFinite(v)) {
                    return v;
                }
            }
        } catch (NumberFormatException ex) {
            // worded below
        }
        throw new IllegalArgumentException(where + " must be a number, not " + e);
    }
}
