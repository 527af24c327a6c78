package ganstudio.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spectral normalization against the largest singular value of known matrices. */
class SpectralNormTest {

    private NDManager manager;
    private ParameterStore ps;

    @BeforeEach
    void setUp() {
        Engine.getInstance().setRandomSeed(11);
        manager = NDManager.newBaseManager();
        ps = new ParameterStore(manager, false);
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private static NDArray parameter(Block b, String name) {
        return b.getParameters().get(name).getArray();
    }

    private static void iterate(SpectralLayer layer, int times) {
        for (int i = 0; i < times; i++) {
            layer.powerIteration();
        }
    }

    private static float sigma(Block b, SpectralNorm sn) {
        return sn.sigma(parameter(b, "weight")).getFloat();
    }

    @Test
    void denseLayerDividesItsWeightByTheLargestSingularValue() {
        Dense d = new Dense(2, true);
        d.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
        parameter(d, "weight").set(new float[] {1, 2, 3, 4});
        parameter(d, "bias").set(new float[] {0.5f, -1});
        iterate(d, 30);
        // [[1, 2], [3, 4]]: σ₁ = sqrt(15 + sqrt(221)) = 5.4649857...
        double s = Math.sqrt(15 + Math.sqrt(221));
        NDArray x = manager.create(new float[] {1, 1}, new Shape(1, 2));
        float[] y = d.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
        assertArrayEquals(new float[] {(float) (3 / s + 0.5), (float) (7 / s - 1)}, y, 1e-5f);
        // The input gradient uses the same normalized weight: ones · W/σ.
        float[] g = d.backwardInput(ps, manager.ones(new Shape(1, 2))).toFloatArray();
        assertArrayEquals(new float[] {(float) (4 / s), (float) (6 / s)}, g, 1e-5f);
    }

    @Test
    void oneStepPerUpdateConvergesToSigmaFromBelow() {
        Dense d = new Dense(2, true);
        d.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
        parameter(d, "weight").set(new float[] {3, 0, 0, 1});
        SpectralNorm sn = d.spectralNorm();
        parameter(d, "sigmaVector").set(new float[] {0.6f, 0.8f});
        // uᵀWv with v = Wᵀu/‖Wᵀu‖ = ‖Wᵀu‖ = ‖(1.8, 0.8)‖.
        assertEquals(Math.hypot(1.8, 0.8), sigma(d, sn), 1e-6);
        d.powerIteration();
        // u ← W Wᵀu / ‖…‖ = (5.4, 0.8)/‖(5.4, 0.8)‖: σ grows towards 3.
        double ux = 5.4 / Math.hypot(5.4, 0.8);
        double uy = 0.8 / Math.hypot(5.4, 0.8);
        assertEquals(Math.hypot(3 * ux, uy), sigma(d, sn), 1e-6);
        iterate(d, 20);
        assertEquals(3.0, sigma(d, sn), 1e-5);
    }

    @Test
    void sigmaIsDifferentiatedWithUAndVHeldConstant() {
        Dense d = new Dense(2, true);
        d.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
        NDArray w = parameter(d, "weight");
        w.set(new float[] {3, 0, 0, 1});
        iterate(d, 40);
        SpectralNorm sn = d.spectralNorm();
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(sn.sigma(w));
        }
        // dσ/dW = u vᵀ with u = v = ±(1, 0).
        assertArrayEquals(new float[] {1, 0, 0, 0}, w.getGradient().toFloatArray(), 1e-5f);
    }

    @Test
    void convolutionIsNormalizedAsAMatrixOfOneRowPerFilter() {
        Conv c = new Conv(2, 1, 1, 0, true);
        c.initialize(manager, DataType.FLOAT32, new Shape(1, 2, 1, 1));
        // [2 filters, 2 channels, 1, 1] = [[1, 2], [3, 4]] as a matrix.
        parameter(c, "weight").set(new float[] {1, 2, 3, 4});
        parameter(c, "bias").set(new float[] {0, 0});
        iterate(c, 30);
        double s = Math.sqrt(15 + Math.sqrt(221));
        NDArray x = manager.create(new float[] {1, 1}, new Shape(1, 2, 1, 1));
        float[] y = c.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
        assertArrayEquals(new float[] {(float) (3 / s), (float) (7 / s)}, y, 1e-5f);
    }

    @Test
    void transposedConvolutionIsNormalizedOverItsOutputs() {
        Deconv t = new Deconv(1, 1, 1, 0, true);
        t.initialize(manager, DataType.FLOAT32, new Shape(1, 2, 1, 1));
        // [in 2, out 1, 1, 1]: over the outputs, one row (1, 2): σ = √5 (over the inputs it would be 1 and 2).
        parameter(t, "weight").set(new float[] {1, 2});
        parameter(t, "bias").set(new float[] {0});
        iterate(t, 5);
        NDArray x = manager.create(new float[] {1, 1}, new Shape(1, 2, 1, 1));
        float[] y = t.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
        assertArrayEquals(new float[] {(float) (3 / Math.sqrt(5))}, y, 1e-5f);
    }

    @Test
    void theSingularVectorIsSavedAndLoadedWithTheWeights() throws Exception {
        Dense d = new Dense(2, true);
        d.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
        parameter(d, "weight").set(new float[] {1, 2, 3, 4});
        iterate(d, 3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        d.saveParameters(new DataOutputStream(bytes));
        Dense e = new Dense(2, true);
        e.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
        e.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertArrayEquals(parameter(d, "sigmaVector").toFloatArray(), parameter(e, "sigmaVector").toFloatArray());
        assertEquals(false, e.getParameters().get("sigmaVector").requiresGradient(), "u does not train");
    }
}
