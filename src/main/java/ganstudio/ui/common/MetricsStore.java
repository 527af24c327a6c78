package ganstudio.ui.common;

import ganstudio.metrics.StepMetrics;

import java.util.List;

/**
 * Every logged step of one run, column by column in plain double[] arrays (100,000 rows are 12 MB, not
 * 100,000 chart nodes). The charts draw a smoothed, decimated view of it. Confined to the FX thread: the
 * training thread hands rows over through {@link GanRunFeed}, never writes here.
 */
public final class MetricsStore {

    /** Column indices, in the order of {@link StepMetrics#values()}. */
    public static final int STEP = 0;
    public static final int CRITIC_ITERS = 1;
    public static final int LOSS_D = 2;
    public static final int LOSS_G = 3;
    public static final int W_ESTIMATE = 4;
    public static final int D_REAL = 5;
    public static final int D_FAKE = 6;
    public static final int GRAD_NORM_G = 7;
    public static final int GRAD_NORM_D = 8;
    public static final int CLIP_FRACTION = 9;
    public static final int PENALTY = 10;
    public static final int LR_G = 11;
    public static final int LR_D = 12;
    public static final int SAMPLES_PER_S = 13;
    public static final int WALL_S = 14;
    private static final int COLUMNS = StepMetrics.COLUMNS.size();

    private final ColumnRows rows = new ColumnRows(COLUMNS);

    public void append(StepMetrics m) {
        rows.append(m.values());
    }

    public void appendAll(List<StepMetrics> rows) {
        rows.forEach(this::append);
    }

    public void clear() {
        rows.clear();
    }

    public int size() {
        return rows.size();
    }

    /** Changes whenever a row is added or the store cleared, so views redraw only when needed. */
    public long version() {
        return rows.version();
    }

    /** The backing array of a column; only the first {@link #size()} entries are valid. Do not modify. */
    public double[] column(int column) {
        return rows.column(column);
    }

    public double get(int column, int row) {
        if (row < 0 || row >= rows.size()) {
            throw new IndexOutOfBoundsException(row);
        }
        return rows.column(column)[row];
    }

    /** The last row's value of a column, or NaN when empty. */
    public double last(int column) {
        return rows.size() == 0 ? Double.NaN : rows.column(column)[rows.size() - 1];
    }

    /**
     * What a chart draws for one column: smoothed over all rows, then decimated to at most maxPoints.
     *
     * @return {xs, ys} of equal length
     */
    public double[][] displaySeries(int column, double smoothing, int maxPoints) {
        return displaySeries(column, 1, smoothing, maxPoints);
    }

    /**
     * As {@link #displaySeries(int, double, int)}, median-filtered first ({@link MedianFilter}, over logged rows)
     * when medianWindow is above 1: the median drops single-batch spikes, the smoothing then evens what is left.
     *
     * @param medianWindow odd; 1 for no median filter
     */
    public double[][] displaySeries(int column, int medianWindow, double smoothing, int maxPoints) {
        return rows.decimated(STEP, filtered(column, medianWindow, smoothing), maxPoints);
    }

    /**
     * As {@link #displaySeries(int, int, double, int)} for the rows whose step lies in [fromStep, toStep] only (a
     * zoomed chart): filtered over the whole run, so a curve looks the same zoomed in as out, then at most
     * maxPoints over the window.
     */
    public double[][] displaySeries(int column, int medianWindow, double smoothing, int maxPoints, double fromStep,
            double toStep) {
        double[] ys = filtered(column, medianWindow, smoothing);
        double[] steps = rows.column(STEP);
        int n = rows.size();
        int lo = 0;
        while (lo < n && steps[lo] < fromStep) {
            lo++;
        }
        int hi = lo;
        while (hi < n && steps[hi] <= toStep) {
            hi++;
        }
        double[] windowYs = java.util.Arrays.copyOfRange(ys, lo, hi);
        int[] idx = SeriesMath.decimate(windowYs, hi - lo, maxPoints);
        double[] xs = new double[idx.length];
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            xs[i] = steps[lo + idx[i]];
            out[i] = windowYs[idx[i]];
        }
        return new double[][] {xs, out};
    }

    private double[] filtered(int column, int medianWindow, double smoothing) {
        double[] ys = rows.column(column);
        if (medianWindow > 1) {
            ys = MedianFilter.apply(ys, rows.size(), medianWindow);
        }
        return SeriesMath.smooth(ys, rows.size(), smoothing);
    }
}
