package ganstudio.sweep;

import ganstudio.config.RunConfig;
import ganstudio.data.Mixture2D;
import ganstudio.data.TrainingData;
import ganstudio.config.ConfigSchema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One row of the report: a variant's tasks over all its seeds, and each of its figures over the done ones.
 *
 * @param label the plan's label, or the preset's name where the plan's is empty (one preset, no grid)
 * @param data the data set its runs train on (ring8, grid25, fashion-mnist...), which published figures name
 * @param figures every figure that applies to the variant's kind of run once a task of it is done, in report
 *     order; a figure no done task yielded has n = 0
 * @param neverAllModes seeds of done tasks whose saved frames never had every mode
 */
public record VariantSummary(SweepPlan.Variant variant, String label, String data, List<TaskOutcome> tasks,
        Map<Figure, FigureStats> figures, List<Long> neverAllModes) {

    public VariantSummary {
        tasks = List.copyOf(tasks);
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        neverAllModes = List.copyOf(neverAllModes);
    }

    static VariantSummary of(SweepPlan.Variant v, RunConfig config, List<TaskOutcome> outcomes) {
        List<TaskOutcome> done = outcomes.stream().filter(o -> o.kind() == TaskState.Kind.DONE).toList();
        Map<Figure, FigureStats> figures = new LinkedHashMap<>();
        if (!done.isEmpty()) {
            for (Figure f : Figure.forConfig(config)) {
                List<Double> values = new ArrayList<>();
                List<Long> seeds = new ArrayList<>();
                for (TaskOutcome o : done) {
                    Double x = o.values().get(f);
                    if (x != null) {
                        values.add(x);
                        seeds.add(o.task().seed());
                    }
                }
                figures.put(f, FigureStats.of(values, seeds));
            }
        }
        List<Long> never = done.stream().filter(TaskOutcome::neverAllModes).map(o -> o.task().seed()).toList();
        return new VariantSummary(v, label(v), data(config), outcomes, figures, never);
    }

    private static String label(SweepPlan.Variant v) {
        return v.label().isEmpty() ? v.preset().replaceAll(".*/", "").replaceAll("\\.json$", "") : v.label();
    }

    private static String data(RunConfig c) {
        return TrainingData.mixture(c).map(Mixture2D::name).orElse(c.getString(ConfigSchema.DATA_KIND));
    }

    public int count(Set<TaskState.Kind> kinds) {
        return (int) tasks.stream().filter(o -> kinds.contains(o.kind())).count();
    }

    public int done() {
        return count(EnumSet.of(TaskState.Kind.DONE));
    }

    public int failed() {
        return count(EnumSet.of(TaskState.Kind.FAILED));
    }

    public int diverged() {
        return count(EnumSet.of(TaskState.Kind.DIVERGED));
    }

    public int running() {
        return count(EnumSet.of(TaskState.Kind.RUNNING));
    }

    public int queued() {
        return count(EnumSet.of(TaskState.Kind.QUEUED));
    }

    /** Stopped or killed: they resume from their checkpoints. */
    public int stopped() {
        return count(EnumSet.of(TaskState.Kind.STOPPED, TaskState.Kind.KILLED));
    }

    /** Failed and diverged tasks, in task order. */
    public List<TaskOutcome> failures() {
        return tasks.stream().filter(o -> o.kind() == TaskState.Kind.FAILED || o.kind() == TaskState.Kind.DIVERGED)
                .toList();
    }

    /** Mean wall time of the done tasks that recorded one; NaN when none did. */
    public double wallSeconds() {
        List<Double> walls = tasks.stream().filter(o -> o.kind() == TaskState.Kind.DONE)
                .map(TaskOutcome::wallSeconds).filter(Double::isFinite).toList();
        return walls.isEmpty() ? Double.NaN : FigureStats.mean(walls);
    }

    public List<TaskOutcome> doneTasks() {
        return tasks.stream().filter(o -> o.kind() == TaskState.Kind.DONE).toList();
    }
}
