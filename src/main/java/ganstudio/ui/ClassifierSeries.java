package ganstudio.ui;

import ganstudio.metrics.ClassifierMetrics;

import java.util.Arrays;
import java.util.List;

/**
 * Every logged row of one classifier run, column by column, and the decimated (epoch, value) series the
 * charts draw from it. Validation columns are NaN except on the row that closes an epoch; decimation skips
 * NaN, so the validation curves get one point per epoch while the training curves get every logged row.
 * Confined to the FX thread, like {@link MetricsStore}.
 */
public final class ClassifierSeries {

    /** Column indices, in the order of {@link ClassifierMetrics#values()}. */
    public static final int EPOCH = 0;
    public static final int STEP = 1;
    public static final int TRAIN_LOSS = 2;
    public static final int TRAIN_ACC = 3;
    public static final int VAL_LOSS = 4;
    public static final int VAL_ACC = 5;
    public static final int VAL_TOP5 = 6;
    public static final int LR = 7;
    private static final int COLUMNS = ClassifierMetrics.COLUMNS.size();

    private double[][] columns = new double[COLUMNS][256];
    private int size;
    private long version;
    private ClassifierMetrics lastValidation;
    private ClassifierMetrics last;

    public void append(ClassifierMetrics m) {
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
        last = m;
        if (m.hasValidation()) {
            lastValidation = m;
        }
    }

    public void appendAll(List<ClassifierMetrics> rows) {
        rows.forEach(this::append);
    }

    public int size() {
        return size;
    }

    /** Changes whenever a row is added, so the charts redraw only when needed. */
    public long version() {
        return version;
    }

    /** The newest row, or null. */
    public ClassifierMetrics last() {
        return last;
    }

    /** The newest row that closed an epoch (with validation values), or null. */
    public ClassifierMetrics lastValidation() {
        return lastValidation;
    }

    /**
     * One column against the epoch, at most maxPoints points, NaN rows left out.
     *
     * @return {epochs, values} of equal length
     */
    public double[][] series(int column, int maxPoints) {
        int[] idx = SeriesMath.decimate(columns[column], size, maxPoints);
        double[] xs = new double[idx.length];
        double[] ys = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            xs[i] = columns[EPOCH][idx[i]];
            ys[i] = columns[column][idx[i]];
        }
        return new double[][] {xs, ys};
    }
}
