package ganstudio.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hand-built input gradients agree with PyTorch's autograd on the same networks. */
class InputGradientTest {

    private NDManager manager;

    @BeforeEach
    void setUp() {
        Engine.getInstance().setRandomSeed(7);
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private float[][] both(GradSequential net, Shape inputShape) {
        net.setInitializer(new NormalInitializer(0.3f), Parameter.Type.WEIGHT);
        net.initialize(manager, DataType.FLOAT32, inputShape);
        ParameterStore ps = new ParameterStore(manager, false);
        NDArray x = manager.randomNormal(inputShape);
        float[] manual;
        float[] autograd;
        NDArray xi = x.duplicate();
        xi.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray out = net.forward(ps, new NDList(xi), true).singletonOrThrow();
            manual = net.backwardInput(ps, out.onesLike()).toFloatArray();
            gc.backward(out.sum());
        }
        autograd = xi.getGradient().toFloatArray();
        return new float[][] {autograd, manual};
    }

    @Test
    void mlpWithLeakyReluAndLayerNorm() {
        GradSequential net = new GradSequential().addLayer(new Scale(0.25f)).addLayer(new Dense(16))
                .addLayer(new GroupNorm(1))
                .addLayer(Act.of("leakyrelu", 0.2)).addLayer(new Dense(8)).addLayer(Act.of("gelu", 0))
                .addLayer(new Residual(new GradSequential().addLayer(new Dense(8)).addLayer(Act.of("relu", 0))))
                .addLayer(new Dense(1));
        float[][] g = both(net, new Shape(5, 3));
        assertArrayEquals(g[0], g[1], 1e-5f);
    }

    @Test
    void dcganCriticOn28Pixels() {
        // Width 32: 8-filter layers gave wrong input gradients on an AVX-512 CPU (README, known problems).
        NetworkSpec spec = new NetworkSpec(false, 1, 28, 100, 32, 32, 3, 1, "none", "group", 4, "relu", "leakyrelu",
                0.2, 0, true, "dcgan", 1.0);
        float[][] g = both(GanNetworks.critic(spec), new Shape(3, 1, 28, 28));
        assertArrayEquals(g[0], g[1], 1e-5f);
    }

    @Test
    void spectrallyNormalizedMlpWithMinibatchStd() {
        GradSequential net = new GradSequential().addLayer(new Dense(16, true)).addLayer(Act.of("leakyrelu", 0.2))
                .addLayer(new MinibatchStd()).addLayer(new Dense(1, true));
        float[][] g = both(net, new Shape(6, 4));
        assertArrayEquals(g[0], g[1], 1e-5f);
    }

    @Test
    void dcganCriticWithStabilizersOn28Pixels() {
        NetworkSpec spec = new NetworkSpec(false, 2, 28, 100, 32, 32, 3, 0, "none", "none", 4, "relu", "leakyrelu",
                0.2, 0, false, "dcgan", 1.0, new NetworkSpec.Stabilizers(1, true, false, true));
        float[][] g = both(GanNetworks.critic(spec), new Shape(3, 2, 28, 28));
        assertArrayEquals(g[0], g[1], 1e-5f);
    }

    @Test
    void minibatchStdAppendsTheMeanStdAndKnowsItsInputGradient() {
        MinibatchStd layer = new MinibatchStd();
        Shape shape = new Shape(2, 2);
        layer.initialize(manager, DataType.FLOAT32, shape);
        ParameterStore ps = new ParameterStore(manager, false);
        NDArray x = manager.create(new float[] {1, 2, 3, 6}, shape);
        // Feature stds over the batch (biased): |1 − 2| = 1 and |2 − 4| = 2, so s = 1.5.
        NDArray out = layer.forward(ps, new NDList(x), true).singletonOrThrow();
        assertArrayEquals(new float[] {1, 2, 1.5f, 3, 6, 1.5f}, out.toFloatArray(), 1e-6f);
        // d(Σ out)/dx = 1 + N · (x − μ)/(N · std · F): 1 ∓ 0.5 for both features.
        float[] g = layer.backwardInput(ps, manager.ones(new Shape(2, 3))).toFloatArray();
        assertArrayEquals(new float[] {0.5f, 0.5f, 1.5f, 1.5f}, g, 1e-6f);
        // Outside training it appends the last training batch's s, whatever the batch.
        NDArray grid = manager.create(new float[] {0, 0, 10, -10, 5, 5}, new Shape(3, 2));
        float[] evaluated = layer.forward(ps, new NDList(grid), false).singletonOrThrow().toFloatArray();
        assertArrayEquals(new float[] {0, 0, 1.5f, 10, -10, 1.5f, 5, 5, 1.5f}, evaluated, 1e-6f);
    }

    @Test
    void transposedConvolutionMatchesItsDefinition() {
        // ConvTranspose2d(in=2, out=3, k=4, s=2, p=1) on 3x3 inputs, against the scatter definition.
        NDArray x = manager.randomNormal(new Shape(1, 2, 3, 3));
        NDArray w = manager.randomNormal(new Shape(2, 3, 4, 4));
        float[] xv = x.toFloatArray();
        float[] wv = w.toFloatArray();
        int out = 6;
        float[] expected = new float[3 * out * out];
        for (int c = 0; c < 2; c++) {
            for (int iy = 0; iy < 3; iy++) {
                for (int ix = 0; ix < 3; ix++) {
                    for (int o = 0; o < 3; o++) {
                        for (int ky = 0; ky < 4; ky++) {
                            for (int kx = 0; kx < 4; kx++) {
                                int y = iy * 2 - 1 + ky;
                                int xx = ix * 2 - 1 + kx;
                                if (y >= 0 && y < out && xx >= 0 && xx < out) {
                                    expected[(o * out + y) * out + xx] += xv[(c * 3 + iy) * 3 + ix]
                                            * wv[((c * 3 + o) * 4 + ky) * 4 + kx];
                                }
                            }
                        }
                    }
                }
            }
        }
        NDArray y = TransposedConv.apply(x, w, null, 2, 1, 0, 0);
        assertEquals(new Shape(1, 3, 6, 6), y.getShape());
        assertArrayEquals(expected, y.toFloatArray(), 1e-4f);
        // The zero-insertion path (kernel not a multiple of the stride) gives the same numbers for k=3.
        NDArray w3 = manager.randomNormal(new Shape(2, 3, 3, 3));
        NDArray viaPhases = TransposedConv.apply(x, w3.pad(new Shape(0, 1, 0, 1), 0), null, 2, 1, 0, 0)
                .get(":, :, :5, :5");
        NDArray viaZeros = TransposedConv.apply(x, w3, null, 2, 1, 0, 0);
        assertEquals(new Shape(1, 3, 5, 5), viaZeros.getShape());
        assertArrayEquals(viaPhases.toFloatArray(), viaZeros.toFloatArray(), 1e-4f);
    }
}
