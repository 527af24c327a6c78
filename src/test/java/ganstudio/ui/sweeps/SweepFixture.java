package ganstudio.ui.sweeps;

import com.google.gson.JsonObject;

import ganstudio.config.Json;
import ganstudio.config.Presets;
import ganstudio.metrics.StepMetrics;
import ganstudio.runs.RunDirectory;
import ganstudio.sweep.SweepFolder;
import ganstudio.sweep.SweepPlan;
import ganstudio.sweep.SweepSpec;
import ganstudio.sweep.SweepTask;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * A sweep folder written by hand for the Sweeps tab's tests: a real plan from the presets in models/, and task
 * folders holding the files a run leaves, with numbers chosen. 2 variants (ring8-gan as nsgan and as wgan) x 2
 * seeds: task 0 done (6 modes), task 1 done (8 modes), task 2 running (at step 150 of 300, its lock held by this
 * JVM), task 3 queued.
 */
public final class SweepFixture {

    static final String SPEC = "{\"name\": \"uifake\", \"presets\": [\"ring8-gan\"], "
            + "\"grid\": {\"objective.kind\": [\"nsgan\", \"wgan\"]}, \"seeds\": 2, \"set\": {\"steps\": 300}}";

    private SweepFixture() {}

    public static SweepFolder create(Path parent) {
        JsonObject source = Json.parse(SPEC, "test").getAsJsonObject();
        SweepPlan plan = SweepPlan.expand(SweepSpec.parse(SPEC, "test"), new Presets(Paths.get("models")), source);
        return SweepFolder.create(parent, plan);
    }

    /** Tasks 0 and 1 done, task 2 running (returned: close it to let it go), task 3 queued. */
    public static RunDirectory populate(SweepFolder sweep) throws IOException {
        finished(sweep, 0, 6, 0.5, 40);
        finished(sweep, 1, 8, 1.0, 60);
        SweepTask t2 = sweep.getPlan().task(2);
        RunDirectory running = RunDirectory.createAt(sweep.taskDir(t2), t2.config(), new JsonObject());
        metrics(sweep.taskDir(t2), 150);
        return running;
    }

    static void finished(SweepFolder sweep, int task, int modes, double highQuality, double wall) throws IOException {
        SweepTask t = sweep.getPlan().task(task);
        Path dir = sweep.taskDir(t);
        Files.createDirectories(dir.resolve(RunDirectory.SAMPLES));
        JsonObject config = t.config().toJsonObject();
        JsonObject info = new JsonObject();
        info.addProperty("preset", "ring8-gan");
        config.add("run", info);
        Files.writeString(dir.resolve(RunDirectory.CONFIG), config.toString(), StandardCharsets.UTF_8);
        metrics(dir, 300);
        Files.writeString(dir.resolve(RunDirectory.SUMMARY), String.format(Locale.ROOT,
                "{\"status\": \"finished\", \"reason\": \"\", \"steps\": 300, \"wallSeconds\": %s, \"eval\": "
                        + "{\"step\": 300, \"samples\": 2500, \"data\": \"ring8\", \"modesCaptured\": %d, "
                        + "\"modes\": 8, \"highQualityFraction\": %s, \"kl\": 0.5}}", wall, modes, highQuality),
                StandardCharsets.UTF_8);
    }

    /** Rows every 10 steps up to last, 0.1 s a step. */
    public static void metrics(Path dir, long last) throws IOException {
        StringBuilder sb = new StringBuilder(String.join(",", StepMetrics.COLUMNS)).append('\n');
        for (long step = 10; step <= last; step += 10) {
            StepMetrics m = new StepMetrics(step, step, 1.0, 0.5, Double.NaN, 0.6, 0.4, 1, 1, Double.NaN,
                    Double.NaN, 1e-4, 1e-4, 1000, step * 0.1);
            sb.append(m.toCsvRow()).append('\n');
        }
        Files.writeString(dir.resolve(RunDirectory.METRICS), sb.toString(), StandardCharsets.UTF_8);
    }
}
