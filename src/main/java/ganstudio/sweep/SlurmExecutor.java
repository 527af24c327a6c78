package ganstudio.sweep;

import ganstudio.config.AppProcess;
import ganstudio.config.UserError;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Submits a sweep's tasks to Slurm as one job array (array index = task index) and, after it, one job that writes
 * the report; returns once both are queued. Slurm does the placement, the queueing, the limits and the requeues:
 * each element runs {@code sweep task DIR INDEX}, which resumes the task from its checkpoint when it has one, so
 * an element that is requeued (preemption, a node failure, {@code scontrol requeue}) goes on where it stopped.
 * The job ids go to the sweep's slurm.json, which {@link SlurmQueue} reads back.
 */
public final class SlurmExecutor implements TaskExecutor {

    /** The folder in the sweep's that holds the batch scripts. */
    public static final String SCRIPTS = "slurm";
    public static final String TASK_SCRIPT = "task.sbatch";
    public static final String REPORT_SCRIPT = "report.sbatch";
    public static final String REPORT_LOG = "report.log";

    /** sbatch options the executor sets itself; an extra argument naming one would change what it relies on. */
    private static final List<String> OWN_OPTIONS = List.of("--array", "-a", "--dependency", "-d", "--output",
            "-o", "--error", "-e", "--parsable", "--wrap", "--open-mode", "--cpus-per-task", "-c");

    private static final Pattern PARTITION = Pattern.compile("[A-Za-z0-9_.,-]+");
    private static final Pattern MEM = Pattern.compile("\\d+[KMGTkmgt]?");
    private static final Pattern TIME = Pattern.compile(
            "(?<min>\\d+)|(?<m>\\d+):(?<s>\\d+)|(?<h>\\d+):(?<hm>\\d+):(?<hs>\\d+)"
                    + "|(?<d>\\d+)-(?<dh>\\d+)(?::(?<dm>\\d+)(?::(?<ds>\\d+))?)?");

    private final String partition;
    private final String time;
    private final String mem;
    private final int cpusPerTask;
    private final int gpus;
    private final int maxRunning;
    private final List<String> extraArgs;
    private final String device;
    private final SlurmClient client;

    private SlurmExecutor(Builder b) {
        this.partition = b.partition;
        this.time = b.time;
        this.mem = b.mem;
        this.cpusPerTask = b.cpusPerTask;
        this.gpus = b.gpus;
        this.maxRunning = b.maxRunning;
        this.extraArgs = List.copyOf(b.extraArgs);
        this.device = b.device != null ? b.device : gpus > 0 ? "gpu" : null;
        this.client = b.client;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "slurm";
    }

    /** One line for the CLI: what each task asks Slurm for. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(cpusPerTask + " CPU(s)" + (gpus > 0 ? " and " + gpus + " GPU(s)" : "") + " per task");
        if (maxRunning > 0) {
            parts.add(maxRunning + " at once at most");
        }
        if (partition != null) {
            parts.add("partition " + partition);
        }
        if (time != null) {
            parts.add("time " + time);
        }
        if (mem != null) {
            parts.add("memory " + mem);
        }
        if (!extraArgs.isEmpty()) {
            parts.add("sbatch " + String.join(" ", extraArgs));
        }
        return "slurm, " + String.join(", ", parts);
    }

    public String getDevice() {
        return device;
    }

    @Override
    public boolean execute(SweepFolder sweep, List<SweepTask> tasks, Progress progress) {
        List<Integer> indices = notInSlurm(sweep, tasks, progress);
        if (indices.isEmpty()) {
            progress.note("nothing to submit to Slurm");
            return true;
        }
        writeScripts(sweep);
        String submitted = Instant.now().toString();
        List<String> array = arrayArgs(sweep, indices);
        String arrayJob = submit(array, "the job array of tasks " + arrayList(indices), indices);
        String reportJob = "";
        boolean ok = true;
        try {
            reportJob = submit(reportArgs(sweep, arrayJob), "the report job", List.of());
        } catch (UserError e) {
            ok = false;
            progress.note(e.getMessage() + "; the tasks are queued as job " + arrayJob + ": run `sweep report "
                    + sweep.getPath() + "` when they have ended");
        }
        new SlurmSubmission(submitted, arrayJob, reportJob, indices, array).appendTo(sweep.getPath());
        progress.note(String.format(Locale.ROOT, "submitted task(s) %s to Slurm as job array %s%s%s; logs in %s, "
                + "`sweep status %s` follows them", arrayList(indices), arrayJob,
                maxRunning > 0 ? " (" + maxRunning + " at once at most)" : "",
                reportJob.isEmpty() ? "" : ", the report as job " + reportJob + " after it",
                sweep.getPath().resolve(SweepFolder.LOGS), sweep.getPath()));
        return ok;
    }

    /**
     * The tasks' indices, less those whose latest Slurm job is still queued or running: a {@code sweep --resume}
     * while an earlier array runs must not queue a second job for the same task (it would wait for nothing and
     * then find the task done, or find it locked and fail).
     */
    private List<Integer> notInSlurm(SweepFolder sweep, List<SweepTask> tasks, Progress progress) {
        SlurmQueue.Snapshot queue = SlurmQueue.poll(sweep, client, false);
        queue.notes().forEach(progress::note);
        List<Integer> out = new ArrayList<>();
        List<String> live = new ArrayList<>();
        for (int i : new TreeSet<>(tasks.stream().map(SweepTask::index).toList())) {
            SlurmQueue.Job job = queue.tasks().get(i);
            if (job != null && job.isActive()) {
                live.add(i + " (" + job.id() + ", " + job.state() + ")");
            } else {
                out.add(i);
            }
        }
        if (!live.isEmpty()) {
            progress.note("still in Slurm, not submitted again: task " + String.join(", ", live));
        }
        return out;
    }

