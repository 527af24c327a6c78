package ganstudio.cli;

import com.google.gson.JsonObject;

import ganstudio.config.Presets;
import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.runs.RunDirectory;
import ganstudio.sweep.LocalExecutor;
import ganstudio.sweep.SlurmExecutor;
import ganstudio.sweep.SlurmQueue;
import ganstudio.sweep.SweepFolder;
import ganstudio.sweep.SweepPlan;
import ganstudio.sweep.SweepSpec;
import ganstudio.sweep.SweepTask;
import ganstudio.sweep.TaskExecutor;
import ganstudio.sweep.TaskState;
import ganstudio.train.classify.ClassifierSession;
import ganstudio.train.ResumeRequest;
import ganstudio.train.Session;
import ganstudio.train.gan.GanSession;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * sweep: many runs over presets, a grid of settings and seeds, on this machine or on a Slurm cluster, summarized
 * as a report.
 */
@Command(name = "sweep", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Run a study: every preset x grid value x seed of a sweep file as its own run, then a report.",
            "Example file: {\"name\": \"gan-vs-wgan\", \"presets\": [\"ring8-gan\"], "
                    + "\"grid\": {\"objective.kind\": [\"nsgan\", \"wgan\"]}, \"seeds\": 2, \"set\": {\"steps\": 200}}"})
