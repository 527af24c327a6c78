package ganstudio.sweep;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import ganstudio.config.UserError;
import ganstudio.metrics.ModeReadout;
import ganstudio.metrics.StepMetrics;
import ganstudio.runs.RunDirectory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Reads one task's run folder for the report. Nothing in a task's files ends the report: a summary.json that does
 * not parse makes the task failed with the parser's words; a damaged metrics.csv or a missing evaluation leaves a
 * done task's other figures standing, with a note.
 */
final class TaskReader {

    private TaskReader() {}

    static TaskOutcome read(SweepFolder folder, SweepTask task) {
        Path dir = folder.taskDir(task);
        TaskState state;
        JsonObject summary;
        try {
            state = folder.state(task);
            if (state.kind() == TaskState.Kind.QUEUED || state.kind() == TaskState.Kind.RUNNING
                    || !RunDirectory.isRun(dir)) {
                return TaskOutcome.bare(task, state.kind(), state.detail());
            }
            summary = RunDirectory.open(dir).readSummary();
        } catch (UserError e) {
            // TaskState takes a summary that does not parse for a killed run (a resume rebuilds it); for the report
            // a task whose result cannot be read is a failed one
            return TaskOutcome.bare(task, TaskState.Kind.FAILED, "summary.json is damaged: " + e.getMessage());
        }
        String wrongType = wrongType(summary);
        if (wrongType != null) {
            return TaskOutcome.bare(task, TaskState.Kind.FAILED, "summary.json is damaged: " + wrongType
                    + " has the wrong type");
        }
        if (state.kind() != TaskState.Kind.DONE) {
            return new TaskOutcome(task, state.kind(), state.detail(), number(summary, "wallSeconds"), Map.of(),
                    false, Map.of(), List.of());
        }
        List<String> notes = new ArrayList<>();
        Map<Figure, Double> values = new EnumMap<>(Figure.class);
        List<Figure> figures = Figure.forConfig(task.config());
        readEvaluation(summary, task, figures, values, notes);
        Map<PlotMetric, Curve> curves = new EnumMap<>(PlotMetric.class);
        boolean never = false;
        if (!task.isClassifier()) {
            readMetrics(dir, figures, values, curves, notes);
            never = readModes(dir, figures, values, curves, notes);
        }
        return new TaskOutcome(task, TaskState.Kind.DONE, state.detail(), number(summary, "wallSeconds"), values,
                never, curves, notes);
    }

    /** The first of the fields every summary has whose value is not of its type, or null. */
    private static String wrongType(JsonObject summary) {
        for (String key : List.of("status", "reason")) {
            if (summary.has(key) && !(summary.get(key).isJsonPrimitive()
                    && summary.get(key).getAsJsonPrimitive().isString())) {
                return key;
            }
        }
        for (String key : List.of("steps", "epochs", "wallSeconds")) {
            if (summary.has(key) && !(summary.get(key).isJsonPrimitive()
                    && summary.get(key).getAsJsonPrimitive().isNumber())) {
                return key;
            }
        }
        return null;
    }

    private static void readEvaluation(JsonObject summary, SweepTask task, List<Figure> figures,
            Map<Figure, Double> values, List<String> notes) {
        String field = task.isClassifier() ? "test" : "eval";
        JsonElement e = summary.get(field);
        if (e == null || !e.isJsonObject()) {
            if (figures.stream().anyMatch(f -> f.source() == Figure.Source.EVALUATION)) {
                notes.add("summary.json has no final evaluation (\"" + field + "\"); `eval` on the task's folder "
                        + "computes it");
            }
            return;
        }
        JsonObject eval = e.getAsJsonObject();
        if (eval.has("note")) {
            notes.add("evaluation: " + text(eval.get("note")));
        }
        for (Figure f : figures) {
            String key = switch (f) {
                case MODES -> "modesCaptured";
                case HIGH_QUALITY -> "highQualityFraction";
                case KL -> "kl";
                case CLASSES -> "classesCovered";
                case FRECHET -> "frechet";
                case PRECISION -> "precision";
                case RECALL -> "recall";
                case DENSITY -> "density";
                case COVERAGE -> "coverage";
                case KID -> "kernelDistance";
                case TOP1 -> "top1";
                case TOP5 -> "top5";
                default -> null;
            };
            if (key == null) {
                continue;
            }
            double v = number(eval, key);
            // fractions in the run's files, percentages in the report, as the papers print them
            boolean percent = f == Figure.HIGH_QUALITY || f == Figure.TOP1 || f == Figure.TOP5;
            if (Double.isFinite(v)) {
                values.put(f, percent ? v * 100 : v);
            } else if (eval.has(key) && f != Figure.KL) {
                // KL is NaN by design when no sample was high quality; anything else unreadable is worth saying
                notes.add(field + "." + key + " is not a number: " + eval.get(key));
            }
        }
    }

