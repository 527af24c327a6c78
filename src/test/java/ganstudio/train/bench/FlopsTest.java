package ganstudio.train.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import ganstudio.config.RunConfig;
import ganstudio.data.TrainingData;
import ganstudio.nn.Act;
import ganstudio.nn.ClassifierNetworks;
import ganstudio.nn.ClassifierSpec;
import ganstudio.nn.Conv;
import ganstudio.nn.Deconv;
import ganstudio.nn.Dense;
import ganstudio.nn.GradSequential;
import ganstudio.data.ImageSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The analytic FLOP counts against numbers worked out by hand. */
class FlopsTest {

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private long forward(GradSequential net, Shape input) {
        net.initialize(manager, DataType.FLOAT32, input);
        return Flops.forward(net, input);
    }

    @Test
    void denseLayersCountTwoPerMultiplyAdd() {
        // 3 samples: 2 -> 4 (24 multiply-adds), relu (0), 4 -> 1 (12).
        GradSequential mlp = new GradSequential().addLayer(new Dense(4)).addLayer(Act.of("relu", 0))
                .addLayer(new Dense(1));
        assertEquals(2 * (3 * 2 * 4 + 3 * 4 * 1), forward(mlp, new Shape(3, 2)));
    }

    @Test
    void convolutionAndTransposedConvolution() {
        // conv 1 -> 8 channels, 4x4 stride 2 on 28x28: 2·8·14·14 outputs × 16 taps each.
        assertEquals(2L * 2 * 8 * 14 * 14 * 16, forward(new GradSequential().addLayer(new Conv(8, 4, 2, 1)),
                new Shape(2, 1, 28, 28)));
        // Its transpose scatters each of the 2·8·14·14 inputs over 1 channel × 16 taps: the same count.
        assertEquals(2L * 2 * 8 * 14 * 14 * 16, forward(new GradSequential().addLayer(new Deconv(1, 4, 2, 1)),
                new Shape(2, 8, 14, 14)));
    }

    @Test
    void theReferenceDcganPairAndItsWorkloads() {
        RunConfig c = RunConfig.defaults().with("data.kind", "fashion-mnist").with("batchSize", "64")
                .with("model.dNorm", "none").with("model.gNorm", "batch").with("objective.kind", "wgan-gp")
                .with("objective.nCritic", "5");
        TrainingData images = new TrainingData(null, new ganstudio.data.ImageSet(1, 1, 28, 28,
                new float[28 * 28], null, null, "test"));
        // G: dense 100 -> 6272, deconv 128 -> 64 (7 -> 14), deconv 64 -> 1 (14 -> 28), batch 64.
        long g = 2L * 64 * 100 * 6272 + 2L * 64 * 128 * 7 * 7 * 64 * 16 + 2L * 64 * 64 * 14 * 14 * 16;
        // D: conv 1 -> 64 (28 -> 14), conv 64 -> 128 (14 -> 7), dense 6272 -> 1.
        long d = 2L * 64 * 64 * 14 * 14 * 16 + 2L * 64 * 128 * 7 * 7 * 64 * 16 + 2L * 64 * 6272;
        assertEquals(928_055_296L, g);
        assertEquals(848_576_512L, d);
        assertEquals(8 * g + 62 * d, GanWorkload.count(c, images, false));
        assertEquals(60_036_186_112L, GanWorkload.count(c, images, false));
        assertEquals(8 * g + 32 * d, GanWorkload.count(c.with("objective.kind", "wgan"), images, false));
        RunConfig gan = c.with("objective.kind", "nsgan").with("objective.nCritic", "1").with("model.dNorm", "batch");
        assertEquals(3 * g + 8 * d, GanWorkload.count(gan, images, true));
    }

    @Test
    void ganIterationFormula() {
        // Critic step: G forward + 6 D (forward and backward on real and fake) + 6 D of penalty.
        assertEquals(5 * (10 + 6 * 100 + 6 * 100) + 3 * 10 + 2 * 100, Flops.ganIteration(10, 100, 5, true, false));
        assertEquals(5 * (10 + 6 * 100) + 3 * 10 + 2 * 100, Flops.ganIteration(10, 100, 5, false, false));
        assertEquals(6 * 100 + 3 * 10 + 2 * 100, Flops.ganIteration(10, 100, 1, false, true));
        assertEquals(2L * 2048 * 2048 * 2048, Flops.matmul(2048));
    }

    @Test
    void theFashionBaselineClassifier() {
        var net = ClassifierNetworks.build(ClassifierSpec.baseline(1, 28, 10));
        Shape in = new Shape(128, 1, 28, 28);
        net.initialize(manager, DataType.FLOAT32, in);
        long conv1 = 2L * 128 * 32 * 28 * 28 * 9;
        long conv2 = 2L * 128 * 64 * 14 * 14 * 32 * 9;
        long dense = 2L * 128 * 3136 * 128 + 2L * 128 * 128 * 10;
        assertEquals(conv1 + conv2 + dense, Flops.forward(net, in));
        assertEquals(3 * (conv1 + conv2 + dense), Flops.trainingStep(Flops.forward(net, in)));
    }
}
