package ganstudio.ui.sweeps;

import ganstudio.sweep.TaskState;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the Sweeps tab shows of one sweep at one look: its tasks, its variants with their figures, the band plots
 * and what could not be read. Made on the poller's thread from files alone, handed to the FX thread whole.
 *
 * @param executor "local", or "slurm" when the sweep was submitted there (it has slurm.json)
 * @param plots the band plots' files with their modification times, so a rewritten plot is loaded again
 * @param reportBehind whether tasks ended that report.json does not count yet, well after they ended (their
 *     processes were stopped before they rewrote it: closing the studio, a kill)
 * @param notes lines for the header, each one line: Slurm's view of the report job, and what could not be read
 *     (a damaged report, Slurm unreachable)
 */
public record SweepSnapshot(Path dir, String name, String description, String executor,
        List<ReportTable.Column> figures, List<VariantRow> variants, List<TaskRow> tasks, List<PlotFile> plots,
        boolean reportBehind, List<String> notes) {

    /** A plot next to the report, and when it was last written. */
    public record PlotFile(Path file, long modified) {}

    public SweepSnapshot {
        figures = List.copyOf(figures);
        variants = List.copyOf(variants);
        tasks = List.copyOf(tasks);
        plots = List.copyOf(plots);
        notes = List.copyOf(notes);
    }

    public Map<TaskState.Kind, Integer> counts() {
        Map<TaskState.Kind, Integer> m = new EnumMap<>(TaskState.Kind.class);
        tasks.forEach(t -> m.merge(t.kind(), 1, Integer::sum));
        return m;
    }

    /** "4 tasks: 1 done, 1 running, 2 queued", states in their life's order. */
    public String countsText() {
        List<String> parts = new ArrayList<>();
        counts().forEach((k, n) -> parts.add(n + " " + k));
        return tasks.size() + (tasks.size() == 1 ? " task" : " tasks") + (parts.isEmpty() ? "" : ": "
                + String.join(", ", parts));
    }

    /** Whether any task is still to run or running: what Resume would pick up, or what is under way. */
    public boolean isUnfinished() {
        return tasks.stream().anyMatch(t -> !t.kind().isFinal());
    }

    public boolean isRunning() {
        return tasks.stream().anyMatch(t -> t.kind() == TaskState.Kind.RUNNING);
    }
}
