package ganstudio.ui.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ganstudio.config.RunConfig;
import ganstudio.metrics.StepMetrics;
import ganstudio.ui.common.MetricsStore;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The compare view's models, without a display: series on the chosen x axis, the frame shown at a step. */
class CompareViewModelTest {

    private static StepMetrics row(long step, long critic, double lossD, double wall) {
        return new StepMetrics(step, critic, lossD, 0, Double.NaN, 0, 0, 0, 0, Double.NaN, Double.NaN, 1e-4, 1e-4,
                100, wall);
    }

    /** A GAN (1 critic iteration per step, batch 256) and its WGAN twin (5 per step, batch 256). */
    private static MetricsStore gan() {
        MetricsStore s = new MetricsStore();
        s.appendAll(List.of(row(1, 1, 1.4, 0.5), row(10, 10, 1.2, 2.0), row(20, 20, 1.0, 4.5)));
        return s;
    }

    private static MetricsStore wgan() {
        MetricsStore s = new MetricsStore();
        s.appendAll(List.of(row(1, 5, -0.1, 0.25), row(10, 50, -0.3, 3.0)));
        return s;
    }

    @Test
    void generatorIterationIsTheStep() {
        double[][] xy = CompareAxis.GENERATOR_ITERATION.series(gan(), MetricsStore.LOSS_D, 256, 0, 100);
        assertArrayEquals(new double[] {1, 10, 20}, xy[0]);
        assertArrayEquals(new double[] {1.4, 1.2, 1.0}, xy[1]);
    }

    @Test
    void samplesSeenAreCriticIterationsTimesBatch() {
        assertArrayEquals(new double[] {256, 2560, 5120},
                CompareAxis.SAMPLES_SEEN.series(gan(), MetricsStore.LOSS_D, 256, 0, 100)[0]);
        // The twin reaches 2,560 real samples after 2 generator iterations' worth of critic steps (at step 1: 5).
        double[][] w = CompareAxis.SAMPLES_SEEN.series(wgan(), MetricsStore.LOSS_D, 256, 0, 100);
        assertArrayEquals(new double[] {1280, 12800}, w[0]);
        assertArrayEquals(new double[] {-0.1, -0.3}, w[1]);
    }

    @Test
    void wallTimeIsTheLoggedSeconds() {
        assertArrayEquals(new double[] {0.5, 2.0, 4.5},
                CompareAxis.WALL_TIME.series(gan(), MetricsStore.LOSS_D, 256, 0, 100)[0]);
        assertArrayEquals(new double[] {0.25, 3.0},
                CompareAxis.WALL_TIME.series(wgan(), MetricsStore.LOSS_D, 64, 0, 100)[0]);
    }

    @Test
    void smoothingAppliesToYOnly() {
        double[][] xy = CompareAxis.SAMPLES_SEEN.series(gan(), MetricsStore.LOSS_D, 2, 0.5, 100);
        assertArrayEquals(new double[] {2, 20, 40}, xy[0]);
        // SeriesMath's debiased EMA, w = 0.5: 1.4, then (0.5 * 0.7 + 0.5 * 1.2) / (1 - 0.25)
        assertEquals(1.4, xy[1][0], 1e-12);
        assertEquals((0.5 * 0.7 + 0.6) / 0.75, xy[1][1], 1e-12);
    }

    @Test
    void theFrameAtAStepIsTheNewestAtOrBeforeIt() {
        ComparedRun run = ComparedRun.opened("A", Path.of("runs/r"), RunConfig.defaults());
        assertNull(run.frameAt(50));
        run.setFrameSteps(List.of(0L, 100L, 200L, 250L));
        assertEquals(0L, run.frameAt(0));
        assertEquals(0L, run.frameAt(99));
        assertEquals(100L, run.frameAt(100));
        assertEquals(200L, run.frameAt(249));
        assertEquals(250L, run.frameAt(10_000));
        run.setFrameSteps(List.of(100L, 200L));
        assertNull(run.frameAt(99));
        assertEquals("A · r (nsgan)", run.label());
    }
}
