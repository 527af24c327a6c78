package ganstudio.ui.compare;

import ganstudio.ui.common.MetricsStore;

import java.util.Arrays;

/**
 * What the compare charts put on x, so runs with different n_critic or speed can be read against each other:
 * generator iterations (the step), real samples seen (critic iterations × batch: each critic iteration draws
 * one real batch, and a twin draws the same batches in the same order, so equal x means the same data seen),
 * or wall-clock seconds (two runs that train at once share the CPU, so this is the honest cost axis).
 */
enum CompareAxis {
    GENERATOR_ITERATION("generator iteration"),
    SAMPLES_SEEN("real samples seen (critic iterations × batch)"),
    WALL_TIME("wall time (s)");

    private final String label;

    CompareAxis(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    /**
     * Maps the steps of a store's display series ({@link MetricsStore#displaySeries}, x = step) onto this axis,
     * reading the row of each step (rows are in ascending step order).
     *
     * @param batchSize the run's batch size (for samples seen)
     */
    double[] fromSteps(MetricsStore store, double[] steps, int batchSize) {
        if (this == GENERATOR_ITERATION) {
            return steps.clone();
        }
        double[] stepColumn = store.column(MetricsStore.STEP);
        double[] source = store.column(this == SAMPLES_SEEN ? MetricsStore.CRITIC_ITERS : MetricsStore.WALL_S);
        double scale = this == SAMPLES_SEEN ? batchSize : 1;
        double[] xs = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            int row = Arrays.binarySearch(stepColumn, 0, store.size(), steps[i]);
            xs[i] = row < 0 ? Double.NaN : source[row] * scale;
        }
        return xs;
    }

    /** A chart's points for one column of one run on this axis: smoothed and decimated as ChartsPanel draws. */
    double[][] series(MetricsStore store, int column, int batchSize, double smoothing, int maxPoints) {
        double[][] xy = store.displaySeries(column, smoothing, maxPoints);
        return new double[][] {fromSteps(store, xy[0], batchSize), xy[1]};
    }
}