    private String submit(List<String> args, String what, List<Integer> indices) {
        SlurmClient.Result r = client.run("sbatch", args);
        if (r.code() != 0) {
            String hint = indices.isEmpty() || !r.firstErrorLine().toLowerCase(Locale.ROOT).contains("array") ? ""
                    : " (the cluster's MaxArraySize, in `scontrol show config`, must exceed the largest task index, "
                            + indices.get(indices.size() - 1) + ")";
            throw new UserError("sbatch refused " + what + ": " + r.firstErrorLine() + hint
                    + "; check the partition, time, memory and sbatch arguments given to the sweep");
        }
        // --parsable prints "jobid" or "jobid;cluster"
        String id = r.out().strip().split(";", 2)[0];
        if (!id.matches("\\d+")) {
            throw new UserError("sbatch submitted " + what + " but printed no job id (\"" + r.out().strip()
                    + "\"); check `squeue --me`");
        }
        return id;
    }

    /** sbatch's arguments for the array over these task indices (ascending), the task script last. */
    public List<String> arrayArgs(SweepFolder sweep, List<Integer> indices) {
        Path dir = sweep.getPath().toAbsolutePath();
        List<String> a = new ArrayList<>();
        a.add("--parsable");
        a.add("--job-name=" + sweep.getPlan().name());
        a.add("--array=" + arrayList(indices) + (maxRunning > 0 ? "%" + maxRunning : ""));
        a.add("--requeue");
        // append: a requeued element's second attempt follows its first in the task's log
        a.add("--open-mode=append");
        a.add("--output=" + dir.resolve(SweepFolder.LOGS).resolve("task-%3a.log"));
        a.add("--cpus-per-task=" + cpusPerTask);
        if (gpus > 0) {
            a.add("--gres=gpu:" + gpus);
        }
        common(a);
        a.add(dir.resolve(SCRIPTS).resolve(TASK_SCRIPT).toString());
        return a;
    }

    /** sbatch's arguments for the report job that runs once the array has ended, however its elements ended. */
    public List<String> reportArgs(SweepFolder sweep, String arrayJob) {
        Path dir = sweep.getPath().toAbsolutePath();
        List<String> a = new ArrayList<>();
        a.add("--parsable");
        a.add("--job-name=" + sweep.getPlan().name() + "-report");
        a.add("--dependency=afterany:" + arrayJob);
        a.add("--open-mode=append");
        a.add("--output=" + dir.resolve(SweepFolder.LOGS).resolve(REPORT_LOG));
        a.add("--cpus-per-task=1");
        common(a);
        a.add(dir.resolve(SCRIPTS).resolve(REPORT_SCRIPT).toString());
        return a;
    }

    private void common(List<String> a) {
        if (partition != null) {
            a.add("--partition=" + partition);
        }
        if (time != null) {
            a.add("--time=" + time);
        }
        if (mem != null) {
            a.add("--mem=" + mem);
        }
        a.addAll(extraArgs);
    }

