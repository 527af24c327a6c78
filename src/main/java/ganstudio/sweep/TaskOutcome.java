package ganstudio.sweep;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the report takes from one task's folder: where it stands and, for a done task, its figures and logged
 * curves.
 *
 * @param reason why a task failed, diverged or stopped (the run's own words), or what made its folder unreadable
 * @param wallSeconds the run's wall time; NaN when not recorded
 * @param values the figures the task yielded (only a done task yields any)
 * @param neverAllModes whether the run's saved frames were scored and none of them had every mode
 * @param notes what could not be read, or was missing, in an otherwise usable task
 */
public record TaskOutcome(SweepTask task, TaskState.Kind kind, String reason, double wallSeconds,
        Map<Figure, Double> values, boolean neverAllModes, Map<PlotMetric, Curve> curves, List<String> notes) {

    public TaskOutcome {
        values = Collections.unmodifiableMap(values.isEmpty() ? new EnumMap<>(Figure.class) : new EnumMap<>(values));
        curves = Collections.unmodifiableMap(curves.isEmpty() ? new EnumMap<>(PlotMetric.class)
                : new EnumMap<>(curves));
        notes = List.copyOf(notes);
    }

    /** A task that yields nothing but its state. */
    static TaskOutcome bare(SweepTask task, TaskState.Kind kind, String reason) {
        return new TaskOutcome(task, kind, reason, Double.NaN, Map.of(), false, Map.of(), List.of());
    }
}
