package ganstudio.train.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import ganstudio.config.RunConfig;
import ganstudio.tricks.TwinConfig;
import ganstudio.data.TrainingData;
import ganstudio.runs.RunDirectory;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A paired experiment's twin sees its source's fixed noise and batches; two sessions can train at once. */
class TwinRunTest {

    private static RunConfig source() {
        return GanTrainerTest.small("nsgan").with("name", "src").with("steps", "6").with("log.every", "3")
                .with("log.frameEvery", "3").with("log.checkpointEvery", "6").with("eval.samples", "200");
    }

    private static TwinConfig.Twin wganTwin() {
        RunConfig preset = GanTrainerTest.small("wgan").with("name", "twin").with("objective.nCritic", "5")
                .with("optG.kind", "rmsprop").with("optD.kind", "rmsprop").with("optG.lr", "5e-5")
                .with("optD.lr", "5e-5");
        return TwinConfig.derive(source(), "twin-preset", preset);
    }

    @Test
    void twinUsesTheSourcesFixedNoiseAndFirstBatches(@TempDir Path root) throws Exception {
        GanSession src = GanSession.create(source(), root, "src");
        assertEquals("finished", src.runHere());
        Path srcNoise = src.getRunDir().resolve(RunDirectory.FIXED_NOISE);
        // A bank the twin could not draw itself: proof that it reads the source's file, not its own seed.
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray bank = m.decode(Files.readAllBytes(srcNoise)).mul(3).add(1);
            Files.write(srcNoise, bank.encode());
        }
        GanSession twin = GanSession.twin(wganTwin().config(), root, "twin-preset", src.getRunDir());
        assertEquals("finished", twin.runHere());
        assertArrayEquals(Files.readAllBytes(srcNoise),
                Files.readAllBytes(twin.getRunDir().resolve(RunDirectory.FIXED_NOISE)));
        RunDirectory twinRun = RunDirectory.open(twin.getRunDir());
        assertEquals(src.getRunDir().toAbsolutePath().toString(), twinRun.readRunInfo().get("twinOf").getAsString());
        assertEquals("wgan", twinRun.readConfig().getString("objective.kind"));
        assertEquals(5L * 6, twinRun.readMetrics().get(twinRun.readMetrics().size() - 1).criticIterations());

        RunConfig a = source();
        RunConfig b = wganTwin().config();
        try (GanTrainer ta = new GanTrainer(a, TrainingData.load(a), Device.cpu());
                GanTrainer tb = new GanTrainer(b, TrainingData.load(b), Device.cpu())) {
            for (int i = 0; i < 2; i++) {
                float[] x = ta.dataSource().next(a.getInt("batchSize")).toFloatArray();
                assertArrayEquals(x, tb.dataSource().next(b.getInt("batchSize")).toFloatArray(), "batch " + i);
            }
        }
    }

    @Test
    void twoSessionsTrainAtTheSameTime(@TempDir Path root) throws Exception {
        // DJL's own gradient collector allows one per process; two live sessions made the second one fail.
        RunConfig longer = source().with("steps", "40").with("log.every", "10").with("log.frameEvery", "20")
                .with("log.checkpointEvery", "40");
        GanSession a = GanSession.create(longer, root, "a");
        GanSession b = GanSession.create(wganTwin().config().with("steps", "40"), root, "b");
        a.start();
        b.start();
        a.join();
        b.join();
        assertEquals("finished", a.getStatus(), a.getReason());
        assertEquals("finished", b.getStatus(), b.getReason());
        assertFalse(a.getRunDir().equals(b.getRunDir()));
    }
}
