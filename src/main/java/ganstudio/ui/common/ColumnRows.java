package ganstudio.ui.common;

import java.util.Arrays;

/**
 * Logged rows stored column by column in growing double[] arrays (100,000 rows are a few MB, not 100,000 chart
 * nodes), with a version that changes on every change so views redraw only when needed. The storage behind
 * {@link MetricsStore} and {@link ClassifierSeries}; FX-thread only, like them.
 */
public final class ColumnRows {

    private double[][] columns;
    private int size;
    private long version;

    public ColumnRows(int columnCount) {
        columns = new double[columnCount][256];
    }

    public void append(double[] row) {
        if (size == columns[0].length) {
            for (int c = 0; c < columns.length; c++) {
                columns[c] = Arrays.copyOf(columns[c], size * 2);
            }
        }
        for (int c = 0; c < columns.length; c++) {
            columns[c][size] = row[c];
        }
        size++;
        version++;
    }

    void clear() {
        size = 0;
        version++;
    }

    public int size() {
        return size;
    }

    public long version() {
        return version;
    }

    /** The backing array; only the first {@link #size()} entries are valid. */
    public double[] column(int column) {
        return columns[column];
    }

    /**
     * At most maxPoints (x, y) points: y from {@code ys} (a column or a smoothed copy, NaN rows left out), x from
     * column {@code xColumn} of the same rows.
     */
    public double[][] decimated(int xColumn, double[] ys, int maxPoints) {
        int[] idx = SeriesMath.decimate(ys, size, maxPoints);
        double[] xs = new double[idx.length];
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            xs[i] = columns[xColumn][idx[i]];
            out[i] = ys[idx[i]];
        }
        return new double[][] {xs, out};
    }
}
