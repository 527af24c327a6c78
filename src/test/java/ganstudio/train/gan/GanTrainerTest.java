package ganstudio.train.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import ganstudio.config.RunConfig;
import ganstudio.data.TrainingData;
import ganstudio.metrics.StepMetrics;
import ganstudio.train.common.DivergenceException;
import ganstudio.media.Frame;
import ganstudio.data.ImageSet;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The training step on small networks: clipping, schedules, determinism, memory, divergence. */
class GanTrainerTest {

    static RunConfig small(String objective) {
        return RunConfig.defaults().with("data.kind", "ring8").with("objective.kind", objective)
                .with("model.gWidth", "32").with("model.dWidth", "32").with("model.depth", "2")
                .with("batchSize", "32").with("log.noiseBank", "16").with("log.heatmap", "8").with("seed", "3");
    }

    private static float[] weights(List<Pair<String, Parameter>> params) {
        List<float[]> parts = new java.util.ArrayList<>();
        int n = 0;
        for (Pair<String, Parameter> p : params) {
            float[] v = p.getValue().getArray().toFloatArray();
            parts.add(v);
            n += v.length;
        }
        float[] all = new float[n];
        int at = 0;
        for (float[] v : parts) {
            System.arraycopy(v, 0, all, at, v.length);
            at += v.length;
        }
        return all;
    }

    @Test
    void criticStepRunsExactlyOneCriticIterationAndLeavesTheGeneratorAlone() {
        RunConfig c = small("wgan").with("objective.nCritic", "3").with("objective.clip", "0.02");
        try (GanTrainer t = new GanTrainer(c, TrainingData.load(c), Device.cpu())) {
            float[] g0 = weights(t.generatorParameters());
            float[] d0 = weights(t.criticParameters());
            StepMetrics m = t.criticStep();
            assertEquals(0, m.step());
            assertEquals(1, m.criticIterations());
            assertEquals(0, t.getStep());
            assertEquals(1, t.getCriticIterations());
            assertArrayEquals(g0, weights(t.generatorParameters()), 0f);
            assertTrue(!java.util.Arrays.equals(d0, weights(t.criticParameters())), "the critic was not updated");
            // Everything about the critic is measured; the generator did not run.
            assertTrue(Double.isNaN(m.lossG()) && Double.isNaN(m.gradNormG()));
            assertEquals(-m.lossD(), m.wEstimate(), 0);
            assertTrue(Double.isFinite(m.gradNormD()) && Double.isFinite(m.clipFraction()));
            // A full step afterwards runs its own n_critic = 3 critic iterations on top.
            assertEquals(4, t.step(false).criticIterations());
            StepMetrics after = t.criticStep();
            assertEquals(1, after.step());
            assertEquals(5, after.criticIterations());
        }
    }

    @Test
    void weightClippingKeepsEveryCriticWeightInRange() {
        RunConfig c = small("wgan").with("objective.clip", "0.02").with("optD.kind", "rmsprop")
                .with("optD.lr", "0.01").with("objective.nCritic", "3");
        try (GanTrainer t = new GanTrainer(c, TrainingData.load(c), Device.cpu())) {
            StepMetrics m = null;
            for (int i = 0; i < 5; i++) {
                m = t.step(true);
            }
            float max = 0;
            long atBound = 0;
            long total = 0;
            for (Pair<String, Parameter> p : t.criticParameters()) {
                for (float v : p.getValue().getArray().toFloatArray()) {
                    max = Math.max(max, Math.abs(v));
                    atBound += Math.abs(v) == 0.02f ? 1 : 0;
                    total++;
                }
            }
            assertTrue(max <= 0.02f, "largest |w| = " + max);
            // lr 0.01 against c = 0.02 pushes many weights onto the bound; the metric counts exactly those.
            assertTrue(atBound > total / 10, atBound + " of " + total);
            assertEquals((double) atBound / total, m.clipFraction(), 1e-6);
            assertEquals(15, m.criticIterations());
        }
    }

    @Test
    void criticIterationCountFollowsTheBurstSchedule() {
        RunConfig c = small("wgan").with("objective.burst", "true").with("objective.burstCritic", "4")
                .with("objective.burstFirst", "2").with("objective.nCritic", "1");
        try (GanTrainer t = new GanTrainer(c, TrainingData.load(c), Device.cpu())) {
            long[] totals = new long[4];
            for (int i = 0; i < 4; i++) {
                totals[i] = t.step(false).criticIterations();
            }
            // Generator iterations 0 and 1 get a burst of 4; 2 and 3 get n_critic = 1.
            assertArrayEquals(new long[] {4, 8, 9, 10}, totals);
        }
    }

    @Test
    void sameSeedGivesTheSameMetrics() {
        RunConfig c = small("wgan-gp");
        double[][] runs = new double[2][];
        for (int r = 0; r < 2; r++) {
            try (GanTrainer t = new GanTrainer(c, TrainingData.load(c), Device.cpu())) {
                StepMetrics m = null;
                for (int i = 0; i < 4; i++) {
                    m = t.step(true);
                }
                runs[r] = new double[] {m.lossD(), m.lossG(), m.dReal(), m.dFake(), m.penalty(), m.gradNormD()};
            }
        }
        assertArrayEquals(runs[0], runs[1], 0.0);
    }

    @Test
    void liveArraysDoNotGrowAcrossSteps() {
        for (String objective : new String[] {"wgan-gp", "wgan", "nsgan"}) {
            RunConfig c = small(objective);
            try (GanTrainer t = new GanTrainer(c, TrainingData.load(c), Device.cpu())) {
                for (int i = 0; i < 3; i++) {
                    t.step(true);
                }
                t.frame();
                int before = t.liveArrays();
                for (int i = 0; i < 20; i++) {
                    t.step(i % 2 == 0);
                }
                t.frame();
                assertEquals(before, t.liveArrays(), objective);
            }
        }
    }

