package ganstudio.tricks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;

import ganstudio.train.gan.Objective;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The GAN-side tricks: smoothed and soft targets, DiffAugment, the EMA of G's weights. */
class GanTricksTest {

    private NDManager manager;

    @BeforeEach
    void setUp() {
        Engine.getInstance();
        JniUtils.setGradMode(false);
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @Test
    void oneSidedLabelSmoothingOnlyMovesTheRealTarget() {
        NDArray real = manager.create(new float[] {(float) Math.log(3)});
        NDArray fake = manager.create(new float[] {0f});
        // 0.9·softplus(−ln 3) + 0.1·softplus(ln 3) + softplus(0) = 0.9·ln(4/3) + 0.1·ln 4 + ln 2
        double expected = 0.9 * Math.log(4.0 / 3) + 0.1 * Math.log(4) + Math.log(2);
        assertEquals(1.09069048, expected, 1e-8);
        assertEquals(expected, Objective.NSGAN.criticLoss(real, fake, 0.9f).getFloat(), 1e-6);
        // LSGAN: ½((1 − 0.9)² + 0²) with a real output of 1
        assertEquals(0.005, Objective.LSGAN.criticLoss(manager.create(new float[] {1f}), fake, 0.9f).getFloat(), 1e-7);
        // target 1 is the plain loss
        assertEquals(Objective.NSGAN.criticLoss(real, fake).getFloat(),
                Objective.NSGAN.criticLoss(real, fake, 1f).getFloat(), 1e-7);
    }

    @Test
    void softTargetsGiveTheSigmoidCrossEntropyOfEachSample() {
        NDArray out = manager.create(new float[] {0f, (float) Math.log(3)}, new Shape(2, 1));
        NDArray t = manager.create(new float[] {0.3f, 1f}, new Shape(2, 1));
        // sample 1: ln 2 whatever the target; sample 2: softplus(−ln 3) = ln(4/3)
        assertEquals((Math.log(2) + Math.log(4.0 / 3)) / 2, Objective.GAN.softTargetLoss(out, t).getFloat(), 1e-6);
        assertEquals(0.5 * (0.09 + Math.pow(Math.log(3) - 1, 2)) / 2, Objective.LSGAN.softTargetLoss(out, t)
                .getFloat(), 1e-6);
    }

    @Test
    void translationShiftsEachImageWithZeroFill() {
        int n = 6;
        int side = 16;
        float[] px = new float[n * side * side];
        for (int i = 0; i < px.length; i++) {
            px[i] = 0.01f + (i % 97) / 100f; // nonzero everywhere, so the zero fill is visible
        }
        NDArray x = manager.create(px, new Shape(n, 1, side, side));
        float[] y = new DiffAugment("translation", 4).apply(x).toFloatArray();
        int max = 2; // 16/8
        for (int i = 0; i < n; i++) {
            boolean found = false;
            for (int dy = -max; dy <= max && !found; dy++) {
                for (int dx = -max; dx <= max && !found; dx++) {
                    found = shiftedBy(px, y, i, side, dx, dy);
                }
            }
            assertTrue(found, "image " + i + " is not a shift of its input");
        }
    }

    private static boolean shiftedBy(float[] in, float[] out, int i, int side, int dx, int dy) {
        int off = i * side * side;
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                int sr = r - dy;
                int sc = c - dx;
                float expected = sr >= 0 && sr < side && sc >= 0 && sc < side ? in[off + sr * side + sc] : 0f;
                if (Math.abs(out[off + r * side + c] - expected) > 1e-6) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void cutoutMaskZeroesAtMostAHalfSideSquare() {
        DiffAugment a = new DiffAugment("cutout", 2);
        float[] mask = a.cutoutMask(20, 10, 10);
        for (int i = 0; i < 20; i++) {
            int zeros = 0;
            for (int j = 0; j < 100; j++) {
                zeros += mask[i * 100 + j] == 0f ? 1 : 0;
            }
            assertTrue(zeros > 0 && zeros <= 25, "zeros " + zeros);
        }
    }

    @Test
    void augmentationPassesGradientsToItsInput() {
        NDArray x = manager.randomUniform(-1f, 1f, new Shape(4, 3, 8, 8));
        x.setRequiresGradient(true);
        DiffAugment a = new DiffAugment("color,translation,cutout", 1);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(a.apply(x).square().sum());
        }
        assertTrue(x.getGradient().abs().sum().getFloat() > 0);
    }

    @Test
    void emaAveragesAndSwapsBack() {
        Parameter p = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
        p.setArray(manager.create(new float[] {1f, 1f}));
        ParameterEma ema = new ParameterEma(0.5f, List.of(p));
        p.getArray().muli(0).addi(3f);
        ema.update(100); // decay min(0.5, 101/110) = 0.5: 0.5·1 + 0.5·3
        float inside = ema.withAverage(() -> p.getArray().getFloat(0));
        assertEquals(2f, inside, 1e-6f);
        assertEquals(3f, p.getArray().getFloat(0), 1e-6f);
        ema.update(101); // 0.5·2 + 0.5·3
        assertEquals(2.5f, ema.withAverage(() -> p.getArray().getFloat(1)), 1e-6f);
    }

    @Test
    void emaDecayWarmsUpSoEarlyAveragesFollowTheWeights() {
        Parameter p = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
        p.setArray(manager.create(new float[] {0f}));
        ParameterEma ema = new ParameterEma(0.999f, List.of(p));
        assertEquals(0.1f, ema.decayAt(0), 1e-7f); // (1 + 0) / (10 + 0)
        assertEquals(0.55f, ema.decayAt(10), 1e-7f); // 11 / 20
        assertEquals(0.9f, ema.decayAt(80), 1e-7f); // 81 / 90
        assertEquals(0.999f, ema.decayAt(9_000), 1e-7f); // 9001 / 9010 = 0.99900 > 0.999: capped
        p.getArray().muli(0).addi(10f);
        ema.update(0); // 0.1·0 + 0.9·10
        assertEquals(9f, ema.withAverage(() -> p.getArray().getFloat(0)), 1e-5f);
        ema.update(10); // 0.55·9 + 0.45·10
        assertEquals(9.45f, ema.withAverage(() -> p.getArray().getFloat(0)), 1e-5f);
    }
}
