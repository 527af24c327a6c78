package ganstudio.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.metrics.ModeReadout;
import ganstudio.metrics.StepMetrics;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The arithmetic under the report: seed statistics, band alignment, stability figures, axis ticks. */
class StatisticsTest {

    @Test
    void meanAndSampleStandardDeviation() {
        FigureStats s = FigureStats.of(List.of(6.0, 7.0, 8.0), List.of(1L, 2L, 3L));
        assertEquals(7.0, s.mean());
        assertEquals(1.0, s.std());
        assertEquals(6.0, s.min());
        assertEquals(8.0, s.max());
        assertEquals(3, s.n());
        // 2, 4, 4, 4, 5, 5, 7, 9: squares about the mean 5 sum to 32, over n - 1 = 7
        FigureStats t = FigureStats.of(List.of(2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0),
                List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L));
        assertEquals(5.0, t.mean());
        assertEquals(Math.sqrt(32.0 / 7), t.std());
        FigureStats one = FigureStats.of(List.of(8.0), List.of(4L));
        assertEquals(0.0, one.std());
        assertEquals(8.0, one.mean());
        assertTrue(Double.isNaN(FigureStats.of(List.of(), List.of()).mean()));
    }

    @Test
    void seedsLoggedAtTheSameStepsAlignExactly() {
        SeedBand b = SeedBand.of(List.of(curve(new long[] {0, 10, 20}, 1, 2, 3),
                curve(new long[] {0, 10, 20}, 3, 6, 9)));
        assertArrayEquals(new long[] {0, 10, 20}, b.steps());
        assertArrayEquals(new double[] {2, 4, 6}, b.mean());
        assertArrayEquals(new double[] {1, 2, 3}, b.min());
        assertArrayEquals(new double[] {3, 6, 9}, b.max());
        assertArrayEquals(new int[] {2, 2, 2}, b.seeds());
    }

    @Test
    void aSeedLoggedElsewhereIsInterpolatedAndStopsAtItsEnd() {
        SeedBand b = SeedBand.of(List.of(curve(new long[] {0, 10, 20, 30}, 0, 10, 20, 30),
                curve(new long[] {0, 20}, 4, 8)));
        assertArrayEquals(new long[] {0, 10, 20, 30}, b.steps());
        assertArrayEquals(new double[] {2, 8, 14, 30}, b.mean());
        assertArrayEquals(new int[] {2, 2, 2, 1}, b.seeds());
    }

    @Test
    void firstStepWithEveryMode() {
        List<ModeReadout> frames = List.of(new ModeReadout(0, 0, 8, 0), new ModeReadout(100, 8, 8, 0.5),
                new ModeReadout(200, 7, 8, 0.5), new ModeReadout(300, 8, 8, 0.9));
        assertEquals(100, RunStability.firstAllModesStep(frames));
        assertEquals(RunStability.NEVER, RunStability.firstAllModesStep(List.of(new ModeReadout(0, 7, 8, 0.5))));
    }

    @Test
    void gapSpreadOverTheLastTenthOfTheRows() {
        List<StepMetrics> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            double w = i < 27 ? 50 : i - 26; // the last three: 1, 2, 3
            rows.add(new StepMetrics(i + 1, 5 * (i + 1), -w, 0, w, 9, 9, 0, 0, 0, 0, 0, 0, 0, 0));
        }
        RunStability.Spread s = RunStability.gapSpread(rows).orElseThrow();
        assertEquals(3, s.rows());
        assertEquals(1.0, s.std());
        assertEquals(2.0, s.range());
        // without a Wasserstein estimate the gap is d_real - d_fake
        StepMetrics a = new StepMetrics(1, 1, 0, 0, Double.NaN, 1.5, 0.5, 0, 0, 0, 0, 0, 0, 0, 0);
        StepMetrics b = new StepMetrics(2, 2, 0, 0, Double.NaN, 3.5, 0.5, 0, 0, 0, 0, 0, 0, 0, 0);
        RunStability.Spread two = RunStability.gapSpread(List.of(a, b)).orElseThrow();
        assertEquals(Math.sqrt(2), two.std());
        assertEquals(2.0, two.range());
        assertTrue(RunStability.gapSpread(List.of(a)).isEmpty());
    }

    @Test
    void roundTicks() {
        AxisTicks x = AxisTicks.of(1, 10_000, 8);
        assertEquals(List.of(0.0, 1000.0, 2000.0, 3000.0, 4000.0, 5000.0, 6000.0, 7000.0, 8000.0, 9000.0, 10_000.0),
                x.values());
        assertEquals("10,000", x.label(10_000));
        AxisTicks y = AxisTicks.of(0, 8, 5);
        assertEquals(List.of(0.0, 2.0, 4.0, 6.0, 8.0), y.values());
        AxisTicks small = AxisTicks.of(-0.012, 0.031, 6);
        assertEquals(List.of(-0.02, -0.01, 0.0, 0.01, 0.02, 0.03, 0.04), small.values());
        assertEquals("0.03", small.label(0.03));
        assertEquals("0.00", small.label(-0.0));
        // a 1,500-step run's axis ends at 1,500, not at the next round tick
        AxisTicks steps = AxisTicks.within(0, 1500, 8);
        assertEquals(1500.0, steps.hi());
        assertEquals(List.of(0.0, 200.0, 400.0, 600.0, 800.0, 1000.0, 1200.0, 1400.0), steps.values());
    }

    @Test
    void csvAndFigureNumbers() {
        assertEquals("7", ReportFormat.plain(7.0));
        assertEquals("0.125", ReportFormat.plain(0.125));
        assertEquals("0.0000001", ReportFormat.plain(1e-7));
        assertEquals("", ReportFormat.plain(Double.NaN));
        assertEquals("\"ring8-gan, objective.kind=wgan\"", ReportFormat.csvField("ring8-gan, objective.kind=wgan"));
        assertEquals("1 h 02 min", ReportFormat.duration(3720));
        assertEquals("7.8", Figure.MODES.format(7.8));
        assertEquals("8", Figure.MODES.format(8));
        assertEquals("0.00123", Figure.GAP_STD.format(0.0012345));
    }

    private static Curve curve(long[] steps, double... values) {
        return new Curve(steps, values);
    }
}
