package ganstudio.tricks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import ganstudio.train.optim.AdaBoundOptimizer;
import ganstudio.train.optim.AdaGradOptimizer;
import ganstudio.train.optim.ParameterOptimizer;
import ganstudio.train.optim.RAdamOptimizer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One parameter w = 1 with loss 2w (gradient 2 at every step). Expected weights: RAdam and AdaGrad from
 * torch.optim 1.13 (RAdam takes plain momentum steps while ρ_t ≤ 5, i.e. the first five), AdaBound from its
 * authors' update rule evaluated by hand.
 */
class OptimizerUpdateTest {

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

    private double[] run(ParameterOptimizer opt, int steps) {
        NDArray w = manager.create(new float[] {1f});
        w.setRequiresGradient(true);
        double[] out = new double[steps];
        for (int t = 0; t < steps; t++) {
            NDArray g = manager.create(new float[] {2f});
            opt.update("w", w, g);
            out[t] = w.getFloat(0);
        }
        return out;
    }

    @Test
    void radamMatchesTorch() {
        double[] expected = {0.8, 0.6, 0.4, 0.2, 2.98e-08, -0.0025820809, -0.0058559612, -0.0097297877};
        double[] got = run(new RAdamOptimizer(0.1f, 0.9f, 0.999f, 1e-8f, 0f), 8);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], got[i], 2e-6, "step " + (i + 1));
        }
    }

    @Test
    void adaboundStepIsTheClippedAdaptiveRate() {
        // Bounds wide open: step/denom = 0.5 at every t, so w falls by 0.5·m̂·(1 − β1^t) = 0.1 per step.
        double[] got = run(new AdaBoundOptimizer(0.1f, 0.9f, 0.999f, 1e-8f, 0.1f, 1e-3f, 0f), 4);
        assertEquals(0.9, got[0], 1e-6);
        assertEquals(0.8, got[1], 1e-6);
        assertEquals(0.6, got[3], 1e-6);
        // final_lr 10, γ 1: the lower bound 10·(1 − 1/(t + 1)) is active: η = 5, 20/3, 7.5
        double[] bound = run(new AdaBoundOptimizer(0.1f, 0.9f, 0.999f, 1e-8f, 10f, 1f, 0f), 3);
        assertEquals(0.0, bound[0], 1e-6);
        assertEquals(-2.5333333, bound[1], 1e-5);
        assertEquals(-6.5983333, bound[2], 1e-5);
    }

    @Test
    void adagradMatchesTorch() {
        double[] got = run(new AdaGradOptimizer(0.1f, 1e-10f, 0f), 3);
        assertEquals(0.9, got[0], 1e-6);
        assertEquals(0.8292893, got[1], 1e-6);
        assertEquals(0.7715543, got[2], 1e-6);
    }

    @Test
    void radamRectificationIsZeroUntilRhoExceedsFive() {
        assertEquals(0.0, RAdamOptimizer.rectification(0.999, 5), 0);
        double r6 = RAdamOptimizer.rectification(0.999, 6);
        double rhoInf = 1999;
        double b = Math.pow(0.999, 6);
        double rho = rhoInf - 12 * b / (1 - b);
        assertEquals(Math.sqrt((rho - 4) * (rho - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rho)), r6, 1e-12);
    }
}
