package ganstudio.ui;

import ganstudio.metrics.StepMetrics;

import java.util.Arrays;
import java.util.List;

/**
 * Every logged step of one run, column by column in plain double[] arrays (100,000 rows are 12 MB, not
 * 100,000 chart nodes). The charts draw a smoothed, decimated view of it. Confined to the FX thread: the
 * training thread hands rows over through {@link LiveRunFeed}, never writes here.
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
    public static final int SAMPLES_PER_S = 13;
    public static final int WALL_S = 14;
    private static final int COLUMNS = StepMetrics.COLUMNS.size();

    private double[][] columns = new double[COLUMNS][256];
    private int size;
    private long version;

    public void append(StepMetrics m) {
        if (size == columns[0].length) {
            for (int c = 0; c < COLUMNS; c++) {
                columns[c] = Arrays.copyOf(columns[c], size * 2);
            }
        }
        double[] v = m.values();
        for (int c = 0; c < COLUMNS; c++) {
            columns[c][size] = v[c];
        }
        size++;
        version++;
    }

    public void appendAll(List<StepMetrics> rows) {
        rows.forEach(this::append);
    }

    public void clear() {
        size = 0;
        version++;
    }

    public int size() {
        return size;
    }

    /** Changes whenever a row is added or the store cleared, so views redraw only when needed. */
    public long version() {
        return version;
    }

    /** The backing array of a column; only the first {@link #size()} entries are valid. Do not modify. */
    public double[] column(int column) {
        return columns[column];
    }

    public double get(int column, int row) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException(row);
        }
        return columns[column][row];
    }

    /** The last row's value of a column, or NaN when empty. */
    public double last(int column) {
        return size == 0 ? Double.NaN : columns[column][size - 1];
    }

    /**
     * What a chart draws for one column: smoothed over all rows, then decimated to at most maxPoints.
     *
     * @return {xs, ys} of equal length
     */
    public double[][] displaySeries(int column, double smoothing, int maxPoints) {
        double[] smoothed = SeriesMath.smooth(columns[column], size, smoothing);
        int[] idx = SeriesMath.decimate(smoothed, size, maxPoints);
        double[] xs = new double[idx.length];
        double[] ys = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            xs[i] = columns[STEP][idx[i]];
            ys[i] = smoothed[idx[i]];
        }
        return new double[][] {xs, ys};
    }
}
