package ganstudio.tricks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
        // Image 0 holds 1..16, image 1 holds 17..32: nonzero, so the zero fill shows, and distinct, so a wrap shows.
        float[] px = new float[2 * 16];
        for (int i = 0; i < px.length; i++) {
            px[i] = i + 1;
        }
        NDArray x = manager.create(px, new Shape(2, 1, 4, 4));
        // Seed 3 draws (dy, dx) = (1, −1) for image 0 and (−1, 1) for image 1 (max shift round(4/8) = 1):
        // both axes move and in opposite senses, so a no-op, a reversed or a transposed shift all differ.
        float[] y = new DiffAugment("translation", 3).apply(x).toFloatArray();
        float[] expected = {
            // image 0: out[r][c] = in[r − 1][c + 1]; row 0 and column 3 are vacated
            0, 0, 0, 0,
            2, 3, 4, 0,
            6, 7, 8, 0,
            10, 11, 12, 0,
            // image 1: out[r][c] = in[r + 1][c − 1]; column 0 and row 3 are vacated
            0, 21, 22, 23,
            0, 25, 26, 27,
            0, 29, 30, 31,
            0, 0, 0, 0,
        };
        assertArrayEquals(expected, y, 0f);
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
        float[] w = new float[16];
        for (int i = 0; i < w.length; i++) {
            w[i] = i + 1;
        }
        NDArray x = manager.zeros(new Shape(1, 1, 4, 4));
        x.setRequiresGradient(true);
        // Seed 1 draws the shift (dy, dx) = (1, −1), then the cutout centre (1, 2): rows 0–1, columns 1–2 zeroed.
        // Color is left out: its draws come from the engine, not from this seed.
        DiffAugment a = new DiffAugment("translation,cutout", 1);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            // Distinct weights per output pixel, so the gradient shows where each input pixel went.
            gc.backward(a.apply(x).mul(manager.create(w, new Shape(1, 1, 4, 4))).sum());
        }
        // y[r][c] = mask[r][c]·x[r − 1][c + 1], so dL/dx[i][j] = w[i + 1][j − 1]·mask[i + 1][j − 1], 0 off the grid.
        float[] expected = {
            0, 5, 0, 0, // input row 0 lands in output row 1, where columns 1 and 2 are cut out
            0, 9, 10, 11,
            0, 13, 14, 15,
            0, 0, 0, 0, // input row 3 would land in row 4, off the grid
        };
        assertArrayEquals(expected, x.getGradient().toFloatArray(), 0f);
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
