package ganstudio.tricks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FGSM and PGD on a linear model: perturbations inside the ε ball and the pixel range, and in the loss's ascent. */
class AdversaryTest {

    private NDManager manager;
    private NDArray weights;

    @BeforeEach
    void setUp() {
        Engine.getInstance();
        JniUtils.setGradMode(false);
        manager = NDManager.newBaseManager();
        weights = manager.create(new float[] {1, -2, 0.5f, 3, -1, 0}, new Shape(3, 2));
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private NDArray loss(NDArray x) {
        NDArray targets = manager.create(new float[] {1, 0, 0, 1}, new Shape(2, 2));
        return Losses.crossEntropy(x.reshape(2, 3).matMul(weights), targets);
    }

    @Test
    void fgsmMovesEveryPixelByEpsilonAlongTheGradientSign() {
        NDArray x = manager.create(new float[] {0, 0.2f, -0.3f, 0.1f, 0, 0.5f}, new Shape(2, 1, 1, 3));
        Adversary fgsm = new Adversary(Adversary.Kind.FGSM, 0.05, 0.05, 1);
        NDArray adv = fgsm.perturb(x, this::loss);
        float[] d = adv.sub(x).toFloatArray();
        // ε = 0.05 in [0, 1] units is 0.1 in the networks' [−1, 1] units.
        // The gradient of the third input of sample 1 is 0·(...) + ... ; its sign decides; all are nonzero here.
        for (float v : d) {
            assertEquals(0.1f, Math.abs(v), 1e-6f);
        }
        assertTrue(loss(adv).getFloat() > loss(x).getFloat());
    }

    @Test
    void pgdStaysInTheBallAndThePixelRange() {
        NDArray x = manager.create(new float[] {-0.98f, 0.2f, -0.3f, 0.97f, 0, 0.5f}, new Shape(2, 1, 1, 3));
        Adversary pgd = new Adversary(Adversary.Kind.PGD, 0.1, 0.03, 7);
        NDArray adv = pgd.perturb(x, this::loss);
        float[] a = adv.toFloatArray();
        float[] o = x.toFloatArray();
        for (int i = 0; i < a.length; i++) {
            assertTrue(Math.abs(a[i] - o[i]) <= 0.2f + 1e-6f, "outside the ε ball at " + i);
            assertTrue(a[i] >= -1f && a[i] <= 1f, "outside the pixel range at " + i);
        }
        assertTrue(loss(adv).getFloat() > loss(x).getFloat());
    }
}