    @Test
    void stabilizersKeepTheArraysAliveConstant() {
        RunConfig c = small("wgan-lp").with("tricks.pack", "4").with("tricks.spectralNorm", "both")
                .with("tricks.minibatchStd", "true").with("tricks.unroll", "2").with("tricks.r1", "1")
                .with("tricks.emaG", "0.99");
        try (GanTrainer t = new GanTrainer(c, TrainingData.load(c), Device.cpu())) {
            for (int i = 0; i < 3; i++) {
                t.step(true);
            }
            t.frame();
            int before = t.liveArrays();
            for (int i = 0; i < 10; i++) {
                t.step(i % 2 == 0);
            }
            t.frame();
            assertEquals(before, t.liveArrays());
        }
    }

    @Test
    void theUnrolledLookAheadIsUndoneAfterTheGeneratorsUpdate() {
        RunConfig plain = small("nsgan").with("objective.nCritic", "2");
        float[][] critic = new float[2][];
        float[][] generator = new float[2][];
        long[] iterations = new long[2];
        for (int r = 0; r < 2; r++) {
            RunConfig c = r == 0 ? plain : plain.with("tricks.unroll", "3");
            try (GanTrainer t = new GanTrainer(c, TrainingData.load(c), Device.cpu())) {
                t.step(false);
                critic[r] = weights(t.criticParameters());
                generator[r] = weights(t.generatorParameters());
                iterations[r] = t.getCriticIterations();
            }
        }
        // The critic is back where its two counted updates left it; G learned against the looked-ahead critic.
        assertArrayEquals(critic[0], critic[1], 0f);
        assertEquals(2, iterations[1], "look-ahead updates are not counted");
        assertTrue(!java.util.Arrays.equals(generator[0], generator[1]), "G saw the unrolled critic");
    }

    @Test
    void wganLpLogsItsPenalty() {
        RunConfig c = small("wgan-lp").with("objective.lambda", "10");
        try (GanTrainer t = new GanTrainer(c, TrainingData.load(c), Device.cpu())) {
            StepMetrics m = t.step(true);
            assertTrue(m.penalty() >= 0, "penalty " + m.penalty());
            assertTrue(Double.isFinite(m.wEstimate()), "a Wasserstein estimate");
        }
    }

    @Test
    void nanLossStopsWithAClearReason() {
        // A learning rate this large overflows the weights within a few steps.
        RunConfig c = small("lsgan").with("optD.kind", "sgd").with("optD.lr", "10").with("optG.kind", "sgd")
                .with("optG.lr", "10");
        try (GanTrainer t = new GanTrainer(c, TrainingData.load(c), Device.cpu())) {
            DivergenceException e = assertThrows(DivergenceException.class, () -> {
                for (int i = 0; i < 200; i++) {
                    t.step(false);
                }
            });
            assertTrue(e.getMessage().contains("loss became"), e.getMessage());
            assertTrue(e.getMessage().contains("lower the learning rates"), e.getMessage());
        }
    }

    @Test
    void liveEditsTakeEffect() {
        RunConfig c = small("wgan");
        try (GanTrainer t = new GanTrainer(c, TrainingData.load(c), Device.cpu())) {
            t.apply("objective.nCritic", 3);
            assertEquals(3, t.step(false).criticIterations());
            t.apply("optD.lr", 0.5);
            StepMetrics m = t.step(true);
            assertEquals(0.5, m.lrD(), 1e-7);
            assertEquals(6, m.criticIterations());
        }
    }

    @Test
    void imageGanStepsOnDcganNetworks() {
        RunConfig c = RunConfig.defaults().with("data.kind", "fashion-mnist").with("objective.kind", "wgan-gp")
                .with("batchSize", "4").with("model.gWidth", "32").with("model.dWidth", "32").with("log.noiseBank", "4");
        ganstudio.data.ImageSet images = new ganstudio.data.ImageSet(8, 1, 28, 28, new float[8 * 28 * 28], null,
                null, "zeros");
        try (GanTrainer t = new GanTrainer(c, new TrainingData(null, images), Device.cpu())) {
            StepMetrics m = t.step(true);
            assertTrue(Double.isFinite(m.lossD()) && Double.isFinite(m.penalty()));
            ganstudio.media.Frame f = t.frame();
            // A 2x2 grid of 28-pixel cells with 2-pixel gutters.
            assertEquals(2 * 28 + 3 * 2, f.width());
        }
    }

    @Test
    void linearDecayReachesZeroAtTheLastStep() {
        RunConfig c = small("wgan-gp").with("lrDecay", "linear").with("steps", "10").with("optD.lr", "0.001")
                .with("optG.lr", "0.002");
        try (GanTrainer t = new GanTrainer(c, TrainingData.load(c), Device.cpu())) {
            double[] lrD = new double[10];
            double[] lrG = new double[10];
            for (int i = 0; i < 10; i++) {
                StepMetrics m = t.step(false);
                lrD[i] = m.lrD();
                lrG[i] = m.lrG();
            }
            // Step k (0-based) trains with lr · (1 − k/10).
            assertEquals(0.001, lrD[0], 1e-9);
            assertEquals(0.0006, lrD[4], 1e-9);
            assertEquals(0.0001, lrD[9], 1e-9);
            assertEquals(0.0012, lrG[4], 1e-9);
            // A live edit changes the base rate; the decay still applies on top.
            t.apply("optD.lr", 0.01);
            assertEquals(0.01, t.current("optD.lr"), 1e-9);
        }
    }
}
