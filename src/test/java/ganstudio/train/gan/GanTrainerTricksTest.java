package ganstudio.train.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;

import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.data.TrainingData;
import ganstudio.metrics.StepMetrics;
import ganstudio.runs.CheckpointIo;
import ganstudio.train.classify.TinyIdx;
import ganstudio.config.ConfigSchema;
import ganstudio.tricks.TrickType;
import ganstudio.tricks.Tricks;
import ganstudio.config.ConfigKey;

import org.junit.jupiter.api.Test;

/** The GAN loop with its tricks switched on: it trains, schedules the rates, checkpoints the EMA. */
class GanTrainerTricksTest {

    @Test
    void everyTrickOfAStandardGanTrainsAndSchedulesTheRate() throws Exception {
        RunConfig c = GanTrainerTest.small("nsgan").with("tricks.smoothReal", "0.1").with("tricks.floodD", "0.05")
                .with("tricks.instanceNoise", "0.1").with("tricks.emaG", "0.9").with("tricks.mixupD", "0.2")
                .with("lrDecay", "cosine").with("lrWarmup", "4").with("steps", "20").with("optG.kind", "radam")
                .with("optD.kind", "adabound").with("optD.lr", "1e-3");
        try (GanTrainer t = new GanTrainer(c, TrainingData.load(c), Device.cpu())) {
            StepMetrics m = t.step(true);
            // warmup: 1/4 of the rate at the first step, times cosine(0) = 1
            assertEquals(2e-4 / 4, m.lrG(), 1e-9);
            for (int i = 0; i < 5; i++) {
                m = t.step(false);
            }
            // step 6: warmup done, the cosine at its second iteration of the 16 after the warmup
            assertEquals(2e-4 * (1 + Math.cos(Math.PI * 1 / 16)) / 2, m.lrG(), 1e-9);
            assertTrue(Double.isFinite(m.lossD()) && Double.isFinite(m.lossG()));
            float[] before = t.sample(8);
            java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("ckpt");
            java.util.Map<String, ganstudio.runs.CheckpointIo.Part> files = new java.util.LinkedHashMap<>();
            files.put(GanTrainer.GENERATOR_FILE, t::saveGenerator);
            files.put(GanTrainer.CRITIC_FILE, t::saveCritic);
            ganstudio.runs.CheckpointIo.write(folder, files, t::saveState);
            try (GanTrainer u = new GanTrainer(c, TrainingData.load(c), Device.cpu())) {
                GanSession.loadCheckpoint(u, folder);
                assertEquals(6, u.getStep());
                assertEquals(before.length, u.sample(8).length);
                assertTrue(Double.isFinite(u.step(false).lossG()));
            }
        }
    }

    @Test
    void diffAugmentTrainsAnImageGan() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("diffaug");
        ganstudio.train.classify.TinyIdx.write(dir, "train", 64, 4, 1);
        RunConfig c = RunConfig.defaults().with("data.kind", "mnist").with("data.path", dir.toString())
                .with("objective.kind", "wgan-gp").with("model.gWidth", "32").with("model.dWidth", "32")
                .with("batchSize", "16").with("log.noiseBank", "4").with("tricks.diffAugment",
                        "color,translation,cutout")
                .with("eval.classifier", "none");
        try (GanTrainer t = new GanTrainer(c, TrainingData.load(c), Device.cpu())) {
            StepMetrics m = t.step(true);
            assertTrue(Double.isFinite(m.lossD()) && Double.isFinite(m.penalty()), m.toString());
        }
    }

    @Test
    void tricksThatDoNotFitTheObjectiveAreRejected() {
        UserError e = assertThrows(UserError.class,
                () -> Tricks.validate(GanTrainerTest.small("wgan-gp").with("tricks.smoothReal", "0.1"), "p.json"));
        assertEquals("p.json: tricks.smoothReal needs objective.kind gan, nsgan or lsgan: a wgan-gp critic has no "
                + "targets to smooth; set it to 0", e.getMessage());
        e = assertThrows(UserError.class, () -> Tricks.validate(GanTrainerTest.small("nsgan")
                .with("tricks.diffAugment", "color"), ""));
        assertEquals("tricks.diffAugment works on images; data.kind = ring8 is 2D: leave it empty", e.getMessage());
        e = assertThrows(UserError.class, () -> Tricks.validate(RunConfig.defaults().with("data.kind", "fashion-mnist")
                .with("tricks.diffAugment", "colour"), ""));
        assertEquals("tricks.diffAugment: 'colour' is not one of color, translation, cutout", e.getMessage());
        e = assertThrows(UserError.class, () -> Tricks.validate(GanTrainerTest.small("wgan")
                .with("tricks.floodD", "0.1"), ""));
        assertTrue(e.getMessage().startsWith("tricks.floodD does not go with wgan"), e.getMessage());
        // A trick that is off is not judged: the same objective with smoothing 0 passes.
        Tricks.validate(GanTrainerTest.small("wgan-gp").with("tricks.smoothReal", "0"), "");
    }

    @Test
    void everyRegisteredTrickReadsOnlyKeysTheSchemaKnowsAndIsOffByDefault() {
        for (TrickType t : Tricks.GAN) {
            for (ConfigKey<?> key : t.keys()) {
                assertSame(key, ConfigSchema.find(key.getName()), t.name() + " reads " + key.getName());
            }
            assertFalse(t.isOn().test(RunConfig.defaults()), t.name() + " is on by default");
        }
    }
}
