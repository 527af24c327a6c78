package ganstudio.ui.sweeps;

import ganstudio.config.UserError;
import ganstudio.runs.RunDirectory;
import ganstudio.sweep.SlurmQueue;
import ganstudio.sweep.SlurmSubmission;
import ganstudio.sweep.SweepFolder;
import ganstudio.sweep.SweepPlan;
import ganstudio.sweep.SweepReport;
import ganstudio.sweep.SweepTask;
import ganstudio.sweep.TaskState;
import ganstudio.config.ClassifierKeys;
import ganstudio.config.ConfigSchema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Looks at one sweep's folder again and again (on the poller's thread, every second or two) and says what the
 * Sweeps tab should show. Each look is cheap: a task whose files did not change since the last look keeps its
 * state without being read again, and only running tasks are asked for their lock (a killed one leaves no file
 * changed behind) and their newest metrics row; report.json is parsed only when it was rewritten; Slurm is asked
 * only for a sweep submitted there, every {@code slurmEveryMillis} and whenever a task started or ended in its
 * folder (its job moved then too).
 */
final class SweepWatch {

    /** What the folder's files said of a task when its state was last read. */
    private record Stamp(long config, long summary, long lock, long lockSize, boolean exists) {}

    /** How long after a task's end its process may still be rewriting the report. */
    static final long REPORT_GRACE_MILLIS = 20_000;

    private final SweepFolder folder;
    private final Function<SweepFolder, SlurmQueue.Snapshot> slurm;
    private final long slurmEveryMillis;
    private final Map<Integer, Stamp> stamps = new HashMap<>();
    private final Map<Integer, TaskState> states = new HashMap<>();
    /** How far each task logged, when its state was last read (a running task's, at every look). */
    private final Map<Integer, Double> logged = new HashMap<>();
    private long reportModified = Long.MIN_VALUE;
    private ReportTable report = ReportTable.none();
    private String reportProblem;
    private long slurmAskedAt = Long.MIN_VALUE;
    private SlurmQueue.Snapshot slurmView;

    SweepWatch(SweepFolder folder) {
        this(folder, SlurmQueue::poll, 10_000);
    }

    /** With another way to ask Slurm (a test's), at most every slurmEveryMillis. */
    SweepWatch(SweepFolder folder, Function<SweepFolder, SlurmQueue.Snapshot> slurm, long slurmEveryMillis) {
        this.folder = folder;
        this.slurm = slurm;
        this.slurmEveryMillis = slurmEveryMillis;
    }

    SweepFolder folder() {
        return folder;
    }

    /** One look at the folder. Never throws for a file's sake: what cannot be read becomes a note. */
    SweepSnapshot look() {
        SweepPlan plan = folder.getPlan();
        List<String> notes = new ArrayList<>();
        boolean changed = false;
        for (SweepTask t : plan.tasks()) {
            changed |= refresh(t);
        }
        boolean onSlurm = Files.isRegularFile(folder.getPath().resolve(SlurmSubmission.FILE));
        // a task that started or ended in its folder has a job that moved too: Slurm is asked again at once
        Map<Integer, SlurmQueue.Job> jobs = onSlurm ? slurmJobs(notes, changed) : Map.of();
        List<TaskRow> rows = new ArrayList<>();
        for (SweepTask t : plan.tasks()) {
            rows.add(row(plan, t, jobs.get(t.index())));
        }
        readReport();
        if (reportProblem != null) {
            notes.add(reportProblem);
        }
        List<SweepSnapshot.PlotFile> plots = new ArrayList<>();
        for (String name : report.plots()) {
            Path file = folder.getPath().resolve(name);
            long modified = modified(file);
            if (modified != Long.MIN_VALUE) {
                plots.add(new SweepSnapshot.PlotFile(file, modified));
            }
        }
        boolean behind = reportBehind(plan, rows);
        if (behind) {
            notes.add("The report does not count every ended task yet (their processes stopped before rewriting "
                    + "it): Write report brings it up to date.");
        }
        return new SweepSnapshot(folder.getPath(), plan.name(), plan.description(), onSlurm ? "slurm" : "local",
                report.figures(), VariantRow.of(plan, rows, report), rows, plots, behind, notes);
    }

