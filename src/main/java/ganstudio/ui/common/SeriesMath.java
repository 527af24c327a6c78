package ganstudio.ui.common;

import java.util.Arrays;

/**
 * Display-only transforms of a metric series: smoothing and decimation. Pure functions on double[] so they
 * can be tested without a display and run on 100,000+ points ten times a second.
 */
public final class SeriesMath {

    private SeriesMath() {}

    /**
     * TensorBoard's smoothing: an exponential moving average debiased like Adam's moments, so the first points
     * are not dragged towards zero. With weight w, acc = w * acc + (1 - w) * v and the shown value is
     * acc / (1 - w^k) where k counts the finite values seen so far. NaN and infinite values are shown as they
     * are and do not enter the average (a GAN has no Wasserstein estimate: a NaN series stays NaN).
     * Example: [1, 2, 3] with w = 0.5 gives [1, 5/3, 17/7].
     *
     * @param weight 0 (no smoothing) .. below 1
     */
    public static double[] smooth(double[] values, int count, double weight) {
        double[] out = new double[count];
        if (weight <= 0) {
            System.arraycopy(values, 0, out, 0, count);
            return out;
        }
        double acc = 0;
        double debias = 1;
        for (int i = 0; i < count; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                out[i] = v;
                continue;
            }
            acc = weight * acc + (1 - weight) * v;
            debias *= weight;
            out[i] = acc / (1 - debias);
        }
        return out;
    }

    /**
     * Picks at most maxPoints indices of a series for drawing: the first and the last finite points always, and
     * in between, per bucket of consecutive points, the lowest and the highest value (in index order) so that
     * spikes such as a diverging loss stay visible after decimation. Non-finite values are skipped.
     *
     * @return ascending indices into values
     */
    public static int[] decimate(double[] values, int count, int maxPoints) {
        int first = -1;
        int last = -1;
        int finite = 0;
        for (int i = 0; i < count; i++) {
            if (Double.isFinite(values[i])) {
                if (first < 0) {
                    first = i;
                }
                last = i;
                finite++;
            }
        }
        if (finite == 0) {
            return new int[0];
        }
        if (finite <= Math.max(2, maxPoints)) {
            int[] all = new int[finite];
            int n = 0;
            for (int i = first; i <= last; i++) {
                if (Double.isFinite(values[i])) {
                    all[n++] = i;
                }
            }
            return all;
        }
        int buckets = Math.max(1, (maxPoints - 2) / 2);
        int[] out = new int[maxPoints];
        int n = 0;
        out[n++] = first;
        int innerStart = first + 1;
        int innerEnd = last; // exclusive
        int span = innerEnd - innerStart;
        for (int b = 0; b < buckets; b++) {
            int from = innerStart + (int) ((long) span * b / buckets);
            int to = innerStart + (int) ((long) span * (b + 1) / buckets);
            int lo = -1;
            int hi = -1;
            for (int i = from; i < to; i++) {
                double v = values[i];
                if (!Double.isFinite(v)) {
                    continue;
                }
                if (lo < 0 || v < values[lo]) {
                    lo = i;
                }
                if (hi < 0 || v > values[hi]) {
                    hi = i;
                }
            }
            if (lo < 0) {
                continue;
            }
            if (lo == hi) {
                out[n++] = lo;
            } else {
                out[n++] = Math.min(lo, hi);
                out[n++] = Math.max(lo, hi);
            }
        }
        out[n++] = last;
        return Arrays.copyOf(out, n);
    }

    /**
     * A round tick spacing for a step axis: the smallest of 1, 2, 2.5, 5 times a power of ten that cuts the span
     * into at most maxTicks intervals; never below 1 (steps are whole) and 2.5 only from 25 up, for the same
     * reason. Example: a span of 100,000 in at most 4 intervals gives 25,000; a span of 29 gives 10.
     */
    public static double stepTickUnit(double span, int maxTicks) {
        double raw = span / maxTicks;
        if (!(raw > 1)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if ((m != 2.5 || magnitude >= 10) && m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** A value as a chart readout shows it: four significant digits, scientific below 0.001 and from 10,000. */
    static String format(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e4)) {
            return String.format(java.util.Locale.ROOT, "%.3e", v);
        }
        return new java.math.BigDecimal(String.format(java.util.Locale.ROOT, "%.4g", v)).stripTrailingZeros()
                .toPlainString();
    }
}
