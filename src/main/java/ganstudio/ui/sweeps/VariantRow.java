package ganstudio.ui.sweeps;

import ganstudio.sweep.SweepPlan;
import ganstudio.sweep.TaskState;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One row of the Sweeps tab's report table: a variant (everything but the seed), its tasks counted by state as
 * the folder says now, and its figures over the done seeds as report.json last said. The counts are live and
 * the figures follow when the report is rewritten (after each task).
 *
 * @param figures per figure key, in report order
 * @param tasks the variant's tasks, in seed order
 */
public record VariantRow(int index, String label, Map<String, FigureCell> figures, double wallSeconds,
        List<TaskRow> tasks) {

    public VariantRow {
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        tasks = List.copyOf(tasks);
    }

    /** The rows of a plan's variants, in its order: the tasks' live states, the report's figures. */
    public static List<VariantRow> of(SweepPlan plan, List<TaskRow> taskRows, ReportTable report) {
        List<VariantRow> out = new ArrayList<>();
        for (SweepPlan.Variant v : plan.variants()) {
            List<TaskRow> mine = taskRows.stream().filter(t -> t.variant() == v.index()).toList();
            Map<String, FigureCell> figures = new LinkedHashMap<>();
            for (ReportTable.Column c : report.figures()) {
                figures.put(c.key(), report.cell(v.index(), c.key()));
            }
            out.add(new VariantRow(v.index(), labelOf(v), figures,
                    report.wallSeconds().getOrDefault(v.index(), Double.NaN), mine));
        }
        return out;
    }

    /** As the report names it: the plan's label, or the preset's name for a sweep of one preset and no grid. */
    static String labelOf(SweepPlan.Variant v) {
        return v.label().isEmpty() ? v.preset().replaceAll(".*/", "").replaceAll("\\.json$", "") : v.label();
    }

    public int count(TaskState.Kind kind) {
        return (int) tasks.stream().filter(t -> t.kind() == kind).count();
    }

    public Map<TaskState.Kind, Integer> counts() {
        Map<TaskState.Kind, Integer> m = new EnumMap<>(TaskState.Kind.class);
        tasks.forEach(t -> m.merge(t.kind(), 1, Integer::sum));
        return m;
    }

    public FigureCell figure(String key) {
        FigureCell c = figures.get(key);
        return c != null ? c : FigureCell.empty(key);
    }

    /**
     * The figure's mean ± std as the table shows it, with how many of the variant's done seeds it stands on when
     * not all: the counts are live, the figures as of the report's last rewrite (after each task), and a seed that
     * never captured every mode has no "step all modes" at all.
     */
    public String figureText(String key) {
        FigureCell c = figure(key);
        int done = count(TaskState.Kind.DONE);
        return c.n() > 0 && c.n() < done ? c.text() + "  (" + c.n() + " of " + done + " seeds)" : c.text();
    }

    /** The run Compare shows for this variant: its first seed that has a run, done ones first. */
    public Optional<Path> compareRun() {
        return tasks.stream().filter(t -> t.kind() == TaskState.Kind.DONE && t.hasRun()).findFirst()
                .or(() -> tasks.stream().filter(TaskRow::hasRun).findFirst())
                .map(TaskRow::dir);
    }

    public boolean isClassifier() {
        return !tasks.isEmpty() && tasks.get(0).classifier();
    }
}
