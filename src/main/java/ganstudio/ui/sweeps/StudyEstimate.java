package ganstudio.ui.sweeps;

import ganstudio.sweep.SweepPlan;
import ganstudio.sweep.SweepTask;
import ganstudio.config.ClassifierKeys;
import ganstudio.config.ConfigSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How long a new study would take on this machine, from how fast its earlier runs of the same preset trained: per
 * variant the finished runs of its preset that agree with the variant's values (else any of that preset), their
 * median seconds per step (or epoch) times the task's length, plus their median start-up and evaluation time;
 * summed over the tasks and shared among the tasks at once. Simple on purpose, and it says what it rests on: the
 * runs measured may have had the machine to themselves or other thread counts, so tasks that share the cores can
 * be slower.
 *
 * @param seconds the estimate, NaN when some variant has no run of its preset to go by
 * @param text the estimate in words, or why there is none
 * @param basis what the estimate rests on, in words
 */
record StudyEstimate(double seconds, String text, String basis) {

    /**
     * @param parallel tasks at once on this machine; 0 for Slurm, where the queue decides the wall time and only
     *     the compute is estimated
     */
    static StudyEstimate of(SweepPlan plan, List<MachineRates.MeasuredRun> measured, int parallel) {
        double total = 0;
        double longest = 0;
        int exact = 0;
        List<MachineRates.MeasuredRun> used = new ArrayList<>();
        for (SweepPlan.Variant v : plan.variants()) {
            List<SweepTask> tasks = plan.tasksOf(v);
            if (tasks.isEmpty()) {
                continue;
            }
            boolean classifier = tasks.get(0).isClassifier();
            List<MachineRates.MeasuredRun> same = measured.stream()
                    .filter(r -> presetName(r.preset()).equals(presetName(v.preset())))
                    .filter(r -> "classifier".equals(r.config().getString(ConfigSchema.TASK)) == classifier).toList();
            List<MachineRates.MeasuredRun> matching = same.stream()
                    .filter(r -> agrees(r, tasks.get(0), v.settings())).toList();
            if (same.isEmpty()) {
                return new StudyEstimate(Double.NaN, "unknown",
                        "no finished run of " + presetName(v.preset()) + " on this machine to measure its rate "
                                + "(the runs folder and earlier sweeps); train one, then open this dialog again");
            }
            List<MachineRates.MeasuredRun> basis = matching.isEmpty() ? same : matching;
            if (!matching.isEmpty()) {
                exact++;
            }
            basis.forEach(r -> {
                if (!used.contains(r)) {
                    used.add(r);
                }
            });
            double perUnit = median(basis.stream().map(MachineRates.MeasuredRun::secondsPerUnit).toList());
            double fixed = median(basis.stream().map(MachineRates.MeasuredRun::fixedSeconds).toList());
            for (SweepTask t : tasks) {
                double s = fixed + perUnit * length(t);
                total += s;
                longest = Math.max(longest, s);
            }
        }
        String runs = used.size() + (used.size() == 1 ? " finished run" : " finished runs");
        int variants = plan.variants().size();
        String from = exact == variants ? runs + " on this machine with each variant's preset and values"
                : runs + " of the same preset on this machine (" + (exact == 0 ? "none with the varied values"
                        : exact + " of " + variants + " variants matched on the varied values") + ")";
        String basis = "From " + from + ": their median time per " + unit(plan) + " times each task's length, "
                + "plus their median start-up and evaluation. As measured then; tasks sharing the cores may run "
                + "slower.";
        if (parallel <= 0) {
            return new StudyEstimate(total, "about " + duration(total) + " of compute in all on Slurm ("
                    + duration(longest) + " for the longest task at this machine's pace); the queue sets the wall "
                    + "time", basis);
        }
        double wall = Math.max(longest, total / parallel);
        return new StudyEstimate(wall, "about " + duration(wall) + " with " + parallel
                + (parallel == 1 ? " task" : " tasks") + " at once", basis);
    }

    /** Whether a run trained with the variant's values (the grid's keys) and the task's length unit. */
    private static boolean agrees(MachineRates.MeasuredRun r, SweepTask t, Map<String, String> settings) {
        for (String key : settings.keySet()) {
            if (!Objects.equals(r.config().get(key), t.config().get(key))) {
                return false;
            }
        }
        return true;
    }

    private static long length(SweepTask t) {
        return t.isClassifier() ? t.config().getInt(ClassifierKeys.CLS_EPOCHS) : t.config().getInt(ConfigSchema.STEPS);
    }

    private static String unit(SweepPlan plan) {
        return !plan.tasks().isEmpty() && plan.tasks().get(0).isClassifier() ? "epoch" : "step";
    }

    /** The run info's preset is a name; a sweep may name a preset file by path. */
    private static String presetName(String preset) {
        return preset.replaceAll(".*/", "").replaceAll("\\.json$", "");
    }

    static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** "45 s", "12 min", "3 h 05 min". */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        long min = Math.round(seconds / 60);
        if (min < 60) {
            return min + " min";
        }
        return (min / 60) + " h " + String.format(Locale.ROOT, "%02d", min % 60) + " min";
    }
}