    /** The batch script of the array: the element's task, with as many PyTorch threads as it has CPUs. */
    public String taskScript(SweepFolder sweep) {
        List<String> tail = new ArrayList<>(List.of("\"$SLURM_ARRAY_TASK_ID\"", "--threads",
                "\"${SLURM_CPUS_PER_TASK:-1}\""));
        if (device != null) {
            tail.add("--device");
            tail.add(quote(device));
        }
        return script("One task of the sweep \"" + sweep.getPlan().name() + "\" per element of a Slurm job array "
                + "(array index = task index).\n# `sweep task` resumes the task from its checkpoint when it has one, "
                + "so a requeued element goes on where it stopped.",
                List.of("sweep", "task", sweep.getPath().toAbsolutePath().toString()), tail);
    }

    /** The batch script of the report job. */
    public String reportScript(SweepFolder sweep) {
        return script("The report of the sweep \"" + sweep.getPlan().name() + "\", after its job array.",
                List.of("sweep", "report", sweep.getPath().toAbsolutePath().toString()), List.of());
    }

    private static String script(String what, List<String> args, List<String> shellTail) {
        StringBuilder b = new StringBuilder("#!/bin/bash\n# ").append(what)
                .append("\n# Written by `sweep --executor slurm` at each submission.\n");
        // Set here, the JVM does not restart itself to get them (MallocTuning): Slurm's signals then reach the
        // trainer's own process, which checkpoints on SIGTERM before a requeue or the time limit.
        for (Map.Entry<String, String> e : AppProcess.MALLOC_SETTINGS.entrySet()) {
            b.append("export ").append(e.getKey()).append('=').append(quote(e.getValue())).append('\n');
        }
        b.append("exec");
        for (String s : absoluteClassPath(AppProcess.command(args, false))) {
            b.append(' ').append(quote(s));
        }
        for (String s : shellTail) {
            b.append(' ').append(s);
        }
        return b.append('\n').toString();
    }

