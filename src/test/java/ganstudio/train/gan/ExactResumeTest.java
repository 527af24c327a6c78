package ganstudio.train.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ganstudio.config.RunConfig;
import ganstudio.metrics.ClassifierMetrics;
import ganstudio.metrics.StepMetrics;
import ganstudio.runs.RunDirectory;
import ganstudio.train.classify.ClassifierModel;
import ganstudio.train.classify.TinyIdx;
import ganstudio.train.classify.ClassifierListener;
import ganstudio.train.classify.ClassifierSession;
import ganstudio.train.ResumeRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped at step k and resumed gives the same metrics rows and the same final weights as the run that was
 * never stopped, bit for bit (CPU, one thread), with tricks that draw random numbers on both sides (PyTorch's and
 * Java's); and nothing but the training math moves the random streams (a checkpoint does not).
 */
class ExactResumeTest {

    @TempDir
    Path tmp;

    /** 2D, non-saturating GAN with instance noise, D mixup, one-sided smoothing and the generator EMA. */
    private static RunConfig mixtureGan() {
        return GanTrainerTest.small("nsgan").withValue("steps", 30).withValue("log.every", 1)
                .withValue("log.frameEvery", 10).withValue("log.checkpointEvery", 10).withValue("threads", 1)
                .withValue("tricks.instanceNoise", 0.2).withValue("tricks.mixupD", 0.3)
                .withValue("tricks.smoothReal", 0.1).withValue("tricks.emaG", 0.9).withValue("lrDecay", "linear")
                .withValue("eval.samples", 200).withValue("name", "mix");
    }

    /** Image WGAN-GP with n_critic 2, every DiffAugment policy and instance noise. */
    private RunConfig imageGan() throws IOException {
        Path data = tmp.resolve("img");
        TinyIdx.write(data, "train", 64, 4, 1);
        return RunConfig.defaults().withValue("data.kind", "mnist").withValue("data.path", data.toString())
                .withValue("objective.kind", "wgan-gp").withValue("objective.nCritic", 2)
                .withValue("model.gWidth", 16).withValue("model.dWidth", 16).withValue("batchSize", 8)
                .withValue("log.noiseBank", 4).withValue("tricks.diffAugment", "color,translation,cutout")
                .withValue("tricks.instanceNoise", 0.1).withValue("eval.classifier", "none").withValue("steps", 8)
                .withValue("log.every", 1).withValue("log.frameEvery", 4).withValue("log.checkpointEvery", 100)
                .withValue("threads", 1).withValue("name", "img");
    }

    @Test
    void mixtureGanStoppedAndResumedEqualsTheStraightRun() throws Exception {
        Path straight = runGan(mixtureGan(), tmp.resolve("a"), -1);
        Path stopped = runGan(mixtureGan(), tmp.resolve("b"), 13); // between checkpoints: Ctrl-C / Stop
        assertEquals(13, RunDirectory.open(stopped).readMetrics().size(), "stopped after step 13");
        assertEquals("finished", GanSession.resume(stopped).runHere());
        assertSameRun(straight, stopped, 30);
    }

    /** The stabilizers that keep state or draw: σ vectors, a lazy R1, packing, minibatch std, an unrolled critic. */
    private static RunConfig stabilizedGan() {
        return mixtureGan().withValue("tricks.instanceNoise", 0.0).withValue("tricks.mixupD", 0.0)
                .withValue("tricks.smoothReal", 0.0).withValue("tricks.pack", 2)
                .withValue("tricks.spectralNorm", "both").withValue("tricks.r1", 0.5).withValue("tricks.r2", 0.1)
                .withValue("tricks.rEvery", 3).withValue("tricks.minibatchStd", true).withValue("tricks.unroll", 2)
                .withValue("name", "stab");
    }

    @Test
    void stabilizedGanStoppedAndResumedEqualsTheStraightRun() throws Exception {
        Path straight = runGan(stabilizedGan(), tmp.resolve("a"), -1);
        Path stopped = runGan(stabilizedGan(), tmp.resolve("b"), 13);
        assertEquals("finished", GanSession.resume(stopped).runHere());
        assertSameRun(straight, stopped, 30);
    }

    @Test
    void imageWganLpWithSpectralNormAndConsistencyStoppedAndResumedEqualsTheStraightRun() throws Exception {
        RunConfig c = imageGan().withValue("objective.kind", "wgan-lp").withValue("tricks.spectralNorm", "critic")
                .withValue("tricks.consistency", 1.0).withValue("tricks.diffAugment", "translation,cutout")
                .withValue("tricks.instanceNoise", 0.0);
        Path straight = runGan(c, tmp.resolve("a"), -1);
        Path stopped = runGan(c, tmp.resolve("b"), 3);
        assertEquals("finished", GanSession.resume(stopped).runHere());
        assertSameRun(straight, stopped, 8);
    }

    @Test
    void resumingFromAnEarlierCheckpointRedoesTheRowsAfterIt() throws Exception {
        // kill -9 after the checkpoint at 10: the rows up to 17 are on disk, the state of 17 is not.
        Path straight = runGan(mixtureGan(), tmp.resolve("a"), -1);
        Path killed = runGan(mixtureGan(), tmp.resolve("b"), 17);
        RunDirectory run = RunDirectory.open(killed);
        deleteTree(run.checkpoints().get(0)); // the stop's own checkpoint at 17: as if it was never written
        Files.writeString(killed.resolve("checkpoints").resolve("latest"), "step-000000010\n");
        assertEquals("finished", GanSession.resume(killed).runHere());
        assertSameRun(straight, killed, 30);
    }

    @Test
    void checkpointsDoNotMoveTheRandomStreams() throws Exception {
        Path rare = runGan(mixtureGan().withValue("log.checkpointEvery", 1000), tmp.resolve("a"), -1);
        Path often = runGan(mixtureGan().withValue("log.checkpointEvery", 3), tmp.resolve("b"), -1);
        List<double[]> a = trainingColumns(RunDirectory.open(rare).readMetrics());
        List<double[]> b = trainingColumns(RunDirectory.open(often).readMetrics());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i), "row " + i);
        }
        // The control: another seed does change the rows, so equal rows mean equal draws.
        Path other = runGan(mixtureGan().withValue("seed", 4L), tmp.resolve("c"), -1);
        assertNotEquals(a.get(29)[2], trainingColumns(RunDirectory.open(other).readMetrics()).get(29)[2]);
    }

    @Test
    void imageGanWithDiffAugmentStoppedAndResumedEqualsTheStraightRun() throws Exception {
        Path straight = runGan(imageGan(), tmp.resolve("a"), -1);
        Path stopped = runGan(imageGan(), tmp.resolve("b"), 3);
        assertEquals("finished", GanSession.resume(stopped).runHere());
        assertSameRun(straight, stopped, 8);
    }

    @Test
    void aLongerResumeKeepsTheScheduleOfTheFirstLengthUnlessAskedToStretchIt() throws Exception {
        Path pinned = runGan(mixtureGan().withValue("steps", 10), tmp.resolve("a"), -1);
        Path stretched = runGan(mixtureGan().withValue("steps", 10), tmp.resolve("b"), -1);
        assertEquals("finished", GanSession.resume(pinned, new ResumeRequest(20, false, null)).runHere());
        assertEquals("finished", GanSession.resume(stretched, new ResumeRequest(20, true, null)).runHere());
        // lrDecay linear: the rate at step k is lr·(1 − (k−1)/span), never below 0.
        StepMetrics p = RunDirectory.open(pinned).readMetrics().get(11); // step 12
        StepMetrics s = RunDirectory.open(stretched).readMetrics().get(11);
        assertEquals(12, p.step());
        assertEquals(0.0, p.lrG(), 0.0);
        assertEquals(2e-4 * (1 - 11.0 / 20), s.lrG(), 1e-9);
        assertEquals(10, RunDirectory.open(pinned).readConfig().getInt("scheduleSteps"));
        assertEquals(20, RunDirectory.open(pinned).readConfig().getInt("steps"));
        assertEquals(0, RunDirectory.open(stretched).readConfig().getInt("scheduleSteps"));
    }

    @Test
    void classifierStoppedMidEpochAndResumedEqualsTheStraightRun() throws Exception {
        Path data = tmp.resolve("cls");
        TinyIdx.write(data, "train", 252, 4, 1);
        TinyIdx.write(data, "t10k", 40, 4, 2);
        RunConfig c = RunConfig.defaults().withValue("task", "classifier").withValue("data.kind", "mnist")
                .withValue("data.path", data.toString()).withValue("batchSize", 32).withValue("cls.epochs", 3)
                .withValue("cls.validation", 60).withValue("cls.width", 8).withValue("log.every", 1)
                .withValue("threads", 1).withValue("name", "cls").withValue("cls.dropout", 0.3)
                .withValue("aug.crop", 2).withValue("aug.flip", true).withValue("aug.cutout", 6)
                .withValue("aug.mixup", 0.4).withValue("cls.labelSmoothing", 0.1).withValue("adv.kind", "pgd")
                .withValue("adv.steps", 2).withValue("adv.weight", 0.5).withValue("sched.kind", "plateau")
                .withValue("sched.patience", 0).withValue("reg.earlyStopping", 0);
        Path straight = runClassifier(c, tmp.resolve("a"), -1);
        Path stopped = runClassifier(c, tmp.resolve("b"), 9); // epoch 2 of 3, 6 batches an epoch
        assertEquals("finished", ClassifierSession.resume(stopped).runHere());
        List<double[]> a = classifierColumns(RunDirectory.open(straight).readClassifierMetrics());
        List<double[]> b = classifierColumns(RunDirectory.open(stopped).readClassifierMetrics());
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i), "row " + i);
        }
        assertArrayEquals(lastCheckpointFile(straight, ClassifierModel.PARAMS),
                lastCheckpointFile(stopped, ClassifierModel.PARAMS));
    }

    private Path runGan(RunConfig c, Path root, int stopAt) {
        GanSession s = GanSession.create(c, root, "test");
        if (stopAt > 0) {
            s.addListener(new GanListener() {
                @Override
                public void onMetrics(StepMetrics m) {
                    if (m.step() == stopAt) {
                        s.control().stopForExit();
                    }
                }
            });
        }
        String status = s.runHere();
        assertEquals(stopAt > 0 ? "stopped" : "finished", status, s.getReason());
        return s.getRunDir();
    }

    private Path runClassifier(RunConfig c, Path root, int stopAt) {
        ClassifierSession s = ClassifierSession.create(c, root, "test");
        if (stopAt > 0) {
            s.addListener(new ClassifierListener() {
                @Override
                public void onMetrics(ClassifierMetrics m) {
                    if (m.step() == stopAt) {
                        s.control().stopForExit();
                    }
                }
            });
        }
        assertEquals(stopAt > 0 ? "stopped" : "finished", s.runHere(), s.getReason());
        return s.getRunDir();
    }

    private static void assertSameRun(Path a, Path b, int steps) throws IOException {
        List<double[]> rowsA = trainingColumns(RunDirectory.open(a).readMetrics());
        List<double[]> rowsB = trainingColumns(RunDirectory.open(b).readMetrics());
        assertEquals(steps, rowsA.size());
        assertEquals(rowsA.size(), rowsB.size(), "one row per step, none repeated or missing");
        for (int i = 0; i < rowsA.size(); i++) {
            assertArrayEquals(rowsA.get(i), rowsB.get(i), "row " + i);
        }
        for (String file : List.of(GanTrainer.GENERATOR_FILE, GanTrainer.CRITIC_FILE)) {
            assertArrayEquals(lastCheckpointFile(a, file), lastCheckpointFile(b, file), file);
        }
        assertEquals(RunDirectory.open(a).readSummary().get("eval"), RunDirectory.open(b).readSummary().get("eval"));
    }

    /** Every column but the timings (samples per second, wall seconds). */
    private static List<double[]> trainingColumns(List<StepMetrics> rows) {
        List<double[]> out = new ArrayList<>();
        for (StepMetrics m : rows) {
            double[] v = m.values();
            out.add(Arrays.copyOf(v, StepMetrics.COLUMNS.indexOf("samples_per_s")));
        }
        return out;
    }

    private static List<double[]> classifierColumns(List<ClassifierMetrics> rows) {
        List<double[]> out = new ArrayList<>();
        for (ClassifierMetrics m : rows) {
            double[] v = m.values();
            out.add(Arrays.copyOf(v, ClassifierMetrics.COLUMNS.indexOf("epoch_s")));
        }
        return out;
    }

    private static byte[] lastCheckpointFile(Path run, String name) throws IOException {
        return Files.readAllBytes(RunDirectory.open(run).latestCheckpoint().orElseThrow().resolve(name));
    }

    private static void deleteTree(Path p) throws IOException {
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
