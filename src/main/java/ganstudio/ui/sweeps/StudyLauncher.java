package ganstudio.ui.sweeps;

import com.google.gson.JsonObject;

import ganstudio.config.AppProcess;
import ganstudio.config.UserError;
import ganstudio.sweep.SlurmClient;
import ganstudio.sweep.SlurmExecutor;
import ganstudio.sweep.SweepFolder;
import ganstudio.sweep.SweepPlan;
import ganstudio.sweep.SweepTask;
import ganstudio.sweep.TaskExecutor;
import ganstudio.sweep.TaskState;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts the studies the studio plans, never in the studio's own JVM. The sweep's folder is made at once (its
 * plan, and the sweep file as study.json), so the Sweeps tab lists it before a task has begun; then:
 * <ul>
 *   <li>on this machine, {@code sweep --resume DIR --parallel N} in a process of its own, started as the local
 *   executor starts its tasks (this app's command line, the malloc settings in its environment), which ends
 *   with the studio as tasks end with their sweep: its tasks checkpoint, and Resume continues them;</li>
 *   <li>on Slurm, the job array and its report job are submitted from here (sbatch returns at once); the jobs run
 *   on the cluster and outlive the studio.</li>
 * </ul>
 * Why a process and not the executor on a thread: a sweep that ended with a crash or a stuck task would take the
 * window with it, and its log belongs in the sweep's folder (logs/sweep.log), where the CLI's would be.
 */
public final class StudyLauncher {

    /** The sweep file, as the dialog wrote it, in the sweep's folder. */
    static final String STUDY_FILE = "study.json";
    /** The local sweep process's own output, next to its tasks' logs. */
    static final String SWEEP_LOG = "sweep.log";

    /**
     * Where a study runs.
     *
     * @param parallel local tasks at once (ignored for Slurm)
     * @param partition Slurm partition, time and memory; blank for the cluster's defaults
     */
    record Where(boolean slurm, int parallel, String partition, String time, String mem) {

        static Where local(int parallel) {
            return new Where(false, parallel, "", "", "");
        }

        /** The first value Slurm would refuse (sbatch's own forms), or null. */
        String problem() {
            if (!slurm) {
                return parallel < 1 || parallel > 1024 ? "tasks at once: give 1 to 1024" : null;
            }
            try {
                executor(SlurmClient.fromEnvironment());
                return null;
            } catch (UserError e) {
                return e.getMessage();
            }
        }

        SlurmExecutor executor(SlurmClient client) {
            return SlurmExecutor.builder().optClient(client).optPartition(blankToNull(partition))
                    .optTime(blankToNull(time)).optMem(blankToNull(mem)).build();
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }

    /** A study started: its folder as the Sweeps tab lists it, and what the executor said (Slurm's job ids). */
    public record Started(SweepListing.Row row, String note) {

        Path dir() {
            return row.dir();
        }
    }

    private final Map<Path, Process> local = new LinkedHashMap<>();

    /** Whether sbatch is on the PATH; empty when it is, else why the Slurm choice is off. */
    static Optional<String> slurmMissing() {
        return SlurmClient.fromEnvironment().locate("sbatch").isPresent() ? Optional.empty()
                : Optional.of("Slurm is not available here: sbatch is not on the PATH (run the studio on the "
                        + "cluster's login node, or start the study there with `sweep FILE --executor slurm`)");
    }

    /**
     * Makes the sweep's folder under sweepsRoot and starts it; file work and process starts: off the FX thread.
     *
     * @throws UserError when the folder cannot be written, the process cannot start or sbatch refuses
     */
    Started start(SweepPlan plan, JsonObject spec, Path sweepsRoot, Where where) {
        SlurmExecutor slurm = where.slurm() ? where.executor(SlurmClient.fromEnvironment()) : null;
        SweepFolder sweep = SweepFolder.create(sweepsRoot, plan);
        Path file = sweep.getPath().resolve(STUDY_FILE);
        try {
            Files.writeString(file, StudyDraft.pretty(spec), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(file + ": cannot write the sweep file (" + e.getMessage() + ")");
        }
        if (slurm == null) {
            resume(sweep.getPath(), where.parallel());
            return new Started(SweepListing.row(sweep.getPath()), "started on this machine, " + where.parallel()
                    + (where.parallel() == 1 ? " task" : " tasks") + " at once; its log: "
                    + sweep.getPath().resolve(SweepFolder.LOGS).resolve(SWEEP_LOG));
        }
        List<String> notes = new ArrayList<>();
        try {
            slurm.execute(sweep, plan.tasks(), new Notes(notes));
        } catch (UserError e) {
            throw new UserError(e.getMessage() + " (the sweep's folder stays: " + sweep.getPath() + ")");
        }
        return new Started(SweepListing.row(sweep.getPath()), String.join("; ", notes));
    }

    /**
     * Runs a sweep's unfinished tasks on this machine: {@code sweep --resume DIR} in a process of its own that ends
     * with the studio. Its output is appended to the sweep's logs/sweep.log.
     */
    synchronized void resume(Path dir, int parallel) {
        Process earlier = local.get(dir);
        if (earlier != null && earlier.isAlive()) {
            throw new UserError(dir.getFileName() + " is already running from this studio");
        }
        List<String> args = List.of("sweep", "--resume", dir.toAbsolutePath().toString(), "--parallel",
                String.valueOf(parallel));
        ProcessBuilder pb = new ProcessBuilder(AppProcess.command(args, true));
        pb.environment().putAll(AppProcess.MALLOC_SETTINGS);
        Path log = dir.resolve(SweepFolder.LOGS).resolve(SWEEP_LOG);
        try {
            Files.createDirectories(log.getParent());
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            local.put(dir, pb.start());
        } catch (IOException e) {
            throw new UserError(dir + ": cannot start the sweep's process (" + e.getMessage() + ")");
        }
    }

    /** Whether this studio started the sweep's process and it still runs. */
    synchronized boolean isRunningHere(Path dir) {
        Process p = local.get(dir);
        return p != null && p.isAlive();
    }

    /**
     * Asks the sweep's process to stop as Ctrl-C would: its running tasks end their step and checkpoint (Resume
     * continues them). Returns at once.
     */
    synchronized void stop(Path dir) {
        Process p = local.get(dir);
        if (p != null) {
            p.destroy();
        }
    }

    /** What the Slurm executor says as it submits, for the tab's line. */
    private record Notes(List<String> into) implements TaskExecutor.Progress {
        @Override
        public void started(SweepTask task, String where) {
            // the Slurm executor only submits: no task starts or ends while it runs
        }

        @Override
        public void ended(SweepTask task, TaskState state) {
            // as above
        }

        @Override
        public void note(String text) {
            into.add(text);
        }
    }
}
