package ganstudio.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

import ganstudio.config.ConfigSchema;
import ganstudio.config.Presets;
import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.media.video.FramePacing;
import ganstudio.media.video.Recorder;
import ganstudio.media.video.RecordingResult;
import ganstudio.media.video.VideoSettings;
import ganstudio.metrics.EvaluationScores;
import ganstudio.runs.RunDirectory;
import ganstudio.train.ResumeRequest;
import ganstudio.train.classify.ClassifierSession;
import ganstudio.train.gan.GanSession;
import ganstudio.train.gan.RecordingListener;
import ganstudio.tricks.TwinConfig;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** train: a new run of a preset, a resumed run, or the paired twin of a run. */
@Command(name = "train", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Train a preset (GAN or classifier) into a new run folder; continue a run (--resume); or "
                + "train a run's twin (--twin-of).",
            "Ctrl-C stops with a checkpoint; `train --resume RUN_DIR` continues with the same numbers as if it "
                    + "never stopped."})
final class TrainCommand implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;

    @Mixin
    PresetOptions preset = new PresetOptions();

    @Option(names = "--out", paramLabel = "DIR", order = 10,
            description = "Where the run's folder goes (default: runs; for --twin-of, beside the run).")
    Path outDir;

    @Option(names = "--resume", paramLabel = "RUN_DIR", order = 20,
            description = "Continue this run from its latest readable checkpoint; takes --steps/--epochs, "
                    + "--reschedule and --device (default: start a new run).")
    Path resume;

    @Option(names = "--reschedule", order = 21,
            description = "With --resume and a new length: stretch the learning-rate schedules to it (otherwise "
                    + "they keep the run's first length).")
    boolean reschedule;

    @Option(names = "--twin-of", paramLabel = "RUN_DIR", order = 30,
            description = "Train the run's twin with the same seed, data order and fixed noise: a GAN's WGAN twin, "
                    + "a WGAN's GAN twin (default: no twin).")
    Path twinOf;

    @Option(names = "--objective", paramLabel = "KIND", order = 31,
            description = "With --twin-of: the twin's objective, e.g. wgan, wgan-gp, nsgan (default: the other "
                    + "family's).")
    String objective;

    @Option(names = "--record", paramLabel = "FILE.mp4|FILE.gif", order = 39,
            description = "Film the sample grid (or 2D view) with step and losses while training (default: no "
                    + "video).")
    Path record;

    @Mixin
    VideoOptions video = new VideoOptions();

    TrainCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        VideoSettings settings = video.settings(FramePacing.sqrt());
        if (record != null) {
            Recorder.checkWritable(record);
        } else if (video.given()) {
            throw new UserError("--fps, --video-every and --video-size go with --record FILE.mp4|FILE.gif");
        }
        GanSession session;
        if (resume != null) {
            refuseOnResume();
            boolean classifier = Cli.isClassifierRun(resume);
            Integer length = classifier ? preset.epochs : preset.steps;
            if ((classifier ? preset.steps : preset.epochs) != null) {
                throw new UserError((classifier ? "--steps" : "--epochs") + " does not apply to this "
                        + (classifier ? "classifier" : "GAN") + " run; give " + (classifier ? "--epochs" : "--steps")
                        + " N");
            }
            ResumeRequest request = new ResumeRequest(length == null ? null : Cli.inRange(classifier ? "--epochs"
                    : "--steps", length, classifier ? "cls.epochs" : "steps"), reschedule,
                    preset.device == null ? null : Cli.device(preset.device));
            if (classifier) {
                requireNoRecording();
                return new ClassifierCommand(out, err).run(ClassifierSession.resume(resume, request));
            }
            session = GanSession.resume(resume, request);
        } else if (twinOf != null) {
            session = twinSession();
        } else {
            if (preset.preset == null) {
                throw new UserError("train needs --preset NAME|FILE or --resume RUN_DIR; `presets` lists the presets");
            }
            RunConfig c = preset.config();
            Path runs = outDir != null ? outDir : Paths.get("runs");
            if ("classifier".equals(c.getString(ConfigSchema.TASK))) {
                requireNoRecording();
                return new ClassifierCommand(out, err).run(ClassifierSession.create(c, runs, preset.preset));
            }
            session = GanSession.create(c, runs, preset.preset);
        }
        // A listener: a Ctrl-C'd run finalizes its video before the session's end is signalled and the JVM exits.
        RecordingListener recording = record == null ? null : RecordingListener.attach(session,
                Recorder.start(record, settings),
                preset.preset != null ? preset.preset : session.getConfig().getString(ConfigSchema.NAME))
                .setNotice(out::println);
        return runToEnd(session, recording, out, err);
    }

    /**
     * Runs a GAN session on this thread with console progress, Ctrl-C (or SIGTERM from a scheduler) stopping it
     * with a checkpoint; prints the evaluation and the run's folder. Exit code as {@link Cli#reportFailure}.
     */
    static int runToEnd(GanSession session, RecordingListener recording, PrintStream out, PrintStream err) {
        ConsoleProgress progress = new ConsoleProgress(out, System.console() != null);
        session.addListener(progress);
        StopOnShutdown hook = new StopOnShutdown(session, 60);
        String status = session.runHere();
        hook.remove();
        if (recording != null) {
            RecordingResult r = recording.stop(); // already closed by the session's end; returns its result
            (r.ok() ? out : err).println("video: " + r.describe());
        }
        if ("failed".equals(status)) {
            return Cli.reportFailure(session, err);
        }
        JsonObject summary = RunDirectory.open(session.getRunDir()).readSummary();
        if (summary.has("eval")) {
            out.println("eval: " + new GsonBuilder().serializeSpecialFloatingPointValues().create()
                    .toJson(summary.get("eval")));
            EvaluationScores.ofSummary(summary).ifPresent(scores -> out.println(scores.text()));
        }
        out.println("run: " + session.getRunDir());
        return Cli.OK;
    }

    /** A resumed run is the same run continued: only its length, its schedules' span and its device may change. */
    private void refuseOnResume() {
        String given = !preset.sets.isEmpty() ? "--set" : preset.seed != null ? "--seed" : outDir != null ? "--out"
                : preset.preset != null ? "--preset" : twinOf != null ? "--twin-of" : objective != null
                        ? "--objective" : null;
        if (given != null) {
            throw new UserError(given + " cannot be combined with --resume: a resumed run keeps its own settings, "
                    + "seed and folder (it continues the same numbers); resume takes --steps/--epochs, "
                    + "--reschedule and --device, or start a new run with --preset");
        }
    }

    /** train --twin-of RUN_DIR: the twin's config from the matching preset, its changes printed before it starts. */
    private GanSession twinSession() {
        RunDirectory run = RunDirectory.open(twinOf);
        RunConfig config = run.readConfig();
        String kind = objective != null ? objective
                : TwinConfig.defaultObjective(config.getString(ConfigSchema.OBJECTIVE_KIND));
        String from = run.readRunInfo().has("preset") ? run.readRunInfo().get("preset").getAsString() : "";
        TwinConfig.Twin twin = TwinConfig.derive(config, from, kind, Presets.locate());
        RunConfig c = twin.config();
        if (preset.steps != null) {
            c = c.withValue("steps", Cli.inRange("--steps", preset.steps, "steps"));
        }
        out.println("twin of " + twinOf + " (settings from preset " + twin.preset() + "): "
                + (twin.changes().isEmpty() ? "no changes" : twin.changes().stream().map(Object::toString)
                        .collect(Collectors.joining(", "))));
        out.println("kept: data, model, seed " + c.getLong(ConfigSchema.SEED) + ", batchSize "
                + c.getInt(ConfigSchema.BATCH_SIZE)
                + ", the fixed noise bank and the data order");
        Path dir = outDir != null ? outDir : twinOf.toAbsolutePath().getParent();
        return GanSession.twin(c, dir, twin.preset(), twinOf);
    }

    private void requireNoRecording() {
        if (record != null) {
            throw new UserError("--record films a GAN's samples; a classifier run has none (its curves are in the "
                    + "studio's Classifier view)");
        }
    }
}
