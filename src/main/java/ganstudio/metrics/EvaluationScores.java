package ganstudio.metrics;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A GAN run's final evaluation (summary.json's "eval") as named, formatted lines, for whatever shows it (the
 * studio's run summary and Compare table, the CLI's eval): mode coverage for 2D data; for images class coverage
 * and the feature-space scores, the Fréchet distance named after its features (the Fréchet classifier distance,
 * FID, or the Fréchet distance in a file's features). Fields a run does not have (an older run, a note instead of
 * scores) give no line.
 *
 * @param featureSpace what the feature-space lines were computed in ("classifier", a file name), or empty
 * @param note why something was not scored, or empty
 */
public record EvaluationScores(long step, long samples, String featureSpace, String features, List<Line> lines,
        String note) {

    /**
     * One score as shown.
     *
     * @param id what it is, the same for runs whose values compare (a feature-space score's includes its space)
     */
    public record Line(String id, String name, String value) {}

    /** The evaluation in a summary.json object, if it has one. */
    public static Optional<EvaluationScores> ofSummary(JsonObject summary) {
        JsonElement e = summary.get("eval");
        return e != null && e.isJsonObject() ? Optional.of(of(e.getAsJsonObject())) : Optional.empty();
    }

    public static EvaluationScores of(JsonObject eval) {
        List<Line> lines = new ArrayList<>();
        if (eval.has("modesCaptured")) {
            lines.add(new Line("modes", "modes captured", whole(eval, "modesCaptured") + " / " + whole(eval, "modes")));
            add(lines, "highQuality", "high quality", percent(number(eval, "highQualityFraction")));
            add(lines, "kl", "KL to uniform", decimals(number(eval, "kl"), 4));
        }
        if (eval.has("classesCovered")) {
            lines.add(new Line("classes", "classes covered", whole(eval, "classesCovered") + " / "
                    + whole(eval, "classes")));
        }
        String space = text(eval, "featureSpace", eval.has("classifier") ? "classifier" : "");
        String at = "@" + space;
        String frechetName = text(eval, "frechetName", "classifier".equals(space) ? "Fréchet classifier distance"
                : "Fréchet distance");
        add(lines, "frechet" + at, frechetName, decimals(number(eval, "frechet"), 4));
        add(lines, "frechetTrainVsTest" + at, "  train vs test (the floor)",
                decimals(number(eval, "frechetTrainVsTest"), 4));
        add(lines, "precision" + at, "precision (k = 3)", decimals(number(eval, "precision"), 4));
        add(lines, "recall" + at, "recall (k = 3)", decimals(number(eval, "recall"), 4));
        add(lines, "density" + at, "density (k = 5)", decimals(number(eval, "density"), 4));
        add(lines, "coverage" + at, "coverage (k = 5)", decimals(number(eval, "coverage"), 4));
        double kid = number(eval, "kernelDistance");
        double kidError = number(eval, "kernelDistanceStdErr");
        add(lines, "kernelDistance" + at, "KID ± std error", Double.isNaN(kid) ? ""
                : decimals(kid, 4) + (Double.isNaN(kidError) ? "" : " ± " + decimals(kidError, 4)));
        return new EvaluationScores((long) number(eval, "step"), (long) number(eval, "samples"), space,
                text(eval, "features", ""), List.copyOf(lines), text(eval, "note", ""));
    }

    /** "Evaluation at step 30, 200 samples, in the classifier's features": what the lines are. */
    public String heading() {
        String in = featureSpace.isEmpty() ? "" : "classifier".equals(featureSpace)
                ? ", in the classifier's features" : ", in " + featureSpace + "'s features";
        return "Evaluation at step " + step + ", " + samples + " samples" + in;
    }

    /** The heading and one aligned "name  value" line per score, as the CLI prints them. */
    public String text() {
        int width = 0;
        for (Line l : lines) {
            width = Math.max(width, l.name().length());
        }
        StringBuilder sb = new StringBuilder(heading());
        for (Line l : lines) {
            sb.append('\n').append(String.format(Locale.ROOT, "  %-" + width + "s  %s", l.name(), l.value()));
        }
        if (!note.isEmpty()) {
            sb.append("\n  note: ").append(note);
        }
        return sb.toString();
    }

    private static void add(List<Line> lines, String id, String name, String value) {
        if (!value.isEmpty()) {
            lines.add(new Line(id, name, value));
        }
    }

    /** The number at key, or NaN when it is absent or not a number. */
    private static double number(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            return Double.NaN;
        }
        return e.getAsDouble();
    }

    private static String whole(JsonObject o, String key) {
        double v = number(o, key);
        return Double.isNaN(v) ? "—" : String.valueOf(Math.round(v));
    }

    private static String text(JsonObject o, String key, String otherwise) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : otherwise;
    }

    private static String decimals(double v, int digits) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "" : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }
}
