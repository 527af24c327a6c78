package ganstudio.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every feature-space score of two six-image sets of one feature each, worked out by hand. */
class FeatureComparisonTest {

    private static final double[][] TRAIN = {{0}, {1}, {2}, {3}, {4}, {5}};
    /** Five generated images between the real ones and one far off at 10. */
    private static final double[][] GENERATED = {{0.5}, {1.5}, {2.5}, {3.5}, {4.5}, {10}};
    private static final double[][] TEST = {{1}, {2}, {3}, {4}, {5}, {6}};

    @Test
    void scoresInOneFeatureSpace() {
        FeatureComparison c = FeatureComparison.of(TRAIN, GENERATED, TEST, 4, 7);
        // means 2.5 and 3.75, unbiased variances 17.5/5 = 3.5 and 56.875/5 = 11.375:
        // (3.75 − 2.5)² + 3.5 + 11.375 − 2·√(3.5·11.375)
        assertEquals(1.5625 + 14.875 - 2 * Math.sqrt(39.8125), c.frechet(), 1e-9);
        assertEquals(3.8180705358760374, c.frechet(), 1e-9);
        // the test set is the training set moved by 1: only the means differ
        assertEquals(1.0, c.frechetTrainVsTest(), 1e-9);
        // k = 3 balls of the real points: radii 3, 2, 2, 2, 2, 3; only 10 lies in none
        assertEquals(5.0 / 6, c.manifold().precision(), 1e-12);
        // every real point lies in the ball of a generated one (0.5 away)
        assertEquals(1.0, c.manifold().recall(), 1e-12);
        // k = 5 balls of the real points: radii 5, 4, 3, 3, 4, 5; the five near images lie in all six, 10 only in
        // the ball of 5: (5·6 + 1) / (5·6)
        assertEquals(31.0 / 30, c.manifold().density(), 1e-12);
        assertEquals(1.0, c.manifold().coverage(), 1e-12);
        // the whole sets' unbiased MMD² with k(x, y) = (x·y/1 + 1)³: real pairs 36788/30, generated pairs
        // 5575463/480, cross 756821/96
        assertEquals(36788.0 / 30 + 5575463.0 / 480 - 2 * 756821.0 / 96, KernelDistance.mmd2(TRAIN, GENERATED), 1e-9);
        assertEquals(-2925.289583333333, KernelDistance.mmd2(TRAIN, GENERATED), 1e-9);
        // the score averages 4 subsets of half of the six rows, drawn with the seed: different subsets, so a
        // standard error above 0
        assertEquals(KernelDistance.between(TRAIN, GENERATED, 4, 7), c.kernel());
        assertEquals(3, KernelDistance.subsetSize(TRAIN.length, GENERATED.length));
        assertTrue(c.kernel().standardError() > 0, c.kernel().toString());
        assertEquals(1, c.dimension());
    }

    @Test
    void withoutATestSetTheFloorIsNotANumber() {
        assertTrue(Double.isNaN(FeatureComparison.of(TRAIN, GENERATED, null, 2, 1).frechetTrainVsTest()));
    }
}
