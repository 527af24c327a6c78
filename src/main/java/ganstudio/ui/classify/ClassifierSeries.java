package ganstudio.ui.classify;

import ganstudio.metrics.ClassifierMetrics;
import ganstudio.ui.common.ColumnRows;

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

    private final ColumnRows rows = new ColumnRows(COLUMNS);
    private ClassifierMetrics lastValidation;
    private ClassifierMetrics last;

    public void append(ClassifierMetrics m) {
        rows.append(m.values());
        last = m;
        if (m.hasValidation()) {
            lastValidation = m;
        }
    }

    public void appendAll(List<ClassifierMetrics> rows) {
        rows.forEach(this::append);
    }

    public int size() {
        return rows.size();
    }

    /** Changes whenever a row is added, so the charts redraw only when needed. */
    public long version() {
        return rows.version();
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
        return rows.decimated(EPOCH, rows.column(column), maxPoints);
    }
}
