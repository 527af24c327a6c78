package ganstudio.sweep;

import java.util.List;
import java.util.TreeSet;

/**
 * The seeds of one variant on one quantity, aligned on generator iteration: at every step any seed logged, the
 * mean, min and max over the seeds whose logs reach that step. Seeds of one variant log at the same steps, so
 * usually every value is a logged one; a seed that logged elsewhere (another log.every) is interpolated linearly
 * between its rows rather than dropped, and past its last row it stops counting.
 *
 * @param seeds how many seeds contributed at each step
 */
public record SeedBand(long[] steps, double[] mean, double[] min, double[] max, int[] seeds) {

    public static SeedBand of(List<Curve> curves) {
        TreeSet<Long> all = new TreeSet<>();
        for (Curve c : curves) {
            for (long s : c.steps()) {
                all.add(s);
            }
        }
        int n = all.size();
        long[] steps = new long[n];
        double[] mean = new double[n];
        double[] min = new double[n];
        double[] max = new double[n];
        int[] count = new int[n];
        int i = 0;
        for (long step : all) {
            double sum = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            int k = 0;
            for (Curve c : curves) {
                if (c.covers(step)) {
                    double v = c.at(step);
                    sum += v;
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                    k++;
                }
            }
            steps[i] = step;
            mean[i] = sum / k; // k >= 1: the step came from some curve, which covers it
            min[i] = lo;
            max[i] = hi;
            count[i] = k;
            i++;
        }
        return new SeedBand(steps, mean, min, max, count);
    }

    public int size() {
        return steps.length;
    }

    public boolean isEmpty() {
        return steps.length == 0;
    }
}
