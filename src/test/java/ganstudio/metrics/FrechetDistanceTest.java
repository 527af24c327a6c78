package ganstudio.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The Fréchet distance and class coverage against values worked out by hand. */
class FrechetDistanceTest {

    @Test
    void oneDimensionalGaussians() {
        // μ 1, σ² 2 (unbiased) against μ 3, σ² 4: 4 + 2 + 4 − 2·√8
        double[][] a = {{0}, {2}};
        double[][] b = {{1}, {3}, {5}};
        assertEquals(10 - 2 * Math.sqrt(8), FrechetDistance.between(a, b), 1e-9);
        assertEquals(4.34314575, FrechetDistance.between(a, b), 1e-8);
    }

    @Test
    void diagonalCovariancesAddPerAxis() {
        // axis 0: var 2 vs 8, means 1 vs 2; axis 1: var 0 vs 0, means 0 vs 0
        double[][] a = {{0, 0}, {2, 0}};
        double[][] b = {{0, 0}, {4, 0}};
        double expected = 1 + 2 + 8 - 2 * Math.sqrt(16);
        assertEquals(expected, FrechetDistance.between(a, b), 1e-9);
    }

    @Test
    void aSetIsAtDistanceZeroFromItself() {
        double[][] a = {{1, 2, 0}, {0, 1, 3}, {2, 2, 2}, {-1, 0, 1}, {0.5, -2, 1}};
        assertEquals(0.0, FrechetDistance.between(a, a), 1e-9);
    }

    @Test
    void coverageCountsClassesWithAFifthOfTheirShare() {
        // 10 samples, 2 classes: uniform share 5, a class needs ≥ 1 sample to count
        double[][] p = new double[10][];
        for (int i = 0; i < 10; i++) {
            p[i] = i < 9 ? new double[] {0.8, 0.2, 0} : new double[] {0.1, 0.3, 0.6};
        }
        ClassCoverage c = ClassCoverage.of(p);
        assertArrayEquals(new int[] {9, 0, 1}, c.counts());
        // 3 classes: share 10/3, a fifth of it 0.67: class 2 with one sample counts, class 1 does not
        assertEquals(2, c.classesCovered());
        assertEquals(0.9 * Math.log(0.9 * 3) + 0.1 * Math.log(0.1 * 3), c.klToUniform(), 1e-12);
        assertEquals((9 * 0.8 + 0.6) / 10, c.meanConfidence(), 1e-12);
    }
}