    /**
     * Whether some variant has more ended tasks than report.json counts, and a task ended after the report was
     * written, more than {@link #REPORT_GRACE_MILLIS} ago: a task's own process rewrites the report just after its
     * summary, so a shorter lag is that rewrite under way.
     */
    private boolean reportBehind(SweepPlan plan, List<TaskRow> rows) {
        boolean more = false;
        for (SweepPlan.Variant v : plan.variants()) {
            long ended = rows.stream().filter(t -> t.variant() == v.index() && t.kind().isFinal()).count();
            more |= ended > report.ended().getOrDefault(v.index(), 0);
        }
        long now = System.currentTimeMillis();
        return more && rows.stream().filter(t -> t.kind().isFinal())
                .map(t -> stamps.get(t.index()).summary())
                .anyMatch(end -> end > reportModified && now - end > REPORT_GRACE_MILLIS);
    }

    /** Reads the task's state again when its files changed or it runs; true when its kind changed. */
    private boolean refresh(SweepTask t) {
        Path dir = folder.taskDir(t);
        Stamp stamp = stamp(dir);
        TaskState before = states.get(t.index());
        if (before != null && before.kind() != TaskState.Kind.RUNNING && stamp.equals(stamps.get(t.index()))) {
            return false;
        }
        TaskState state;
        try {
            state = TaskState.of(dir, t);
        } catch (RuntimeException e) {
            // read mid-write, or damaged: the task shows as failed with the reason until its files change
            state = new TaskState(TaskState.Kind.FAILED, "cannot read its folder: " + e.getMessage(), 0,
                    t.isClassifier() ? t.config().getInt(ClassifierKeys.CLS_EPOCHS) : t.config()
                            .getInt(ConfigSchema.STEPS));
        }
        states.put(t.index(), state);
        stamps.put(t.index(), stamp);
        logged.put(t.index(), loggedProgress(dir, state));
        return before == null || before.kind() != state.kind();
    }

    private TaskRow row(SweepPlan plan, SweepTask t, SlurmQueue.Job job) {
        TaskState state = states.get(t.index());
        double progress = Math.max(state.step(), logged.getOrDefault(t.index(), 0.0));
        return new TaskRow(t.index(), t.variant(), VariantRow.labelOf(plan.variant(t)), t.seed(), state.kind(),
                state.detail(), progress, state.length(), t.isClassifier(), job == null ? "" : job.describe(),
                folder.taskDir(t), stamps.get(t.index()).config() != Long.MIN_VALUE);
    }

    /**
     * The newest metrics row's step or epoch of a task under way or cut short: its summary says 0 while it runs,
     * and nothing at all after a kill. A finished task's summary has the truth.
     */
    private static double loggedProgress(Path dir, TaskState state) {
        if (state.kind() == TaskState.Kind.QUEUED || state.kind().isFinal()) {
            return 0;
        }
        return MetricsTail.read(dir.resolve(RunDirectory.METRICS)).map(MetricsTail.Row::progress).orElse(0.0);
    }

    private static Stamp stamp(Path dir) {
        if (!Files.isDirectory(dir)) {
            return new Stamp(Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, -1, false);
        }
        Path lock = dir.resolve(RunDirectory.LOCK);
        long lockSize;
        try {
            lockSize = Files.size(lock);
        } catch (IOException e) {
            lockSize = -1;
        }
        return new Stamp(modified(dir.resolve(RunDirectory.CONFIG)), modified(dir.resolve(RunDirectory.SUMMARY)),
                modified(lock), lockSize, true);
    }

    private static long modified(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).lastModifiedTime().toMillis();
        } catch (IOException e) {
            return Long.MIN_VALUE;
        }
    }

    private void readReport() {
        Path file = folder.getPath().resolve(SweepReport.JSON);
        long modified = modified(file);
        if (modified == reportModified) {
            return;
        }
        reportModified = modified;
        if (modified == Long.MIN_VALUE) {
            report = ReportTable.none();
            reportProblem = null;
            return;
        }
        try {
            report = ReportTable.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            reportProblem = null;
        } catch (IOException e) {
            reportProblem = file + ": cannot read (" + e.getMessage() + ")";
        } catch (UserError e) {
            reportProblem = e.getMessage();
        }
    }

    private Map<Integer, SlurmQueue.Job> slurmJobs(List<String> notes, boolean now) {
        long at = System.currentTimeMillis();
        if (slurmView == null || now || at - slurmAskedAt >= slurmEveryMillis) {
            slurmAskedAt = at;
            try {
                slurmView = slurm.apply(folder);
            } catch (RuntimeException e) {
                slurmView = new SlurmQueue.Snapshot(Map.of(), Optional.empty(), List.of("Slurm: " + e.getMessage()));
            }
        }
        notes.addAll(slurmView.notes());
        slurmView.report().ifPresent(j -> notes.add("report job: " + j.describe()));
        return slurmView.tasks();
    }
}
