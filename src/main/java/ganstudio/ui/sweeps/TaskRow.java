package ganstudio.ui.sweeps;

import ganstudio.sweep.TaskState;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One task of a sweep as the Sweeps tab lists it: where it stands (read from its folder), how far it got, and
 * what Slurm says of it when the sweep was submitted there.
 *
 * @param progress steps (GAN) or epochs (classifier, fractional inside an epoch) done, as last logged
 * @param length the steps or epochs the task runs to
 * @param slurm the latest Slurm job's state and id ("PENDING (Resources), job 123_4"), or "" when there is none
 * @param hasRun whether its folder holds a run to open (config.json written)
 */
public record TaskRow(int index, int variant, String variantLabel, long seed, TaskState.Kind kind, String detail,
        double progress, long length, boolean classifier, String slurm, Path dir, boolean hasRun) {

    /** Share of the run done, 0 to 1: a done task is full whatever its last row said. */
    public double fraction() {
        if (kind == TaskState.Kind.DONE) {
            return 1;
        }
        return length <= 0 ? 0 : Math.max(0, Math.min(1, progress / length));
    }

    /** "150 / 300" steps, or "1.5 / 3 epochs" for a classifier. */
    public String progressText() {
        String done = classifier ? number(progress) : String.valueOf((long) Math.floor(progress));
        return done + " / " + length + (classifier ? " epochs" : "");
    }

    /** The state as the table shows it: the task's own, then Slurm's view of its job when there is one. */
    public String stateText() {
        return slurm.isEmpty() ? kind.toString() : kind + " · " + slurm;
    }

    /**
     * "key=" when every task's variant is one value of the same key ("objective.kind=wgan"), so a narrow column
     * can show the values alone under the key; "" otherwise.
     */
    public static String sharedKey(List<TaskRow> rows) {
        String key = null;
        for (TaskRow t : rows) {
            String l = t.variantLabel();
            int eq = l.indexOf('=');
            if (eq <= 0 || l.contains(", ") || (key != null && !l.startsWith(key))) {
                return "";
            }
            key = l.substring(0, eq + 1);
        }
        return key == null ? "" : key;
    }

    private static String number(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.format(Locale.ROOT, "%.1f", x);
    }
}
