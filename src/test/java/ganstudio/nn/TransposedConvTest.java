package ganstudio.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TransposedConv against the scatter definition of ConvTranspose2d, over kernels, strides and paddings. */
class TransposedConvTest {

    private NDManager manager;
    private boolean gradMode;

    @BeforeEach
    void setUp() {
        Engine.getInstance().setRandomSeed(11);
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    /** out[n, o, y, x] = Σ x[n, c, i, j] · w[c, o, ky, kx] over i·s + ky − p = y, j·s + kx − p = x, plus bias. */
    private static float[] scatter(float[] x, float[] w, float[] bias, int n, int cin, int cout, int h, int wd,
            int k, int s, int p, int outH, int outW) {
        float[] out = new float[n * cout * outH * outW];
        for (int b = 0; b < n; b++) {
            for (int o = 0; o < cout; o++) {
                for (int y = 0; y < outH; y++) {
                    for (int xx = 0; xx < outW; xx++) {
                        out[((b * cout + o) * outH + y) * outW + xx] = bias == null ? 0 : bias[o];
                    }
                }
            }
            for (int c = 0; c < cin; c++) {
                for (int i = 0; i < h; i++) {
                    for (int j = 0; j < wd; j++) {
                        for (int o = 0; o < cout; o++) {
                            for (int ky = 0; ky < k; ky++) {
                                for (int kx = 0; kx < k; kx++) {
                                    int y = i * s + ky - p;
                                    int xx = j * s + kx - p;
                                    if (y >= 0 && y < outH && xx >= 0 && xx < outW) {
                                        out[((b * cout + o) * outH + y) * outW + xx] +=
                                                x[((b * cin + c) * h + i) * wd + j] * w[((c * cout + o) * k + ky) * k + kx];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    private void check(int k, int s, int p, int outPadH, int outPadW, int h, int w, boolean withBias) {
        check(k, s, p, outPadH, outPadW, h, w, withBias, 3, 2);
    }

    private void check(int k, int s, int p, int outPadH, int outPadW, int h, int w, boolean withBias, int cin,
            int cout) {
        int n = 2;
        NDArray x = manager.randomNormal(new Shape(n, cin, h, w));
        NDArray weight = manager.randomNormal(new Shape(cin, cout, k, k));
        NDArray bias = withBias ? manager.randomNormal(new Shape(cout)) : null;
        int outH = (int) TransposedConv.outputSize(h, k, s, p, outPadH);
        int outW = (int) TransposedConv.outputSize(w, k, s, p, outPadW);
        NDArray y;
        if (gradMode) {
            weight.setRequiresGradient(true);
            try (ai.djl.training.GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                y = TransposedConv.apply(x, weight, bias, s, p, outPadH, outPadW);
            }
        } else {
            y = TransposedConv.apply(x, weight, bias, s, p, outPadH, outPadW);
        }
        String what = "k=" + k + " s=" + s + " p=" + p + " outPad=" + outPadH + "," + outPadW + " in=" + h + "x" + w;
        assertEquals(new Shape(n, cout, outH, outW), y.getShape(), what);
        float[] expected = scatter(x.toFloatArray(), weight.toFloatArray(),
                bias == null ? null : bias.toFloatArray(), n, cin, cout, h, w, k, s, p, outH, outW);
        assertArrayEquals(expected, y.toFloatArray(), 1e-4f, what);
    }

    @Test
    void phasesMatchTheScatterDefinition() {
        // The DCGAN layers (4, 2, 1) and the input gradients of the critic's convolutions, with and without bias.
        check(4, 2, 1, 0, 0, 7, 7, true);
        check(4, 2, 1, 0, 0, 14, 14, false);
        check(4, 2, 1, 1, 0, 5, 6, true);
        check(4, 2, 0, 0, 0, 3, 3, true);
        check(4, 2, 2, 1, 1, 6, 4, false);
        check(2, 2, 0, 0, 0, 4, 4, true);
        check(6, 2, 1, 0, 1, 4, 5, true);
        check(6, 3, 1, 2, 0, 4, 3, true);
        check(4, 4, 0, 3, 0, 3, 3, false);
        // Stride 1 (the input gradient of a 3x3 "same" convolution, and a plain transposed 3x3).
        check(3, 1, 1, 0, 0, 5, 5, true);
        check(3, 1, 0, 0, 0, 4, 6, false);
        check(4, 1, 2, 0, 0, 6, 6, true);
        // Channel counts of the critic's input gradients: 8 -> 1 (first layer), 8 -> 8 (3x3 block).
        check(4, 2, 1, 0, 0, 14, 14, false, 8, 1);
        check(3, 1, 1, 0, 0, 14, 14, false, 8, 8);
        check(4, 2, 1, 0, 0, 7, 7, false, 16, 8);
    }

    @Test
    void sameUnderAutograd() {
        gradMode = true;
        check(4, 2, 1, 0, 0, 14, 14, false, 8, 1);
        check(4, 2, 1, 0, 0, 7, 7, true);
    }

    @Test
    void zeroInsertionMatchesTheScatterDefinition() {
        check(3, 2, 1, 0, 0, 4, 4, true);
        check(3, 2, 1, 1, 1, 4, 5, false);
        check(5, 2, 2, 1, 0, 3, 3, true);
    }

}