final class SweepCommand implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The sweep file (JSON).")
    Path file;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue a sweep: skip done tasks, resume stopped or killed ones from their checkpoints "
                    + "(default: start the sweep FILE).")
    Path resume;

    @Option(names = "--retry-failed", description = "With --resume: also rerun failed and diverged tasks.")
    boolean retryFailed;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the sweep's folder goes (default: sweeps).")
    Path outDir = Paths.get("sweeps");

    @Option(names = "--executor", paramLabel = "local|slurm", description = "Where tasks run (default: local).")
    String executor = "local";

    @Option(names = "--parallel", paramLabel = "N", description = "Local: tasks at once (default: one per core).")
    Integer parallel;

    @Option(names = "--threads", paramLabel = "N",
            description = "PyTorch threads per task (default: the cores shared out among the tasks at once).")
    Integer threads;

    @Option(names = "--device", paramLabel = "D", description = "Device for every task: auto|cpu|gpu|gpu:N (default: each task's preset's).")
    String device;

    @Option(names = "--partition", paramLabel = "NAME", description = "Slurm: the partition (or a comma list) (default: the cluster's).")
    String partition;

    @Option(names = "--time", paramLabel = "LIMIT", description = "Slurm: time limit per task (90, 1:30:00, 2-00) (default: the partition's).")
    String time;

    @Option(names = "--mem", paramLabel = "SIZE", description = "Slurm: memory per task (8G, 500M) (default: the cluster's).")
    String mem;

    @Option(names = "--cpus-per-task", paramLabel = "N",
            description = "Slurm: CPUs per task, also its PyTorch threads (default 1).")
    Integer cpusPerTask;

    @Option(names = "--gpus", paramLabel = "N", description = "Slurm: GPUs per task (--gres=gpu:N; trains on the GPU) (default: none).")
    Integer gpus;

    @Option(names = "--max-running", paramLabel = "K", description = "Slurm: at most K tasks at once (default: 0, no limit).")
    Integer maxRunning;

    @Option(names = "--sbatch-arg", paramLabel = "ARG", description = "Slurm: passed to sbatch as is; repeatable (default: none).")
    List<String> sbatchArgs = new ArrayList<>();

    @Option(names = "--dry-run", description = "Expand and check every task, print the plan, start nothing.")
    boolean dryRun;

    SweepCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** The sweep command with its report, status and (hidden) task subcommands. */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        return new CommandLine(new SweepCommand(out, err))
                .addSubcommand("report", new ReportCommand(out, err))
                .addSubcommand("status", new StatusCommand(out))
                .addSubcommand("task", new TaskCommand(out, err));
    }

    @Override
    public Integer call() throws InterruptedException {
        if ((file == null) == (resume == null)) {
            throw new UserError("sweep takes a sweep FILE or --resume DIR (one of them); `sweep --help` shows both");
        }
        if (retryFailed && resume == null) {
            throw new UserError("--retry-failed goes with --resume DIR");
        }
        if (device != null) {
            device = Cli.device(device);
        }
        if (threads != null && (threads < 1 || threads > 256)) {
            throw new UserError("--threads " + threads + ": give 1-256 PyTorch threads per task");
        }
        if (parallel != null && (parallel < 1 || parallel > 1024)) {
            throw new UserError("--parallel " + parallel + ": give 1-1024 tasks at once");
        }
        TaskExecutor exec = executor();
        SweepFolder sweep;
        List<SweepTask> todo;
        if (file != null) {
            SweepPlan plan = plan(file);
            out.printf(Locale.ROOT, "sweep %s: %d variant(s) x %d seed(s) = %d task(s)%n", plan.name(),
                    plan.variants().size(), plan.tasks().size() / Math.max(1, plan.variants().size()),
                    plan.tasks().size());
            if (dryRun) {
                for (SweepTask t : plan.tasks()) {
                    out.printf(Locale.ROOT, "  %3d  %-40s seed %d  -> %s%n", t.index(), label(plan, t), t.seed(),
                            t.folder());
                }
                return Cli.OK;
            }
            sweep = SweepFolder.create(outDir, plan);
            todo = plan.tasks();
        } else {
            sweep = SweepFolder.open(resume);
            todo = toResume(sweep);
            if (dryRun) {
                todo.forEach(t -> out.printf(Locale.ROOT, "  %3d  %-40s seed %d%n", t.index(),
                        label(sweep.getPlan(), t), t.seed()));
                return Cli.OK;
            }
        }
        out.println("  folder: " + sweep.getPath());
        out.println("  executor: " + describe(exec));
        boolean ok = exec.execute(sweep, todo, new SweepConsole(sweep, todo.size(), out));
        SweepReports.write(sweep, out, err);
        Map<TaskState.Kind, Integer> counts = counts(sweep);
        out.println("  " + countsText(counts));
        if (!(exec instanceof LocalExecutor)) {
            return ok ? Cli.OK : Cli.FAILED;
        }
        // Locally every task has had its turn: one not done failed, diverged, or could not start (its log says why)
        int notDone = sweep.getPlan().tasks().size() - counts.getOrDefault(TaskState.Kind.DONE, 0);
        if (notDone > 0) {
            err.println("error: " + notDone + " of " + sweep.getPlan().tasks().size() + " task(s) not done; their logs "
                    + "are in " + sweep.getPath().resolve(SweepFolder.LOGS) + "; `sweep --resume "
                    + sweep.getPath() + "` runs what is left (--retry-failed also reruns failed ones)");
        }
        return !ok || notDone > 0 ? Cli.FAILED : Cli.OK;
    }

    private TaskExecutor executor() {
        boolean slurmOptions = partition != null || time != null || mem != null || cpusPerTask != null
                || gpus != null || maxRunning != null || !sbatchArgs.isEmpty();
        switch (executor) {
            case "local":
                if (slurmOptions) {
                    throw new UserError("--partition, --time, --mem, --cpus-per-task, --gpus, --max-running and "
                            + "--sbatch-arg go with --executor slurm");
                }
                return LocalExecutor.builder().optParallel(parallel == null ? 0 : parallel)
                        .optThreads(threads == null ? 0 : threads).optDevice(device).build();
            case "slurm":
                if (parallel != null || threads != null) {
                    throw new UserError("--parallel and --threads are for the local executor; on Slurm give "
                            + "--max-running K (tasks at once) and --cpus-per-task N (threads per task)");
                }
                SlurmExecutor.Builder b = SlurmExecutor.builder().optExtraArgs(sbatchArgs).optDevice(device);
                if (partition != null) {
                    b.optPartition(partition);
                }
                if (time != null) {
                    b.optTime(time);
                }
                if (mem != null) {
                    b.optMem(mem);
                }
                if (cpusPerTask != null) {
                    b.optCpusPerTask(cpusPerTask);
                }
                if (gpus != null) {
                    b.optGpus(gpus);
                }
                if (maxRunning != null) {
                    b.optMaxRunning(maxRunning);
                }
                return b.build();
            default:
                throw new UserError("--executor " + executor + ": expected local or slurm");
        }
    }

    private static String describe(TaskExecutor exec) {
        if (exec instanceof LocalExecutor l) {
            return String.format(Locale.ROOT, "local, %d task(s) at once, %d PyTorch thread(s) each", l.getParallel(),
                    l.getThreadsPerTask());
        }
        if (exec instanceof SlurmExecutor s) {
            return s.describe();
        }
        return exec.name();
    }

    /** Reads and expands a sweep file; every task's config is checked before anything is written. */
    static SweepPlan plan(Path file) {
        SweepSpec spec = SweepSpec.read(file);
        return SweepPlan.expand(spec, Presets.locate(), spec.source());
    }

    /** The tasks a resume runs: not done, not running elsewhere, and failed ones only when asked. */
    private List<SweepTask> toResume(SweepFolder sweep) {
        List<SweepTask> todo = new ArrayList<>();
        int running = 0;
        int failedKept = 0;
        int done = 0;
        for (SweepTask t : sweep.getPlan().tasks()) {
            TaskState.Kind k = sweep.state(t).kind();
            switch (k) {
                case DONE -> done++;
                case RUNNING -> running++;
                case FAILED, DIVERGED -> {
                    if (retryFailed) {
                        todo.add(t);
                    } else {
                        failedKept++;
                    }
                }
                default -> todo.add(t);
            }
        }
        out.printf(Locale.ROOT, "resuming sweep %s: %d of %d task(s) to run (%d done, %d running elsewhere, "
                + "%d failed%s)%n", sweep.getPlan().name(), todo.size(), sweep.getPlan().tasks().size(), done,
                running, failedKept, failedKept > 0 ? " and kept: --retry-failed reruns them" : "");
        return todo;
    }

    static String label(SweepPlan plan, SweepTask t) {
        String l = plan.variant(t).label();
        return l.isEmpty() ? t.preset() : l;
    }

    static Map<TaskState.Kind, Integer> counts(SweepFolder sweep) {
        Map<TaskState.Kind, Integer> m = new EnumMap<>(TaskState.Kind.class);
        for (TaskState s : sweep.states()) {
            m.merge(s.kind(), 1, Integer::sum);
        }
        return m;
    }

    static String countsText(Map<TaskState.Kind, Integer> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((k, n) -> parts.add(n + " " + k));
        return String.join(", ", parts);
    }

    /** sweep report DIR: (re)writes report.md, report.csv, report.json and the plots. */
    @Command(name = "report", description = "Write the sweep's report (Markdown, CSV, JSON) and band plots.")
    static final class ReportCommand implements Callable<Integer> {
        private final PrintStream out;
        private final PrintStream err;

        @Parameters(paramLabel = "DIR", description = "The sweep's folder.")
        Path dir;

        ReportCommand(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            return SweepReports.write(SweepFolder.open(dir), out, err) ? Cli.OK : Cli.FAILED;
        }
    }

    /** sweep status DIR: every task's state and progress. */
    @Command(name = "status", description = "Every task's state (queued, running, done, failed...) and progress.")
    static final class StatusCommand implements Callable<Integer> {
        private final PrintStream out;

        @Parameters(paramLabel = "DIR", description = "The sweep's folder.")
        Path dir;

        StatusCommand(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() {
            SweepFolder sweep = SweepFolder.open(dir);
            SweepPlan plan = sweep.getPlan();
            SlurmQueue.Snapshot queue = SlurmQueue.poll(sweep);
            out.println("sweep " + plan.name() + " (" + sweep.getPath() + "): " + plan.tasks().size() + " task(s)");
            for (SweepTask t : plan.tasks()) {
                TaskState s = sweep.state(t);
                SlurmQueue.Job job = s.kind().isFinal() ? null : queue.tasks().get(t.index());
                out.printf(Locale.ROOT, "  %3d  %-40s seed %-4d %-9s %7d/%-7d %s%s%n", t.index(), label(plan, t),
                        t.seed(), s.kind(), s.step(), s.length(), s.detail(), job == null ? "" : "  [" + job.describe()
                                + "]");
            }
            queue.report().ifPresent(j -> out.println("  report job: " + j.describe()));
            queue.notes().forEach(n -> out.println("  " + n));
            out.println("  " + countsText(counts(sweep)));
            return Cli.OK;
        }
    }

    /**
     * sweep task DIR INDEX: runs one task, what every executor launches. Resumes the task from its checkpoint when
     * its folder has one, so a task Slurm requeues after preemption or a node failure continues where it was.
     */
    @Command(name = "task", hidden = true, description = "Run one task of a sweep (what executors launch): resume it if it has "
            + "a checkpoint, else start it.")
    static final class TaskCommand implements Callable<Integer> {
        private final PrintStream out;
        private final PrintStream err;

        @Parameters(index = "0", paramLabel = "DIR", description = "The sweep's folder.")
        Path dir;

        @Parameters(index = "1", paramLabel = "INDEX", description = "The task's index in sweep.json.")
        int index;

        @Option(names = "--threads", paramLabel = "N", description = "PyTorch threads, for a new start only (default: the task's config).")
        Integer threads;

        @Option(names = "--device", paramLabel = "D", description = "auto|cpu|gpu|gpu:N (default: the task's config).")
        String device;

        TaskCommand(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            SweepFolder sweep = SweepFolder.open(dir);
            SweepTask t = sweep.getPlan().task(index);
            Path runDir = sweep.taskDir(t);
            String dev = device == null ? null : Cli.device(device);
            TaskState state = sweep.state(t);
            out.println("sweep " + sweep.getPlan().name() + " task " + t.index() + " ("
                    + label(sweep.getPlan(), t) + ", seed " + t.seed() + "): " + state.kind());
            int code;
            switch (state.kind()) {
                case DONE -> {
                    out.println("already done: " + runDir);
                    return Cli.OK;
                }
                case RUNNING -> throw new UserError(runDir + ": is being trained (" + state.detail()
                        + "); a task runs once at a time");
                case STOPPED, KILLED -> {
                    if (TaskState.hasCheckpoint(runDir)) {
                        out.println("resuming from its checkpoint at " + state.step());
                        code = resume(sweep, t, runDir, dev);
                    } else {
                        setAside(sweep, runDir, "no checkpoint to resume from");
                        code = start(sweep, t, runDir, dev);
                    }
                }
                case FAILED, DIVERGED -> {
                    setAside(sweep, runDir, "a rerun of a " + state.kind() + " task");
                    code = start(sweep, t, runDir, dev);
                }
                default -> code = start(sweep, t, runDir, dev);
            }
            // Each task rewrites the report as it ends, so a sweep on a cluster shows results as they come.
            SweepReports.write(sweep, out, err);
            return code;
        }

        private int start(SweepFolder sweep, SweepTask t, Path runDir, String dev) {
            RunConfig c = t.config();
            if (threads != null) {
                c = c.withValue("threads", threads);
            }
            if (dev != null) {
                c = c.withValue("device", dev);
            }
            if (t.isClassifier()) {
                ClassifierSession s = ClassifierSession.create(c, runDir.getParent(), t.preset());
                s.setRunDir(runDir);
                return withBudget(sweep, runDir, s, () -> new ClassifierCommand(out, err).run(s));
            }
            GanSession s = GanSession.create(c, runDir.getParent(), t.preset());
            s.setRunDir(runDir);
            return withBudget(sweep, runDir, s, () -> TrainCommand.runToEnd(s, null, out, err));
        }

        private int resume(SweepFolder sweep, SweepTask t, Path runDir, String dev) {
            ResumeRequest r = new ResumeRequest(null, false, dev);
            if (t.isClassifier()) {
                ClassifierSession s = ClassifierSession.resume(runDir, r);
                return withBudget(sweep, runDir, s, () -> new ClassifierCommand(out, err).run(s));
            }
            GanSession s = GanSession.resume(runDir, r);
            return withBudget(sweep, runDir, s, () -> TrainCommand.runToEnd(s, null, out, err));
        }

        /**
         * Runs the session, stopping it (with its evaluation) when the sweep's time budget per task is spent; a
         * resumed task has what its earlier attempts left of it.
         */
        private int withBudget(SweepFolder sweep, Path runDir, Session<?> session, IntSupplier run) {
            int code = runWithin(sweep, runDir, session, run);
            if (code != Cli.OK && session.getRunDir() == null) {
                // failed before its run folder existed: say why where the sweep looks, or it would look queued
                try {
                    Files.writeString(TaskState.failureNote(runDir), session.getReason() + "\n",
                            StandardCharsets.UTF_8);
                } catch (IOException e) {
                    err.println("warning: cannot record the failure in " + TaskState.failureNote(runDir) + ": "
                            + e.getMessage());
                }
            }
            return code;
        }

        private int runWithin(SweepFolder sweep, Path runDir, Session<?> session, IntSupplier run) {
            double minutes = sweep.getPlan().taskMinutes();
            if (minutes <= 0) {
                return run.getAsInt();
            }
            double spent = 0;
            if (RunDirectory.isRun(runDir)) {
                JsonObject summary = RunDirectory.open(runDir).readSummary();
                spent = summary.has("wallSeconds") ? summary.get("wallSeconds").getAsDouble() : 0;
            }
            long leftMs = Math.max(0, Math.round(minutes * 60_000 - spent * 1000));
            String cause = String.format(Locale.ROOT, "%s of %.1f min", TaskState.BUDGET_CAUSE, minutes);
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread th = new Thread(r, "task-budget");
                th.setDaemon(true);
                return th;
            });
            try {
                timer.schedule(() -> session.control().stop(cause), leftMs, TimeUnit.MILLISECONDS);
                return run.getAsInt();
            } finally {
                timer.shutdownNow();
            }
        }

        /** Moves an earlier attempt out of the way (to attempts/), so nothing it wrote is lost. */
        private void setAside(SweepFolder sweep, Path runDir, String why) {
            Path attempts = sweep.getPath().resolve("attempts");
            try {
                Files.deleteIfExists(TaskState.failureNote(runDir));
                if (!Files.exists(runDir)) {
                    return; // it failed before writing anything
                }
                Files.createDirectories(attempts);
                for (int n = 1; ; n++) {
                    Path target = attempts.resolve(runDir.getFileName() + "-" + n);
                    if (!Files.exists(target)) {
                        Files.move(runDir, target);
                        out.println("earlier attempt (" + why + ") kept in " + target);
                        return;
                    }
                }
            } catch (IOException e) {
                throw new UserError(runDir + ": cannot move the earlier attempt aside (" + e.getMessage() + ")");
            }
        }
    }
}
