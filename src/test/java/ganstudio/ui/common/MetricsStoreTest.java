package ganstudio.ui.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.metrics.StepMetrics;

import org.junit.jupiter.api.Test;

public class MetricsStoreTest {

    public static StepMetrics row(long step, double lossD, double w) {
        return new StepMetrics(step, step * 5, lossD, -lossD, w, 0.1, -0.1, 1, 2, Double.NaN, Double.NaN, 1e-4, 1e-4,
                1000, step * 0.01);
    }

    @Test
    void appendsAndGrowsPastItsInitialCapacity() {
        MetricsStore store = new MetricsStore();
        long v0 = store.version();
        for (int i = 1; i <= 1000; i++) {
            store.append(row(i * 10L, i, Double.NaN));
        }
        assertEquals(1000, store.size());
        assertNotEquals(v0, store.version());
        assertEquals(10.0, store.get(MetricsStore.STEP, 0));
        assertEquals(10000.0, store.last(MetricsStore.STEP));
        assertEquals(-1000.0, store.last(MetricsStore.LOSS_G));
        assertEquals(5000.0 * 10, store.last(MetricsStore.CRITIC_ITERS));
    }

    @Test
    void displaySeriesIsSmoothedThenDecimated() {
        MetricsStore store = new MetricsStore();
        store.append(row(10, 1, 0));
        store.append(row(20, 2, 0));
        store.append(row(30, 3, 0));
        double[][] xy = store.displaySeries(MetricsStore.LOSS_D, 0.5, 1500);
        assertArrayEquals(new double[] {10, 20, 30}, xy[0], 0);
        assertArrayEquals(new double[] {1, 5.0 / 3.0, 17.0 / 7.0}, xy[1], 1e-12);
    }

    @Test
    void aZoomedWindowKeepsTheWholeRunsSmoothing() {
        MetricsStore store = new MetricsStore();
        for (int step = 10; step <= 40; step += 10) {
            store.append(row(step, step / 10, 0));
        }
        // smoothed over all rows (1, 5/3, 17/7, ...), then cut to steps 20..30
        double[][] xy = store.displaySeries(MetricsStore.LOSS_D, 1, 0.5, 1500, 15, 30);
        assertArrayEquals(new double[] {20, 30}, xy[0], 0);
        assertArrayEquals(new double[] {5.0 / 3.0, 17.0 / 7.0}, xy[1], 1e-12);
        assertEquals(0, store.displaySeries(MetricsStore.LOSS_D, 1, 0.5, 1500, 41, 50)[0].length);
    }

    @Test
    void aHundredThousandStepsDrawAtMost1500Points() {
        MetricsStore store = new MetricsStore();
        for (int i = 1; i <= 120_000; i++) {
            store.append(row(i, Math.random(), Double.NaN));
        }
        double[][] xy = store.displaySeries(MetricsStore.LOSS_D, 0.9, ChartsPanel.MAX_POINTS);
        assertTrue(xy[0].length <= 1500);
        assertEquals(1.0, xy[0][0]);
        assertEquals(120_000.0, xy[0][xy[0].length - 1]);
        // a GAN has no Wasserstein estimate: nothing to draw, no error
        assertEquals(0, store.displaySeries(MetricsStore.W_ESTIMATE, 0.9, 1500)[0].length);
    }

    @Test
    void theMedianFilterRunsBeforeSmoothingAndOnlyWhenAsked() {
        MetricsStore store = new MetricsStore();
        double[] w = {1, 5, 2, 8, 3, 9};
        for (int i = 0; i < w.length; i++) {
            store.append(row(10L * (i + 1), 0, w[i]));
        }
        double[][] median = store.displaySeries(MetricsStore.W_ESTIMATE, 3, 0, 1500);
        assertArrayEquals(new double[] {10, 20, 30, 40, 50, 60}, median[0], 0);
        assertArrayEquals(new double[] {1, 2, 5, 3, 8, 9}, median[1], 0);
        // then the EMA over the filtered values: [1, 2] with w = 0.5 gives [1, 5/3]
        assertArrayEquals(new double[] {1, 5.0 / 3.0}, java.util.Arrays.copyOf(
                store.displaySeries(MetricsStore.W_ESTIMATE, 3, 0.5, 1500)[1], 2), 1e-12);
        assertArrayEquals(w, store.displaySeries(MetricsStore.W_ESTIMATE, 1, 0, 1500)[1], 0);
    }
}