    /** A job starts in sbatch's folder or elsewhere on another node: every class path entry made absolute. */
    private static List<String> absoluteClassPath(List<String> command) {
        List<String> c = new ArrayList<>(command);
        int cp = c.indexOf("-cp");
        if (cp >= 0 && cp + 1 < c.size()) {
            c.set(cp + 1, Arrays.stream(c.get(cp + 1).split(File.pathSeparator))
                    .map(p -> Paths.get(p).toAbsolutePath().toString())
                    .collect(Collectors.joining(File.pathSeparator)));
        }
        return c;
    }

    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private void writeScripts(SweepFolder sweep) {
        Path dir = sweep.getPath().resolve(SCRIPTS);
        try {
            Files.createDirectories(dir);
            Files.createDirectories(sweep.getPath().resolve(SweepFolder.LOGS));
            write(dir.resolve(TASK_SCRIPT), taskScript(sweep));
            write(dir.resolve(REPORT_SCRIPT), reportScript(sweep));
        } catch (IOException e) {
            throw new UserError(dir + ": cannot write the batch scripts (" + e.getMessage() + ")");
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Slurm's --array list for these indices: ascending, runs of two or more as ranges ({0,1,2,5} → "0-2,5"). */
    public static String arrayList(Collection<Integer> indices) {
        List<Integer> s = new ArrayList<>(new TreeSet<>(indices));
        if (s.isEmpty()) {
            throw new IllegalArgumentException("no task indices");
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= s.size(); i++) {
            if (i == s.size() || s.get(i) != s.get(i - 1) + 1) {
                parts.add(i - 1 == start ? String.valueOf(s.get(start)) : s.get(start) + "-" + s.get(i - 1));
                start = i;
            }
        }
        return String.join(",", parts);
    }

    /**
     * Checks a time limit in one of sbatch's forms: minutes, M:SS, H:MM:SS, D-H, D-H:MM, D-H:MM:SS, or UNLIMITED.
     *
     * @throws UserError naming the value and the forms
     */
    public static String checkTime(String text) {
        String t = text == null ? "" : text.strip();
        if (t.equalsIgnoreCase("UNLIMITED") || t.equalsIgnoreCase("INFINITE")) {
            return t.toUpperCase(Locale.ROOT);
        }
        Matcher m = TIME.matcher(t);
        boolean ok = m.matches() && below(m, "s", 60) && below(m, "hm", 60) && below(m, "hs", 60)
                && below(m, "dh", 24) && below(m, "dm", 60) && below(m, "ds", 60);
        if (!ok) {
            throw new UserError("--time " + text + ": not a Slurm time limit; give minutes (90), H:MM:SS (1:30:00), "
                    + "D-HH (2-00), D-HH:MM:SS (1-12:00:00) or UNLIMITED");
        }
        return t;
    }

    private static boolean below(Matcher m, String group, int limit) {
        String g = m.group(group);
        return g == null || (g.length() <= 2 && Integer.parseInt(g) < limit);
    }

    /**
     * Checks a memory request as sbatch's --mem takes it: a whole number with K, M, G or T (megabytes without).
     *
     * @throws UserError naming the value and the form
     */
    public static String checkMem(String text) {
        String t = text == null ? "" : text.strip();
        if (!MEM.matcher(t).matches()) {
            throw new UserError("--mem " + text + ": not a Slurm memory size; give a whole number with K, M, G or T "
                    + "(8G, 500M; a bare number is megabytes)");
        }
        return t.toUpperCase(Locale.ROOT);
    }

    public static final class Builder {
        private String partition;
        private String time;
        private String mem;
        private int cpusPerTask = 1;
        private int gpus;
        private int maxRunning;
        private final List<String> extraArgs = new ArrayList<>();
        private String device;
        private SlurmClient client = SlurmClient.fromEnvironment();

        /** The partition (or comma list of partitions) to submit to; the cluster's default when not given. */
        public Builder optPartition(String partition) {
            if (partition != null && !PARTITION.matcher(partition).matches()) {
                throw new UserError("--partition " + partition + ": not a partition name; `sinfo -s` lists them");
            }
            this.partition = partition;
            return this;
        }

        /** Each task's time limit, in Slurm's forms (see {@link #checkTime}); the partition's default if not given. */
        public Builder optTime(String time) {
            this.time = time == null ? null : checkTime(time);
            return this;
        }

        /** Each task's memory (see {@link #checkMem}); the cluster's default if not given. */
        public Builder optMem(String mem) {
            this.mem = mem == null ? null : checkMem(mem);
            return this;
        }

        /** CPUs for each task; the task runs as many PyTorch threads. */
        public Builder optCpusPerTask(int cpus) {
            if (cpus < 1 || cpus > 1024) {
                throw new UserError("--cpus-per-task " + cpus + ": give 1-1024 CPUs per task");
            }
            this.cpusPerTask = cpus;
            return this;
        }

        /** GPUs for each task (--gres=gpu:N); a task with GPUs trains on one unless a device is given. */
        public Builder optGpus(int gpus) {
            if (gpus < 0 || gpus > 64) {
                throw new UserError("--gpus " + gpus + ": give 0-64 GPUs per task");
            }
            this.gpus = gpus;
            return this;
        }

        /** Tasks of the array running at once at most (--array=...%K); 0 = as many as Slurm gives. */
        public Builder optMaxRunning(int k) {
            if (k < 0) {
                throw new UserError("--max-running " + k + ": give 1 or more tasks at once, or 0 for no limit");
            }
            this.maxRunning = k;
            return this;
        }

        /** Arguments for sbatch as they are (--account=..., --qos=..., --constraint=...), for both jobs. */
        public Builder optExtraArgs(List<String> args) {
            for (String a : args) {
                if (a == null || a.isBlank()) {
                    throw new UserError("--sbatch-arg: an empty argument; give one sbatch option per --sbatch-arg");
                }
                String name = a.strip().split("=", 2)[0];
                if (OWN_OPTIONS.contains(name)) {
                    throw new UserError("--sbatch-arg " + a + ": the Slurm executor sets " + name + " itself; "
                            + "use the sweep's own options (--max-running, --cpus-per-task) instead");
                }
                extraArgs.add(a.strip());
            }
            return this;
        }

        /** The tasks' device (auto|cpu|gpu|gpu:N); "gpu" when GPUs are asked for and this is not given. */
        public Builder optDevice(String device) {
            this.device = device;
            return this;
        }

        /** How Slurm's commands are found and which cluster they talk to. */
        public Builder optClient(SlurmClient client) {
            this.client = client;
            return this;
        }

        public SlurmExecutor build() {
            if (gpus > 0 && "cpu".equals(device)) {
                throw new UserError("--gpus " + gpus + " with --device cpu: the tasks would not use their GPUs; "
                        + "leave --device out (they train on the GPU) or drop --gpus");
            }
            return new SlurmExecutor(this);
        }
    }
}
