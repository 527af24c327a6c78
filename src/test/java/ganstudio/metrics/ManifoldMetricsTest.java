package ganstudio.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ManifoldMetricsTest {

    private static double[][] points(double... xs) {
        double[][] out = new double[xs.length][];
        for (int i = 0; i < xs.length; i++) {
            out[i] = new double[] {xs[i]};
        }
        return out;
    }

    @Test
    void ballsAreTheDistanceToTheKthOtherPoint() {
        double[][] x = points(0, 1, 3, 6);
        assertArrayEquals(new double[] {3, 2, 3, 5}, ManifoldMetrics.kthNeighbour(ManifoldMetrics.distances(x, x), 2),
                0);
        assertArrayEquals(new double[] {1, 1, 2, 3}, ManifoldMetrics.kthNeighbour(ManifoldMetrics.distances(x, x), 1),
                0);
    }

    @Test
    void fourMetricsOnALineByHand() {
        // Real balls (k = 1) all have radius 1; the two generated points' balls have radius 9.5.
        // precision: 0.5 lies in the ball of 0, 10 in none: 1/2. recall: every real point is within 9.5 of 0.5: 1.
        // density: 0.5 lies in the balls of 0 and 1, 10 in none: 2 / (k·2) = 1. coverage: 0 and 1 have a generated
        // point in their ball, 2 and 3 do not: 1/2.
        ManifoldMetrics m = ManifoldMetrics.of(points(0, 1, 2, 3), points(0.5, 10), 1, 1);
        assertEquals(new ManifoldMetrics(0.5, 1.0, 1.0, 0.5), m);
    }

    @Test
    void aCollapsedGeneratorIsPreciseButRecallsAndCoversLittle() {
        // Real: 0..9; generated: five copies of 0.
        double[][] real = points(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        ManifoldMetrics m = ManifoldMetrics.of(real, points(0, 0, 0, 0, 0), 3, 3);
        assertEquals(1.0, m.precision(), 0);
        // The generated balls have radius 0, so only the real 0 is recalled.
        assertEquals(0.1, m.recall(), 1e-12);
        // Real balls (k = 3): 0 has radius 3 (1, 2, 3 away), every other point radius 2 (its 3rd nearest is 2 away).
        // The generated 0 lies in the balls of 0 (distance 0), 1 (1) and 2 (2), not of 3 (3 > 2): density
        // 5·3 / (3·5) = 1, and those three real points are covered: 3/10.
        assertEquals(1.0, m.density(), 1e-12);
        assertEquals(0.3, m.coverage(), 1e-12);
    }
}
