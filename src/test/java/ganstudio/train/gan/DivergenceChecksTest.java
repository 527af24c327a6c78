package ganstudio.train.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;

import ganstudio.config.RunConfig;
import ganstudio.data.TrainingData;
import ganstudio.runs.RunDirectory;
import ganstudio.train.common.DivergenceException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NaN checks that leave nothing out: every critic iteration's loss, the weights before each checkpoint, and advice
 * that fits the run's objective. Frame writes that fail are counted and shown, and a run none of whose frames can
 * be written fails.
 */
class DivergenceChecksTest {

    @TempDir
    Path tmp;

    @Test
    void aNanInAnEarlierCriticIterationIsCaughtNotOnlyTheLast() throws Exception {
        RunConfig c = GanTrainerTest.small("wgan-gp").withValue("objective.nCritic", 5);
        try (GanTrainer t = new GanTrainer(c, TrainingData.load(c), Device.cpu())) {
            t.step(false);
            t.criticParameters().get(0).getValue().getArray().muli(Float.NaN);
            DivergenceException e = assertThrows(DivergenceException.class, () -> t.step(false));
            // The unread losses of iterations 1-4 are checked before the last one's.
            assertEquals("a critic loss became NaN in step 2; lower the learning rates (optG.lr / optD.lr) or "
                    + "objective.lambda", e.getMessage());
        }
    }

    @Test
    void adviceFitsTheObjective() throws Exception {
        for (String[] kase : new String[][] {{"wgan", "objective.clip, or use wgan-gp"}, {"nsgan", "), or use wgan-gp"},
            {"wgan-gp", "or objective.lambda"}}) {
            RunConfig c = GanTrainerTest.small(kase[0]).withValue("objective.nCritic", 1);
            try (GanTrainer t = new GanTrainer(c, TrainingData.load(c), Device.cpu())) {
                t.criticParameters().get(0).getValue().getArray().muli(Float.NaN);
                DivergenceException e = assertThrows(DivergenceException.class, () -> t.step(false));
                assertTrue(e.getMessage().endsWith(kase[1]), kase[0] + ": " + e.getMessage());
                assertEquals("wgan-gp".equals(kase[0]), !e.getMessage().contains("use wgan-gp"), e.getMessage());
            }
        }
    }

    @Test
    void noCheckpointIsWrittenFromNonFiniteWeights() throws Exception {
        RunConfig c = GanTrainerTest.small("nsgan").withValue("name", "nan");
        try (GanTrainer t = new GanTrainer(c, TrainingData.load(c), Device.cpu());
                RunDirectory run = RunDirectory.create(tmp, c, new com.google.gson.JsonObject())) {
            t.step(false);
            GanSession.checkpoint(t, run);
            // An update whose loss was finite can still leave a weight infinite (the loss is read before it).
            byte[] good = Files.readAllBytes(run.checkpoints().get(0).resolve(GanTrainer.GENERATOR_FILE));
            t.generatorParameters().get(1).getValue().getArray().muli(Float.POSITIVE_INFINITY);
            DivergenceException e = assertThrows(DivergenceException.class, () -> GanSession.checkpoint(t, run));
            assertTrue(e.getMessage().startsWith("the generator's weights became "), e.getMessage());
            assertTrue(e.getMessage().contains(" at step 1 (no checkpoint was written from them); lower the "
                    + "learning rates"), e.getMessage());
            assertEquals(List.of(run.getPath().resolve("checkpoints/step-000000001")), run.checkpoints());
            // The good checkpoint of the same step was not replaced.
            org.junit.jupiter.api.Assertions.assertArrayEquals(good,
                    Files.readAllBytes(run.checkpoints().get(0).resolve(GanTrainer.GENERATOR_FILE)));
        }
    }

    @Test
    void failedFrameWritesAreShownAndARunWithoutAnyFrameFails() throws Exception {
        RunConfig c = GanTrainerTest.small("nsgan").withValue("steps", 1000).withValue("log.frameEvery", 2)
                .withValue("name", "frames");
        GanSession s = GanSession.create(c, tmp, "test");
        s.addListener(new GanListener() {
            @Override
            public void onStarted(Path runDir, String device, String data, long step, long steps) {
                try {
                    Files.delete(runDir.resolve(RunDirectory.SAMPLES)); // empty yet: a file stands in its place
                    Files.writeString(runDir.resolve(RunDirectory.SAMPLES), "not a folder");
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            }
        });
        assertEquals("failed", s.runHere());
        assertTrue(s.getReason().matches("every frame write failed \\(\\d+ so far\\), last: .*/samples/step-\\d+\\.png: "
                + "cannot write \\(Not a directory\\)"), s.getReason());
        List<RunDirectory.Event> events = RunDirectory.open(s.getRunDir()).readEvents();
        assertTrue(events.stream().anyMatch(e -> e.text().startsWith("frame write failed (1 of 1 so far): ")),
                events.toString());
        assertFalse(s.failedOnInput());
    }
}
