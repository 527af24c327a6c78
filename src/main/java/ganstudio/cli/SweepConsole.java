package ganstudio.cli;

import ganstudio.sweep.SweepFolder;
import ganstudio.sweep.SweepTask;
import ganstudio.sweep.TaskExecutor;
import ganstudio.sweep.TaskState;

import java.io.PrintStream;
import java.util.Locale;

/** One line as each task starts and ends. */
final class SweepConsole implements TaskExecutor.Progress {
    private final SweepFolder sweep;
    private final int total;
    private final PrintStream out;
    private int ended;

    SweepConsole(SweepFolder sweep, int total, PrintStream out) {
        this.sweep = sweep;
        this.total = total;
        this.out = out;
    }

    @Override
    public void started(SweepTask task, String where) {
        out.printf(Locale.ROOT, "  start  task %d (%s, seed %d): %s%n", task.index(), SweepCommand.label(sweep.getPlan(), task),
                task.seed(), where);
    }

    @Override
    public void ended(SweepTask task, TaskState state) {
        ended++;
        out.printf(Locale.ROOT, "  [%d/%d] task %d (%s, seed %d) %s at %d of %d%s%n", ended, total, task.index(),
                SweepCommand.label(sweep.getPlan(), task), task.seed(), state.kind(), state.step(), state.length(),
                why(task, state));
    }

    /** Nothing for a done task; a failed one's reason; for one that ended unfinished, where its log is. */
    private String why(SweepTask task, TaskState state) {
        if (state.kind() == TaskState.Kind.DONE) {
            return "";
        }
        if (state.kind().isFinal()) {
            return state.detail().isEmpty() ? "" : ": " + state.detail();
        }
        return " (log: " + sweep.logFile(task) + ")";
    }

    @Override
    public void note(String text) {
        out.println("  " + text);
    }
}
