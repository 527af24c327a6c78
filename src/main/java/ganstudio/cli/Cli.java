package ganstudio.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import ganstudio.config.ConfigKey;
import ganstudio.config.ConfigSchema;
import ganstudio.config.Presets;
import ganstudio.config.RunConfig;
import ganstudio.tricks.TwinConfig;
import ganstudio.config.UserError;
import ganstudio.metrics.EvaluationScores;
import ganstudio.media.video.FramePacing;
import ganstudio.media.video.Recorder;
import ganstudio.media.video.RecordingResult;
import ganstudio.media.video.VideoSettings;
import ganstudio.runs.RunDirectory;
import ganstudio.train.classify.ClassifierSession;
import ganstudio.train.gan.RecordingListener;
import ganstudio.train.ResumeRequest;
import ganstudio.train.Session;
import ganstudio.train.gan.GanSession;
import ganstudio.train.bench.Bench;
import ganstudio.train.bench.BenchOptions;
import ganstudio.tricks.Tricks;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The headless commands. Exit codes: 0 success, 1 training failed or diverged, 2 bad input. */
public final class Cli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    private static final String USAGE = String.join("\n",
            "GAN Studio: train and compare GANs and WGANs on the CPU or a GPU.",
            "",
            "Usage: java -jar target/ganstudio.jar <command> [options]",
            "",
            "Commands:",
            "  train --preset NAME|FILE [--set key=value ...] [--seed N] [--steps N] [--device D] [--out DIR]",
            "        Train a preset (see `presets`); writes a run directory under --out (default: runs).",
            "        A classifier preset (task = classifier) takes --epochs N instead of --steps.",
            "  train --resume RUN_DIR [--steps N | --epochs N] [--reschedule] [--device D]",
            "        Continue a run from its latest readable checkpoint: the same numbers as if it never stopped.",
            "        A new length keeps the schedules on the run's first length unless --reschedule stretches them.",
            "  train --twin-of RUN_DIR [--objective wgan|wgan-gp|nsgan|...] [--steps N] [--out DIR]",
            "        The paired experiment: the run's WGAN twin (a WGAN's standard GAN twin by default) with the",
            "        same seed, data order and fixed noise; objective and optimizers from the matching preset.",
            "        Both take --record FILE.mp4|FILE.gif [--fps N] [--video-every N|sqrt] [--video-size WxH]:",
            "        a video of the sample grid / 2D view with step and losses (default 10 fps, sqrt pacing:",
            "        a frame whenever round(2*sqrt(step)) advances).",
            "  video RUN_DIR [--out FILE.mp4|FILE.gif] [--fps N] [--video-every N|sqrt] [--video-size WxH]",
            "        [--side-by-side OTHER_RUN_DIR]",
            "        A video from a run's saved frames (samples/*.png) and metrics; two runs side by side.",
            "  sweep FILE [--out DIR] [--executor local|slurm] [--parallel N] [--threads N] [--device D] [--dry-run]",
            "  sweep --resume DIR [--retry-failed]    |    sweep report DIR    |    sweep status DIR",
            "        A study: every preset x grid value x seed of a sweep file as its own run (on this machine or",
            "        a Slurm cluster), then report.md/.csv/.json and band plots. `sweep --help` for the file format.",
            "  ablate --preset NAME|FILE [--tricks a,b,...] [--seeds N] [--budget MINUTES] [--epochs N|--steps N]",
            "         [--set k=v] [--out DIR] [--parallel N] [--device D]",
            "        A sweep of a GAN or classifier preset alone and with each trick added alone, over seeds 1..N;",
            "        its report (sweep report) is the table. --budget splits the minutes over the runs.",
            "  export RUN_DIR --out FILE.safetensors|FILE.npz [--step N] [--format safetensors|npz]",
            "                    A GAN run's generator (and its EMA) and critic under PyTorch state-dict names;",
            "                    src/python/ganstudio_load.py builds the same networks and loads them.",
            "  eval RUN_DIR [--samples N] [--device D] [--json]",
            "                    Evaluate a run's latest checkpoint; prints JSON (then the scores by name, unless",
            "                    --json) and stores it in summary.json",
            "                    (not while the run is being trained: then it is printed only).",
            "  presets [--keys]  List the presets in models/ (or every config key with its range).",
            "  bench [--workloads a,b] [--iters N] [--warmup N] [--threads N] [--device cpu|gpu] [--soak N]",
            "                    Time fixed workloads (" + String.join(", ", BenchOptions.WORKLOADS) + ")",
            "                    against the fp32 matmul ceiling; --soak N prints resident memory over N steps.",
            "  bench --conv-check --preset NAME|FILE [--calls N] [--threads N]",
            "                    Check every oneDNN convolution of one training step against a matrix product",
            "                    (forward and gradients, N calls each); exit 1 if this CPU gets any wrong.",
            "  studio [--preset NAME] [--open RUN_DIR] [--demo PRESET [--steps N] [--record view|dashboard]\n"
                    + "         --screenshot FILE.png --after S] [--sweeps DIR] [--open-sweep SWEEP_DIR]",
            "                    Open the desktop studio (also what no command does); needs a display.",
            "  --version         GAN Studio's, DJL's and PyTorch's versions, the natives and the device.",
            "  help              This text.",
            "",
            "Devices: --device auto|cpu|gpu|gpu:N (auto = the first GPU if PyTorch sees one, else the CPU).");

    private final PrintStream out;
    private final PrintStream err;

    public Cli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String[] args) {
        if (args.length == 0) {
            out.println(USAGE);
            return OK;
        }
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        try {
            switch (args[0]) {
                case "train":
                    return train(rest);
                case "sweep":
                    return SweepCommand.run(rest, out, err);
                case "ablate":
                    return new AblateCommand(out, err).run(rest);
                case "eval":
                    return new EvalCommand(out, err).run(rest);
                case "video":
                    return new VideoCommand(out).run(rest);
                case "export":
                    return new ExportCommand(out).run(rest);
                case "presets":
                    return presets(rest);
                case "bench":
                    if (rest.contains("--conv-check")) {
                        return new ConvCheckCommand(out).run(rest);
                    }
                    new Bench(out, BenchOptions.parse(rest)).run();
                    return OK;
                case "studio":
                    err.println("error: the studio is started by the jar (java -jar target/ganstudio.jar [studio ...]),"
                            + " not by the command line interface");
                    return BAD_INPUT;
                case "help":
                case "--help":
                case "-h":
                    out.println(USAGE);
                    return OK;
                case "--version":
                case "version":
                    version();
                    return OK;
                default:
                    err.println("error: unknown command '" + args[0] + "'; `help` lists the commands");
                    return BAD_INPUT;
            }
        } catch (UserError e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        } catch (RuntimeException e) {
            return unexpected(e);
        }
    }

    /**
     * Anything that is not the user's input going wrong: one line on the console, the trace in the session log
     * (which the line names), exit code 1.
     */
    int unexpected(RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(Cli.class).error("unexpected error", e);
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        err.println("error: unexpected: " + what + ganstudio.logs.Logs.sessionLog()
                .map(p -> " (the trace is in " + p + ")").orElse(""));
        return FAILED;
    }

    private void version() {
        String own = Cli.class.getPackage().getImplementationVersion();
        ganstudio.train.NativeBuild natives = ganstudio.train.NativeBuild.current();
        ai.djl.engine.Engine engine = ai.djl.engine.Engine.getInstance();
        out.println("GAN Studio " + (own == null ? "(not from the jar)" : own));
        out.println("DJL " + ai.djl.engine.Engine.getDjlVersion() + ", " + engine.getEngineName() + " "
                + engine.getVersion() + " (natives: " + String.join(", ", natives.flavors()) + ")");
        out.println("Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch"));
        out.println("device: " + ganstudio.train.Devices.describe(ganstudio.train.Devices.resolve("auto")));
    }

    private int presets(List<String> args) {
        Options o = Options.parse(args, List.of(), List.of("--keys"));
        if (!o.positional().isEmpty()) {
            throw new UserError("presets takes no arguments but --keys; got " + o.positional().get(0));
        }
        if (o.has("--keys")) {
            for (ConfigKey<?> k : ConfigSchema.keys()) {
                out.printf("%-22s %-8s default %-10s %s%s%n", k.getName(), k.getType().name().toLowerCase(),
                        k.getDefaultValue(), k.describeRange(), k.isLiveEditable() ? " (live)" : "");
                out.printf("%-22s %s%n", "", k.getHelp());
            }
            return OK;
        }
        Presets presets = Presets.locate();
        List<String> names = presets.names();
        if (names.isEmpty()) {
            throw new UserError("no presets found in " + presets.getDir().toAbsolutePath()
                    + "; run from the project folder or set -Dganstudio.models=DIR");
        }
        for (String name : names) {
            RunConfig c = presets.load(name);
            out.printf("%-24s %s%n", name, c.getString(ConfigSchema.DESCRIPTION));
        }
        return OK;
    }

    private int train(List<String> args) {
        List<String> flags = new ArrayList<>(List.of("--preset", "--set", "--seed", "--steps", "--epochs", "--out",
                "--device", "--resume", "--record", "--twin-of", "--objective"));
        List<String> switches = List.of("--reschedule");
        flags.addAll(VideoOptions.FLAGS);
        Options o = Options.parse(args, flags, switches);
        VideoSettings video = VideoOptions.parse(o, FramePacing.sqrt());
        Path record = o.has("--record") ? Paths.get(o.get("--record")) : null;
        if (record != null) {
            Recorder.checkWritable(record);
        } else if (VideoOptions.FLAGS.stream().anyMatch(o::has)) {
            throw new UserError("--fps, --video-every and --video-size go with --record FILE.mp4|FILE.gif");
        }
        GanSession session;
        if (o.has("--resume")) {
            Path dir = Paths.get(o.get("--resume"));
            refuseOnResume(o);
            boolean classifier = isClassifierRun(dir);
            String lengthFlag = classifier ? "--epochs" : "--steps";
            String otherFlag = classifier ? "--steps" : "--epochs";
            if (o.has(otherFlag)) {
                throw new UserError(otherFlag + " does not apply to this " + (classifier ? "classifier" : "GAN")
                        + " run; give " + lengthFlag + " N");
            }
            ResumeRequest request = new ResumeRequest(
                    o.has(lengthFlag) ? wholeNumber(lengthFlag, o.get(lengthFlag), classifier ? "cls.epochs" : "steps")
                            : null, o.has("--reschedule"),
                    o.has("--device") ? device(o.get("--device")) : null);
            if (classifier) {
                requireNoRecording(record);
                return new ClassifierCommand(out, err).run(ClassifierSession.resume(dir, request));
            }
            session = GanSession.resume(dir, request);
        } else if (o.has("--twin-of")) {
            session = twinSession(o);
        } else {
            if (!o.has("--preset")) {
                throw new UserError("train needs --preset NAME|FILE or --resume RUN_DIR; `presets` lists the presets");
            }
            String preset = o.get("--preset");
            RunConfig c = configFromOptions(o);
            Path outDir = Paths.get(o.has("--out") ? o.get("--out") : "runs");
            if ("classifier".equals(c.getString(ConfigSchema.TASK))) {
                requireNoRecording(record);
                return new ClassifierCommand(out, err).run(ClassifierSession.create(c, outDir, preset));
            }
            session = GanSession.create(c, outDir, preset);
        }
        // A listener: a Ctrl-C'd run finalizes its video before the session's end is signalled and the JVM exits.
        RecordingListener recording = record == null ? null : RecordingListener.attach(session,
                Recorder.start(record, video),
                        o.has("--preset") ? o.get("--preset") : session.getConfig().getString(ConfigSchema.NAME))
                .setNotice(out::println);
        return runToEnd(session, recording, out, err);
    }

    /**
     * Runs a GAN session on this thread with console progress, Ctrl-C (or SIGTERM from a scheduler) stopping it
     * with a checkpoint; prints the evaluation and the run's folder. Exit code as {@link #reportFailure}.
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
            return reportFailure(session, err);
        }
        JsonObject summary = RunDirectory.open(session.getRunDir()).readSummary();
        if (summary.has("eval")) {
            out.println("eval: " + new GsonBuilder().serializeSpecialFloatingPointValues().create()
                    .toJson(summary.get("eval")));
            EvaluationScores.ofSummary(summary).ifPresent(scores -> out.println(scores.text()));
        }
        out.println("run: " + session.getRunDir());
        return OK;
    }

    /**
     * A resumed run is the same run continued: only its length, its schedules' span and its device may change.
     */
    private static void refuseOnResume(Options o) {
        for (String flag : List.of("--set", "--seed", "--out", "--preset", "--twin-of", "--objective")) {
            if (o.has(flag)) {
                throw new UserError(flag + " cannot be combined with --resume: a resumed run keeps its own settings, "
                        + "seed and folder (it continues the same numbers); resume takes --steps/--epochs, "
                        + "--reschedule and --device, or start a new run with --preset");
            }
        }
    }

    /** The failed run's reason and where it is; a run that never started (bad data, no GPU) is bad input. */
    static int reportFailure(Session<?> session, PrintStream err) {
        err.println("error: " + session.getReason());
        if (session.getRunDir() != null) {
            err.println("the run so far stays readable in " + session.getRunDir());
        }
        return session.failedOnInput() ? BAD_INPUT : FAILED;
    }

    /** train --twin-of RUN_DIR: the twin's config from the matching preset, its changes printed before it starts. */
    private GanSession twinSession(Options o) {
        Path source = Paths.get(o.get("--twin-of"));
        RunDirectory run = RunDirectory.open(source);
        RunConfig config = run.readConfig();
        String objective = o.has("--objective") ? o.get("--objective")
                : TwinConfig.defaultObjective(config.getString(ConfigSchema.OBJECTIVE_KIND));
        String preset = run.readRunInfo().has("preset") ? run.readRunInfo().get("preset").getAsString() : "";
        TwinConfig.Twin twin = TwinConfig.derive(config, preset, objective, Presets.locate());
        RunConfig c = twin.config();
        if (o.has("--steps")) {
            c = c.withValue("steps", wholeNumber("--steps", o.get("--steps"), "steps"));
        }
        out.println("twin of " + source + " (settings from preset " + twin.preset() + "): "
                + (twin.changes().isEmpty() ? "no changes" : twin.changes().stream().map(Object::toString)
                        .collect(Collectors.joining(", "))));
        out.println("kept: data, model, seed " + c.getLong(ConfigSchema.SEED) + ", batchSize "
                + c.getInt(ConfigSchema.BATCH_SIZE)
                + ", the fixed noise bank and the data order");
        Path outDir = o.has("--out") ? Paths.get(o.get("--out")) : source.toAbsolutePath().getParent();
        return GanSession.twin(c, outDir, twin.preset(), source);
    }

    /** The preset of --preset with --set, --seed, --steps, --epochs and --device applied, validated. */
    static RunConfig configFromOptions(Options o) {
        // The options' own words are checked before the preset is read: "--steps abc", not "steps = abc".
        String seed = o.has("--seed") ? o.get("--seed") : null;
        if (seed != null) {
            long min = (long) ConfigSchema.require("seed").getMin();
            long max = (long) ConfigSchema.require("seed").getMax();
            seed = String.valueOf(wholeNumber("--seed", seed, min, max));
        }
        String steps = o.has("--steps") ? String.valueOf(wholeNumber("--steps", o.get("--steps"), "steps")) : null;
        String epochs = o.has("--epochs") ? String.valueOf(wholeNumber("--epochs", o.get("--epochs"), "cls.epochs"))
                : null;
        String device = o.has("--device") ? device(o.get("--device")) : null;
        RunConfig c = Presets.locate().load(o.get("--preset"));
        for (String kv : o.all("--set")) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new UserError("--set " + kv + ": expected key=value, e.g. --set optD.lr=1e-4");
            }
            c = c.with(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        if (seed != null) {
            c = c.with("seed", seed);
        }
        if (steps != null) {
            c = c.with("steps", steps);
        }
        if (epochs != null) {
            c = c.with("cls.epochs", epochs);
        }
        if (device != null) {
            c = c.with("device", device);
        }
        return Tricks.validate(c, "");
    }

    private static boolean isClassifierRun(Path dir) {
        return RunDirectory.isRun(dir)
                && "classifier".equals(RunDirectory.open(dir).readConfig().getString(ConfigSchema.TASK));
    }

    private static void requireNoRecording(Path record) {
        if (record != null) {
            throw new UserError("--record films a GAN's samples; a classifier run has none (its curves are in the "
                    + "studio's Classifier view)");
        }
    }

    /**
     * A whole-number option in the range of the config key it sets, e.g. "--steps abc: expected a whole number
     * from 1 to 100000000".
     */
    static int wholeNumber(String flag, String text, String key) {
        ConfigKey<?> k = ConfigSchema.require(key);
        return (int) wholeNumber(flag, text, (long) k.getMin(), (long) Math.min(k.getMax(), Integer.MAX_VALUE));
    }

    /** Every command's whole-number options: one line naming the option and the range, exit code 2. */
    static long wholeNumber(String flag, String text, long min, long max) {
        try {
            long v = Long.parseLong(text.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserError(flag + " " + text + ": expected a whole number from " + min + " to " + max);
    }

    private static final java.util.regex.Pattern DEVICE = java.util.regex.Pattern.compile("auto|cpu|gpu(:\\d{1,2})?");

    /** --device auto|cpu|gpu|gpu:N, checked as typed. */
    static String device(String text) {
        if (!DEVICE.matcher(text).matches()) {
            throw new UserError("--device " + text + ": expected auto, cpu, gpu or gpu:N");
        }
        return text;
    }
}
