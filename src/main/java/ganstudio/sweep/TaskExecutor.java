package ganstudio.sweep;

import java.util.List;

/**
 * Runs a sweep's tasks somewhere: as processes on this machine, or as a Slurm job array. Each task is the same
 * command ({@code sweep task DIR INDEX}), which resumes the task from its own checkpoint when it has one, so an
 * executor never needs to know how far a task got.
 */
public interface TaskExecutor {

    /** What the executor reports as tasks start and end (the CLI prints it; the studio reads the folder). */
    interface Progress {
        void started(SweepTask task, String where);

        void ended(SweepTask task, TaskState state);

        void note(String text);
    }

    /** local or slurm. */
    String name();

    /**
     * Runs or submits these tasks of the sweep. The local executor returns when they have all ended; the Slurm
     * executor when the job array and its report job are queued.
     *
     * @return true when nothing went wrong in the executor itself (tasks may still have failed)
     */
    boolean execute(SweepFolder sweep, List<SweepTask> tasks, Progress progress) throws InterruptedException;
}
