package ganstudio.sweep;

import ganstudio.config.FolderNames;
import ganstudio.config.UserError;
import ganstudio.runs.RunDirectory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A sweep on disk: sweeps/NAME-TIME/ with sweep.json (the plan), tasks/ (one run folder per task), the report
 * and its plots, and what an executor keeps (slurm.json, task logs under logs/).
 */
public final class SweepFolder {

    public static final String TASKS = "tasks";
    public static final String LOGS = "logs";

    private final Path dir;
    private final SweepPlan plan;

    private SweepFolder(Path dir, SweepPlan plan) {
        this.dir = dir;
        this.plan = plan;
    }

    /** Makes a new folder for the plan under parent (NAME-yyyyMMdd-HHmmss, -2 when taken) and writes sweep.json. */
    public static SweepFolder create(Path parent, SweepPlan plan) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        Path dir = RunDirectory.newFolder(parent, FolderNames.of(plan.name(), "name") + "-" + stamp);
        try {
            Files.createDirectories(dir.resolve(TASKS));
            Files.createDirectories(dir.resolve(LOGS));
        } catch (java.io.IOException e) {
            throw new UserError(dir + ": cannot create the sweep's folders (" + e.getMessage() + ")");
        }
        plan.write(dir);
        return new SweepFolder(dir, plan);
    }

    public static SweepFolder open(Path dir) {
        return new SweepFolder(dir, SweepPlan.read(dir));
    }

    /** Whether dir is a sweep folder (holds sweep.json). */
    public static boolean isSweep(Path dir) {
        return Files.isRegularFile(dir.resolve(SweepPlan.FILE));
    }

    public Path getPath() {
        return dir;
    }

    public SweepPlan getPlan() {
        return plan;
    }

    public Path taskDir(SweepTask t) {
        return dir.resolve(t.folder());
    }

    public Path logFile(SweepTask t) {
        return dir.resolve(LOGS).resolve(String.format("task-%03d.log", t.index()));
    }

    public TaskState state(SweepTask t) {
        return TaskState.of(taskDir(t), t);
    }

    /** Every task's state, in task order. */
    public List<TaskState> states() {
        List<TaskState> out = new ArrayList<>();
        for (SweepTask t : plan.tasks()) {
            out.add(state(t));
        }
        return out;
    }
}
