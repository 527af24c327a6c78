package ganstudio.cli;

import ai.djl.Device;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.data.TrainingData;
import ganstudio.metrics.EvaluationScores;
import ganstudio.runs.RunDirectory;
import ganstudio.train.Devices;
import ganstudio.train.classify.ClassifierSession;
import ganstudio.train.gan.Evaluation;
import ganstudio.train.gan.GanTrainer;
import ganstudio.train.gan.GanSession;
import ganstudio.config.ConfigSchema;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * `eval RUN_DIR`: loads the latest checkpoint, evaluates, prints JSON (for a GAN run followed by the scores by
 * name) and stores it in summary.json, unless the run is being trained (its trainer owns summary.json then): the
 * result is printed only, and stderr says why.
 */
final class EvalCommand {

    private final PrintStream out;
    private final PrintStream err;

    EvalCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) {
        Options o = Options.parse(args, List.of("--samples", "--device"), List.of("--json"));
        if (o.positional().size() != 1) {
            throw new UserError("eval needs one run directory, e.g. eval runs/ring8-wgan-gp-20260101-120000");
        }
        Integer samplesOption = o.has("--samples") ? Cli.wholeNumber("--samples", o.get("--samples"), "eval.samples")
                : null;
        String deviceOption = o.has("--device") ? Cli.device(o.get("--device")) : null;
        Path dir = Paths.get(o.positional().get(0));
        RunDirectory run = RunDirectory.open(dir);
        RunConfig c = run.readConfig();
        if (deviceOption != null) {
            c = c.with("device", deviceOption);
        }
        JsonObject summary = run.readSummary(); // a broken summary.json fails now, not after the evaluation
        if ("classifier".equals(c.getString(ConfigSchema.TASK))) {
            JsonObject test = ClassifierSession.testReport(dir, deviceOption);
            print(test);
            store(dir, "test", test);
            return Cli.OK;
        }
        Path checkpoint = run.latestCheckpoint()
                .orElseThrow(() -> new UserError(dir + ": has no checkpoint to evaluate"));
        int samples = samplesOption != null ? samplesOption : c.getInt(ConfigSchema.EVAL_SAMPLES);
        Device device = Devices.resolve(c.getString(ConfigSchema.DEVICE));
        TrainingData data = TrainingData.load(c);
        JsonObject result;
        try (GanTrainer trainer = new GanTrainer(c, data, device)) {
            try {
                GanSession.loadCheckpoint(trainer, checkpoint);
            } catch (java.io.IOException e) {
                throw new UserError("unreadable checkpoint: " + e.getMessage());
            }

            result = Evaluation.evaluate(trainer, c, samples);
        }
        print(result);
        if (!o.has("--json")) { // --json: the one JSON object alone, for scripts
            out.println(EvaluationScores.of(result).text());
        }
        store(dir, "eval", result);
        return Cli.OK;
    }

    private void print(JsonObject result) {
        out.println(new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(result));
    }

    /** Stores a result in summary.json, which the trainer of a run being trained rewrites: only with the lock. */
    private void store(Path dir, String key, JsonObject result) {
        try (RunDirectory writable = RunDirectory.openForWriting(dir, "eval")) {
            JsonObject current = writable.readSummary(); // read again: a trainer may have ended meanwhile
            current.add(key, result);
            writable.writeSummary(current);
        } catch (RunDirectory.BeingWritten e) {
            err.println("not stored in " + RunDirectory.SUMMARY + ": " + dir + " is " + e.who()
                    + "; run eval again once it has stopped to store the result");
        }
    }
}
