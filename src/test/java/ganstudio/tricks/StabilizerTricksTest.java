package ganstudio.tricks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import ganstudio.config.RunConfig;
import ganstudio.config.UserError;

import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Packing, the R1/R2 penalties and consistency regularization, on problems small enough to work out by hand. */
class StabilizerTricksTest {

    private NDManager manager;

    @BeforeEach
    void setUp() {
        Engine.getInstance();
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    /** A pass with given batches, a critic function and an input gradient function. */
    private static CriticPass pass(NDArray real, NDArray fake, UnaryOperator<NDArray> critic,
            UnaryOperator<NDArray> inputGradient, long iteration) {
        return new CriticPass() {
            @Override
            public NDArray real() {
                return real;
            }

            @Override
            public NDArray fake() {
                return fake;
            }

            @Override
            public NDArray critic(NDArray x) {
                return critic.apply(x);
            }

            @Override
            public NDArray realOutput() {
                return critic.apply(real);
            }

            @Override
            public NDArray fakeOutput() {
                return critic.apply(fake);
            }

            @Override
            public NDArray inputGradient(NDArray x) {
                return inputGradient.apply(x);
            }

            @Override
            public long iteration() {
                return iteration;
            }

            @Override
            public NDArray criticLoss(float realTarget) {
                throw new UnsupportedOperationException();
            }

            @Override
            public NDArray softTargetLoss(NDArray out, NDArray target) {
                throw new UnsupportedOperationException();
            }

            @Override
            public SplittableRandom random() {
                return new SplittableRandom(1);
            }
        };
    }

    @Test
    void packingConcatenatesConsecutivePointsSideBySide() {
        NDArray x = manager.arange(16f).reshape(8, 2);
        NDArray packed = new Packing(4).criticInput(x, 0);
        assertEquals(new Shape(2, 8), packed.getShape());
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7}, packed.get(0).toFloatArray());
        assertArrayEquals(new float[] {8, 9, 10, 11, 12, 13, 14, 15}, packed.get(1).toFloatArray());
    }

    @Test
    void packingStacksImagesAlongTheChannels() {
        NDArray x = manager.arange(16f).reshape(4, 1, 2, 2);
        NDArray packed = new Packing(2).criticInput(x, 0);
        assertEquals(new Shape(2, 2, 2, 2), packed.getShape());
        // Pack 1, channel 1 is sample 3.
        assertArrayEquals(new float[] {12, 13, 14, 15}, packed.get("1, 1").toFloatArray());
    }

    @Test
    void theCriticsGradientReachesEverySampleOfAPack() {
        // D(pack) = w·pack with w = (1..8): sample i of a pack of 4 gets the slice w[2i : 2i+2].
        NDArray x = manager.zeros(new Shape(8, 2));
        x.setRequiresGradient(true);
        NDArray w = manager.arange(1f, 9f).reshape(8, 1);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(new Packing(4).criticInput(x, 0).matMul(w).sum());
        }
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8},
                x.getGradient().toFloatArray());
    }

    @Test
    void packingRefusesABatchThatDoesNotSplitIntoPacks() {
        RunConfig c = RunConfig.defaults().withValue("data.kind", "ring8").withValue("batchSize", 30)
                .withValue("tricks.pack", 4);
        UserError e = assertThrows(UserError.class, () -> Tricks.validate(c, ""));
        assertTrue(e.getMessage().contains("batchSize divisible by 4"), e.getMessage());
        Tricks.validate(c.withValue("batchSize", 32), "");
    }

    @Test
    void r1AndR2AddHalfGammaTimesTheMeanSquaredGradientNorm() {
        NDArray real = manager.zeros(new Shape(2, 2));
        NDArray fake = manager.ones(new Shape(2, 2));
        // ∇D = (3, 4) and (1, 0) on real (E‖g‖² = 13), (0, 2) twice on fake (4).
        UnaryOperator<NDArray> gradient = x -> x == real ? manager.create(new float[] {3, 4, 1, 0}, new Shape(2, 2))
                : manager.create(new float[] {0, 2, 0, 2}, new Shape(2, 2));
        NDArray loss = manager.create(1f);
        Trick r = new ZeroCentredPenalty(0.5, 2, 1);
        // 1 + 0.5/2 · 13 + 2/2 · 4 = 8.25
        assertEquals(8.25f, r.criticLoss(loss, pass(real, fake, x -> x, gradient, 7)).getFloat(), 1e-6f);
        // Lazy every 4: only on iterations 0, 4, 8, ..., then weighted by 4.
        Trick lazy = new ZeroCentredPenalty(0.5, 0, 4);
        assertSame(loss, lazy.criticLoss(loss, pass(real, fake, x -> x, gradient, 7)));
        assertEquals(1 + 4 * 0.25f * 13, lazy.criticLoss(loss, pass(real, fake, x -> x, gradient, 8)).getFloat(),
                1e-5f);
    }

    @Test
    void r1RefusesBatchNormAndWeightClipping() {
        RunConfig c = RunConfig.defaults().withValue("data.kind", "ring8").withValue("tricks.r1", 1.0);
        Tricks.validate(c, "");
        assertThrows(UserError.class, () -> Tricks.validate(c.withValue("model.dNorm", "batch"), ""));
        UserError e = assertThrows(UserError.class, () -> Tricks.validate(c.withValue("objective.kind", "wgan"), ""));
        assertTrue(e.getMessage().contains("objective.kind = wgan"), e.getMessage());
    }

    @Test
    void consistencyChargesTheChangeOfScoreUnderAugmentation() {
        // All-ones 2x2 images and D = the pixel sum: cutout zeroes one pixel of each (a half side of 2 is 1), so
        // every score drops by exactly 1 wherever the square falls: λ · (1 + 1) on top of the loss.
        NDArray real = manager.ones(new Shape(3, 1, 2, 2));
        NDArray fake = manager.ones(new Shape(3, 1, 2, 2));
        UnaryOperator<NDArray> sum = x -> x.sum(new int[] {1, 2, 3});
        Trick bcr = new ConsistencyRegularization(0.5, "cutout");
        bcr.startCriticIteration(new SplittableRandom(3));
        NDArray loss = bcr.criticLoss(manager.create(2f), pass(real, fake, sum, x -> x, 0));
        assertEquals(3f, loss.getFloat(), 1e-6f);
    }

    @Test
    void consistencyRefusesPointsAndPacks() {
        RunConfig images = RunConfig.defaults().withValue("data.kind", "mnist").withValue("data.path", "/x")
                .withValue("tricks.consistency", 10.0);
        Tricks.validate(images, "");
        assertThrows(UserError.class, () -> Tricks.validate(images.withValue("tricks.pack", 2), ""));
        assertThrows(UserError.class, () -> Tricks.validate(RunConfig.defaults().withValue("data.kind", "ring8")
                .withValue("tricks.consistency", 10.0), ""));
    }
}
