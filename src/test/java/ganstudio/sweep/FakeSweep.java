package ganstudio.sweep;

import com.google.gson.JsonObject;

import ganstudio.config.Json;
import ganstudio.config.Presets;
import ganstudio.metrics.StepMetrics;
import ganstudio.runs.RunDirectory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A sweep folder written by hand: a real plan, task folders holding the files a run leaves, numbers chosen. */
final class FakeSweep {

    private FakeSweep() {}

    /** Plans the sweep from its file text against the presets in models/ and creates its folder under parent. */
    static SweepFolder create(Path parent, String spec) {
        JsonObject source = Json.parse(spec, "test").getAsJsonObject();
        SweepPlan plan = SweepPlan.expand(SweepSpec.parse(spec, "test"), new Presets(Paths.get("models")), source);
        return SweepFolder.create(parent, plan);
    }

    /** A run folder with the task's config.json and an empty log, as a run has when it starts. */
    static Path run(SweepFolder sweep, int task) throws IOException {
        SweepTask t = sweep.getPlan().task(task);
        Path dir = sweep.taskDir(t);
        Files.createDirectories(dir.resolve(RunDirectory.SAMPLES));
        JsonObject config = t.config().toJsonObject();
        config.add("run", new JsonObject());
        Files.writeString(dir.resolve(RunDirectory.CONFIG), config.toString(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(RunDirectory.METRICS), String.join(",", StepMetrics.COLUMNS) + "\n",
                StandardCharsets.UTF_8);
        return dir;
    }

    /** A finished 2D run's summary with its final evaluation. */
    static void finished(Path dir, double wallSeconds, int modes, double highQuality, double kl) throws IOException {
        Files.writeString(dir.resolve(RunDirectory.SUMMARY), String.format(Locale.ROOT,
                "{\"status\": \"finished\", \"reason\": \"\", \"steps\": 300, \"wallSeconds\": %s, \"eval\": "
                        + "{\"step\": 300, \"samples\": 2500, \"data\": \"ring8\", \"modesCaptured\": %d, "
                        + "\"modes\": 8, "
                        + "\"highQualityFraction\": %s, \"kl\": %s}}",
                wallSeconds, modes, highQuality, kl), StandardCharsets.UTF_8);
    }

    static void summary(Path dir, String json) throws IOException {
        Files.writeString(dir.resolve(RunDirectory.SUMMARY), json, StandardCharsets.UTF_8);
    }

    /**
     * 30 rows, steps 10-300: the first 27 with a critic gap of 100 (outside the last tenth, so they must not count),
     * the last three with the given gaps. With wgan the gap is logged as w_estimate, else as d_real - d_fake.
     */
    static void metrics(Path dir, boolean wgan, double... lastGaps) throws IOException {
        StringBuilder sb = new StringBuilder(String.join(",", StepMetrics.COLUMNS)).append('\n');
        for (int i = 0; i < 30; i++) {
            long step = 10L * (i + 1);
            double gap = i < 30 - lastGaps.length ? 100 : lastGaps[i - (30 - lastGaps.length)];
            double lossD = (wgan ? 0.5 : 1.0) + i * 0.01;
            StepMetrics m = new StepMetrics(step, step * (wgan ? 5 : 1), lossD, 0.5, wgan ? gap : Double.NaN,
                    gap, 0, 1, 1, Double.NaN, Double.NaN, 1e-4, 1e-4, 1000, step);
            sb.append(m.toCsvRow()).append('\n');
        }
        Files.writeString(dir.resolve(RunDirectory.METRICS), sb.toString(), StandardCharsets.UTF_8);
    }

    /** samples/modes.csv: modes captured of the saved frames at steps 0, 100, 200... */
    static void modes(Path dir, int... captured) throws IOException {
        List<String> lines = new ArrayList<>(List.of("step,modes_captured,modes,high_quality"));
        for (int i = 0; i < captured.length; i++) {
            lines.add((i * 100) + "," + captured[i] + ",8,0.5");
        }
        Files.write(dir.resolve(RunDirectory.SAMPLES).resolve(RunDirectory.MODES), lines, StandardCharsets.UTF_8);
    }
}
