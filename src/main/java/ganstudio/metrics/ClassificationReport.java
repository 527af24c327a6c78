package ganstudio.metrics;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.List;

/**
 * A classifier evaluated on one set: mean cross-entropy, top-1 and top-5 accuracy, and the confusion matrix
 * (rows: true class, columns: predicted class), from which per-class accuracy follows.
 */
public record ClassificationReport(String set, double loss, double top1, double top5, long[][] confusion,
        List<String> classNames) {

    public int classes() {
        return confusion.length;
    }

    public long count() {
        long n = 0;
        for (long[] row : confusion) {
            for (long v : row) {
                n += v;
            }
        }
        return n;
    }

    /** Recall of each class: the diagonal over the row sums (NaN for a class with no samples). */
    public double[] perClassAccuracy() {
        double[] acc = new double[confusion.length];
        for (int i = 0; i < confusion.length; i++) {
            long row = 0;
            for (long v : confusion[i]) {
                row += v;
            }
            acc[i] = row == 0 ? Double.NaN : (double) confusion[i][i] / row;
        }
        return acc;
    }

    public String className(int i) {
        return i < classNames.size() ? classNames.get(i) : String.valueOf(i);
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("set", set);
        o.addProperty("images", count());
        o.addProperty("loss", round(loss));
        o.addProperty("top1", round(top1));
        o.addProperty("top5", round(top5));
        JsonObject perClass = new JsonObject();
        double[] acc = perClassAccuracy();
        for (int i = 0; i < acc.length; i++) {
            if (!Double.isNaN(acc[i])) {
                perClass.addProperty(className(i), round(acc[i]));
            }
        }
        o.add("perClass", perClass);
        JsonArray rows = new JsonArray();
        for (long[] row : confusion) {
            JsonArray r = new JsonArray();
            for (long v : row) {
                r.add(v);
            }
            rows.add(r);
        }
        o.add("confusion", rows);
        return o;
    }

    public static ClassificationReport fromJson(JsonObject o, List<String> classNames) {
        JsonArray rows = o.getAsJsonArray("confusion");
        long[][] confusion = new long[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            JsonArray r = rows.get(i).getAsJsonArray();
            confusion[i] = new long[r.size()];
            for (int j = 0; j < r.size(); j++) {
                confusion[i][j] = r.get(j).getAsLong();
            }
        }
        return new ClassificationReport(o.get("set").getAsString(), o.get("loss").getAsDouble(),
                o.get("top1").getAsDouble(), o.get("top5").getAsDouble(), confusion, classNames);
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
