package ganstudio.train.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;

import ganstudio.nn.Act;
import ganstudio.nn.Dense;
import ganstudio.nn.GradSequential;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gradient penalty against values worked out by hand. */
class GradientPenaltyTest {

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    /** A critic f(x) = w·x + b with w = (3, 4), b = 0. */
    private GradSequential linearCritic() {
        GradSequential critic = new GradSequential().addLayer(new Dense(1));
        Initializer fixed = (m, shape, type) -> m.create(new float[] {3, 4}, shape);
        critic.setInitializer(fixed, Parameter.Type.WEIGHT);
        critic.initialize(manager, DataType.FLOAT32, new Shape(2, 2));
        return critic;
    }

    @Test
    void linearCriticPenaltyAndItsWeightGradient() {
        GradSequential critic = linearCritic();
        ParameterStore ps = new ParameterStore(manager, false);
        NDArray real = manager.create(new float[] {1, 2, -1, 0}, new Shape(2, 2));
        NDArray fake = manager.create(new float[] {0, 0, 5, 5}, new Shape(2, 2));
        NDArray alpha = manager.create(new float[] {0.25f, 0.75f}, new Shape(2, 1));
        NDArray weight = critic.getParameters().get(0).getValue().getArray();
        float penalty;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray gp = GradientPenalty.compute(critic, ps, real, fake, alpha, false);
            penalty = gp.getFloat();
            gc.backward(gp);
        }
        // ∇x f = w everywhere, so the penalty is (‖w‖ − 1)² = (5 − 1)² = 16 whatever α is,
        // and d/dw = 2 (‖w‖ − 1) w / ‖w‖ = 8 · (3, 4) / 5 = (4.8, 6.4).
        assertEquals(16.0, penalty, 1e-4);
        assertArrayEquals(new float[] {4.8f, 6.4f}, weight.getGradient().toFloatArray(), 1e-4f);
    }

    @Test
    void reluCriticPenaltyPerSample() {
        // f(x) = relu(w·x): ∇ is w where w·x̂ > 0 and 0 elsewhere. x̂0 = (0.25, 0.5): w·x̂ = 2.75 > 0, norm 5;
        // x̂1 = 0.75·(−1, 0) + 0.25·(5, 5) = (0.5, 1.25): w·x̂ = 6.5 > 0, norm 5. Flip sample 1 negative:
        GradSequential critic = new GradSequential().addLayer(new Dense(1)).addLayer(Act.of("relu", 0));
        Initializer fixed = (m, shape, type) -> m.create(new float[] {3, 4}, shape);
        critic.setInitializer(fixed, Parameter.Type.WEIGHT);
        critic.initialize(manager, DataType.FLOAT32, new Shape(2, 2));
        ParameterStore ps = new ParameterStore(manager, false);
        NDArray real = manager.create(new float[] {1, 2, -1, -1}, new Shape(2, 2));
        NDArray fake = manager.create(new float[] {0, 0, -1, -1}, new Shape(2, 2));
        NDArray alpha = manager.create(new float[] {0.25f, 0.5f}, new Shape(2, 1));
        float penalty;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            penalty = GradientPenalty.compute(critic, ps, real, fake, alpha, false).getFloat();
        }
        // Sample 0: (5 − 1)² = 16; sample 1 sits where relu is off: (0 − 1)² = 1. Mean 8.5.
        assertEquals(8.5, penalty, 1e-4);
    }

    @Test
    void oneSidedPenaltyChargesOnlyNormsAboveOne() {
        // Norms 5, 1 and 0.5: GP (4² + 0 + 0.5²)/3, LP (4² + 0 + 0)/3.
        NDArray g = manager.create(new float[] {3, 4, 0.6f, 0.8f, 0, 0.5f}, new Shape(3, 2));
        assertEquals((16 + 0.25) / 3, GradientPenalty.penaltyOf(g).getFloat(), 1e-5);
        assertEquals(16.0 / 3, GradientPenalty.oneSidedPenaltyOf(g).getFloat(), 1e-5);
    }

    @Test
    void wganLpOnALinearCriticAndItsWeightGradient() {
        GradSequential critic = linearCritic();
        ParameterStore ps = new ParameterStore(manager, false);
        NDArray real = manager.create(new float[] {1, 2, -1, 0}, new Shape(2, 2));
        NDArray fake = manager.create(new float[] {0, 0, 5, 5}, new Shape(2, 2));
        NDArray alpha = manager.create(new float[] {0.25f, 0.75f}, new Shape(2, 1));
        NDArray weight = critic.getParameters().get(0).getValue().getArray();
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray lp = GradientPenalty.compute(critic, ps, real, fake, alpha, true);
            assertEquals(16.0, lp.getFloat(), 1e-4); // ‖w‖ = 5 > 1: the same as GP's (5 − 1)²
            gc.backward(lp);
        }
        assertArrayEquals(new float[] {4.8f, 6.4f}, weight.getGradient().toFloatArray(), 1e-4f);
        // A critic with ‖w‖ = 0.5 is inside the Lipschitz bound: LP is 0 where GP would still charge 0.25.
        weight.set(new float[] {0.3f, 0.4f});
        assertEquals(0.0, GradientPenalty.compute(critic, ps, real, fake, alpha, true).getFloat(), 1e-7);
        assertEquals(0.25, GradientPenalty.compute(critic, ps, real, fake, alpha, false).getFloat(), 1e-5);
    }

    @Test
    void coefficientsAreOnePerSample() {
        NDArray images = manager.zeros(new Shape(4, 1, 28, 28));
        NDArray a = GradientPenalty.coefficients(images);
        assertEquals(new Shape(4, 1, 1, 1), a.getShape());
        for (float v : a.toFloatArray()) {
            org.junit.jupiter.api.Assertions.assertTrue(v >= 0 && v <= 1);
        }
    }
}