    private static void readMetrics(Path dir, List<Figure> figures, Map<Figure, Double> values,
            Map<PlotMetric, Curve> curves, List<String> notes) {
        List<StepMetrics> rows;
        int lines;
        try {
            List<String> text = Files.readAllLines(dir.resolve(RunDirectory.METRICS), StandardCharsets.UTF_8);
            if (text.isEmpty() || !text.get(0).equals(String.join(",", StepMetrics.COLUMNS))) {
                notes.add("metrics.csv does not start with the columns this version writes; its rows are not used");
                return;
            }
            lines = (int) text.stream().skip(1).filter(l -> !l.isBlank()).count();
            rows = RunDirectory.open(dir).readMetrics();
        } catch (IOException | RuntimeException e) {
            notes.add("metrics.csv cannot be read (" + e.getMessage() + "); its stability figures and curves are "
                    + "left out");
            return;
        }
        if (rows.size() < lines) {
            notes.add((lines - rows.size()) + " of " + lines + " rows of metrics.csv are damaged and were skipped");
        }
        if (figures.contains(Figure.GAP_STD)) {
            RunStability.gapSpread(rows).ifPresent(s -> {
                values.put(Figure.GAP_STD, s.std());
                values.put(Figure.GAP_RANGE, s.range());
            });
        }
        curve(rows, StepMetrics::wEstimate).ifPresent(c -> curves.put(PlotMetric.WASSERSTEIN, c));
        curve(rows, StepMetrics::lossD).ifPresent(c -> curves.put(PlotMetric.CRITIC_LOSS, c));
    }

    /** Reads the saved frames' mode counts; true when there were some and none had every mode. */
    private static boolean readModes(Path dir, List<Figure> figures, Map<Figure, Double> values,
            Map<PlotMetric, Curve> curves, List<String> notes) {
        if (!figures.contains(Figure.ALL_MODES_STEP)) {
            return false;
        }
        Map<Long, ModeReadout> frames;
        try {
            frames = RunDirectory.open(dir).readModes();
        } catch (RuntimeException e) {
            notes.add("samples/modes.csv cannot be read (" + e.getMessage() + ")");
            return false;
        }
        if (frames.isEmpty()) {
            return false;
        }
        long first = RunStability.firstAllModesStep(frames.values());
        if (first != RunStability.NEVER) {
            values.put(Figure.ALL_MODES_STEP, (double) first);
        }
        long[] steps = new long[frames.size()];
        double[] captured = new double[frames.size()];
        int i = 0;
        for (ModeReadout m : frames.values()) {
            steps[i] = m.step();
            captured[i++] = m.captured();
        }
        curves.put(PlotMetric.MODES, new Curve(steps, captured));
        return first == RunStability.NEVER;
    }

    private static Optional<Curve> curve(List<StepMetrics> rows, ToDoubleFunction<StepMetrics> column) {
        List<StepMetrics> kept = rows.stream().filter(m -> Double.isFinite(column.applyAsDouble(m))).toList();
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        long[] steps = new long[kept.size()];
        double[] v = new double[kept.size()];
        long last = Long.MIN_VALUE;
        int n = 0;
        for (StepMetrics m : kept) {
            // a resumed run's rows are rewritten, not repeated; a repeat would still break the curve's order
            if (m.step() > last) {
                steps[n] = m.step();
                v[n++] = column.applyAsDouble(m);
                last = m.step();
            }
        }
        return Optional.of(new Curve(Arrays.copyOf(steps, n), Arrays.copyOf(v, n)));
    }

    /** A number field, NaN when absent or not a number. */
    static double number(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive()) {
            return Double.NaN;
        }
        try {
            return e.getAsDouble();
        } catch (NumberFormatException ex) {
            return Double.NaN;
        }
    }

    private static String text(JsonElement e) {
        return e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }
}
