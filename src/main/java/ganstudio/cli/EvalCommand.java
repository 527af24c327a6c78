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
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `eval RUN_DIR`: loads the latest checkpoint, evaluates, prints JSON (for a GAN run followed by the scores by
 * name) and stores it in summary.json, unless the run is being trained (its trainer owns summary.json then): the
 * result is printed only, and stderr says why.
 */
@Command(name = "eval", description = {"Evaluate a run's latest checkpoint: prints the scores as JSON (then by "
        + "name, unless --json) and stores them in its summary.json (not while the run is being trained: then they "
        + "are printed only)."})
final class EvalCommand implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;

    @Parameters(paramLabel = "RUN_DIR", description = "The run's folder, e.g. runs/ring8-wgan-gp-20260101-120000.")
    Path dir;

    @Option(names = "--samples", paramLabel = "N",
            description = "Generated samples to evaluate (default: the run's eval.samples).")
    Integer samples;

    @Option(names = "--device", paramLabel = "D", description = "auto, cpu, gpu or gpu:N (default: the run's).")
    String device;

    @Option(names = "--json", description = "Print the JSON object alone, for scripts.")
    boolean json;

    EvalCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        Integer samplesOption = samples == null ? null : Cli.inRange("--samples", samples, "eval.samples");
        String deviceOption = device == null ? null : Cli.device(device);
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
        int count = samplesOption != null ? samplesOption : c.getInt(ConfigSchema.EVAL_SAMPLES);
        Device device = Devices.resolve(c.getString(ConfigSchema.DEVICE));
        TrainingData data = TrainingData.load(c);
        JsonObject result;
        try (GanTrainer trainer = new GanTrainer(c, data, device)) {
            try {
                GanSession.loadCheckpoint(trainer, checkpoint);
            } catch (java.io.IOException e) {
                throw new UserError("unreadable checkpoint: " + e.getMessage());
            }

            result = Evaluation.evaluate(trainer, c, count);
        }
        print(result);
        if (!json) { // --json: the one JSON object alone, for scripts
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
