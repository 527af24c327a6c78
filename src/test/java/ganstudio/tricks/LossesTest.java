package ganstudio.tricks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The classification losses on 2x2 logits whose softmax is (1/4, 3/4) and (1/2, 1/2). */
class LossesTest {

    private static final double LN2 = Math.log(2);
    private static final double LN3 = Math.log(3);

    private NDManager manager;
    private NDArray logits;
    private NDArray targets;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
        logits = manager.create(new float[] {0, (float) LN3, 0, 0}, new Shape(2, 2));
        targets = manager.create(new float[] {0, 1, 1, 0}, new Shape(2, 2));
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @Test
    void crossEntropyIsTheMeanNegativeLogProbability() {
        // (−ln 3/4 − ln 1/2) / 2 = 0.4904146
        assertEquals(0.49041462, Losses.crossEntropy(logits, targets).getFloat(), 1e-6);
    }

    @Test
    void crossEntropyStaysFiniteForHugeLogits() {
        NDArray z = manager.create(new float[] {1000, 0}, new Shape(1, 2));
        NDArray y = manager.create(new float[] {0, 1}, new Shape(1, 2));
        assertEquals(1000.0, Losses.crossEntropy(z, y).getFloat(), 1e-3);
    }

    @Test
    void labelSmoothingMovesEpsilonOverKToEveryClass() {
        ImageBatch batch = new ImageBatch(2, 1, 1, 1, 2, new float[2], targets.toFloatArray());
        new LabelSmoothing(0.2f).transformBatch(batch, 0);
        assertArrayEquals(new float[] {0.1f, 0.9f, 0.9f, 0.1f}, batch.targets, 1e-7f);
        NDArray smoothed = manager.create(batch.targets, targets.getShape());
        // row 1: 0.1·ln 4 + 0.9·ln(4/3) = 0.3975433; row 2: ln 2
        double expected = (0.1 * Math.log(4) + 0.9 * Math.log(4.0 / 3) + LN2) / 2;
        assertEquals(0.54534528, expected, 1e-7);
        assertEquals(expected, Losses.crossEntropy(logits, smoothed).getFloat(), 1e-6);
    }

    @Test
    void focalLossDownWeightsEasySamples() {
        // γ = 2: ((1/4)²·ln(4/3) + (1/2)²·ln 2) / 2 = 0.0956335
        assertEquals(0.09563348, Losses.focal(logits, targets, 2f, 1f).getFloat(), 1e-6);
        assertEquals(0.25 * 0.09563348, Losses.focal(logits, targets, 2f, 0.25f).getFloat(), 1e-6);
        // γ = 0, α = 1 is cross-entropy
        assertEquals(0.49041462, Losses.focal(logits, targets, 0f, 1f).getFloat(), 1e-6);
    }

    @Test
    void smoothL1IsHalfTheSquareBelowOne() {
        // |p − y| = (1/4, 1/4) and (1/2, 1/2): per row 2·0.5·d² = 1/16 and 1/4
        assertEquals((1.0 / 16 + 1.0 / 4) / 2, Losses.smoothL1(logits, targets).getFloat(), 1e-6);
    }

    @Test
    void floodingReflectsTheLossAtTheLevel() {
        assertEquals(0.7f, Losses.flood(manager.create(0.3f), 0.5f).getFloat(), 1e-6);
        assertEquals(0.8f, Losses.flood(manager.create(0.8f), 0.5f).getFloat(), 1e-6);
        assertEquals(0.3f, Losses.flood(manager.create(0.3f), 0f).getFloat(), 1e-6);
    }

    @Test
    void distillationIsTSquaredTimesKl() {
        NDArray student = manager.create(new float[] {0, 0}, new Shape(1, 2));
        NDArray teacher = manager.create(new float[] {0, (float) LN3}, new Shape(1, 2));
        // T = 1: KL((1/4, 3/4) ‖ (1/2, 1/2)) = 1/4·ln(1/2) + 3/4·ln(3/2)
        double kl1 = 0.25 * Math.log(0.5) + 0.75 * Math.log(1.5);
        assertEquals(0.13081204, kl1, 1e-7);
        assertEquals(kl1, Losses.distillation(student, teacher, 1f).getFloat(), 1e-6);
        // T = 2: teacher softmax (1, √3)/(1 + √3), times T² = 4
        double q = 1 / (1 + Math.sqrt(3));
        double kl2 = q * Math.log(2 * q) + (1 - q) * Math.log(2 * (1 - q));
        assertEquals(0.14536313, 4 * kl2, 1e-7);
        assertEquals(4 * kl2, Losses.distillation(student, teacher, 2f).getFloat(), 1e-6);
    }
}
