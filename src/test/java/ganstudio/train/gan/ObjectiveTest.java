package ganstudio.train.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every objective on the same 2x2 critic outputs, against values computed by hand. */
class ObjectiveTest {

    private NDManager manager;
    private NDArray real;
    private NDArray fake;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
        real = manager.create(new float[] {1, -2, 0.5f, 3}, new Shape(2, 2));
        fake = manager.create(new float[] {0, 1, -1, 2}, new Shape(2, 2));
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private static double v(NDArray a) {
        return a.getFloat();
    }

    @Test
    void standardGanUsesSigmoidCrossEntropy() {
        // mean softplus(-r) + mean softplus(f)
        assertEquals(1.852363150238602, v(Objective.GAN.criticLoss(real, fake)), 1e-6);
        assertEquals(1.852363150238602, v(Objective.NSGAN.criticLoss(real, fake)), 1e-6);
        // minimax: −mean softplus(f); non-saturating: mean softplus(−f)
        assertEquals(-1.111649641659841, v(Objective.GAN.generatorLoss(fake)), 1e-6);
        assertEquals(0.6116496416598409, v(Objective.NSGAN.generatorLoss(fake)), 1e-6);
    }

    @Test
    void wassersteinIsADifferenceOfMeans() {
        assertEquals(0.5 - 0.625, v(Objective.WGAN.criticLoss(real, fake)), 1e-7);
        assertEquals(0.5 - 0.625, v(Objective.WGAN_GP.criticLoss(real, fake)), 1e-7);
        assertEquals(-0.5, v(Objective.WGAN.generatorLoss(fake)), 1e-7);
    }

    @Test
    void leastSquares() {
        // 0.5 (mean([0, 9, 0.25, 4]) + mean([0, 1, 1, 4]))
        assertEquals(2.40625, v(Objective.LSGAN.criticLoss(real, fake)), 1e-6);
        assertEquals(0.75, v(Objective.LSGAN.generatorLoss(fake)), 1e-6);
    }

    @Test
    void hinge() {
        // mean(relu([0, 3, 0.5, −2])) + mean(relu([1, 2, 0, 3]))
        assertEquals(2.375, v(Objective.HINGE.criticLoss(real, fake)), 1e-6);
        assertEquals(-0.5, v(Objective.HINGE.generatorLoss(fake)), 1e-6);
    }

    @Test
    void softplusStaysFiniteForConfidentLogits() {
        NDArray x = manager.create(new float[] {-100, 100});
        float[] s = Objective.softplus(x).toFloatArray();
        assertEquals(0.0, s[0], 1e-30);
        assertEquals(100.0, s[1], 1e-5);
    }

    @Test
    void namesMapToObjectives() {
        assertEquals(Objective.WGAN_GP, Objective.of("wgan-gp"));
        assertEquals(Objective.NSGAN, Objective.of("nsgan"));
    }
}
