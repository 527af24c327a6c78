package ganstudio.train.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;

import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.metrics.ClassifierMetrics;
import ganstudio.runs.RunDirectory;
import ganstudio.train.ResumeRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end on a tiny generated IDX set: the run directory, the epoch rows, the test report, resume. */
class ClassifierSessionTest {

    @TempDir
    Path tmp;

    private RunConfig config(Path data) {
        return RunConfig.defaults().withValue("task", "classifier").withValue("data.kind", "mnist")
                .withValue("data.path", data.toString()).withValue("batchSize", 32).withValue("cls.epochs", 2)
                .withValue("cls.validation", 60).withValue("cls.width", 8).withValue("log.every", 2)
                .withValue("threads", 1).withValue("name", "tiny");
    }

    @Test
    void trainsAndReportsOnTheTestSplit() throws Exception {
        Path data = tmp.resolve("data");
        TinyIdx.write(data, "train", 252, 4, 1);
        TinyIdx.write(data, "t10k", 80, 4, 2);
        RunConfig c = config(data).withValue("aug.crop", 2).withValue("cls.labelSmoothing", 0.1)
                .withValue("sched.kind", "cosine").withValue("reg.earlyStopping", 5);
        ClassifierSession s = ClassifierSession.create(c, tmp.resolve("runs"), "test");
        assertEquals("finished", s.runHere(), s.getReason());
        RunDirectory run = RunDirectory.open(s.getRunDir());
        List<ClassifierMetrics> rows = run.readClassifierMetrics();
        // 192 training images / 32 = 6 batches an epoch; rows at batch 1, 2, 4 and at each epoch end.
        List<ClassifierMetrics> epochs = rows.stream().filter(ClassifierMetrics::hasValidation).toList();
        assertEquals(2, epochs.size());
        assertEquals(6, epochs.get(0).step());
        assertEquals(12, epochs.get(1).step());
        assertEquals(1.0, epochs.get(0).epoch(), 1e-9);
        JsonObject summary = run.readSummary();
        assertEquals("finished", summary.get("status").getAsString());
        JsonObject test = summary.getAsJsonObject("test");
        assertEquals(80, test.get("images").getAsInt());
        assertTrue(test.get("top1").getAsDouble() > 0.9, "the bars are easy: " + test);
        assertEquals(10, test.getAsJsonArray("confusion").size()); // mnist has 10 class names
        assertTrue(Files.isRegularFile(s.getRunDir().resolve("best").resolve(ClassifierModel.PARAMS)));
        assertEquals(s.getTestReport().top1(), test.get("top1").getAsDouble(), 1e-6);

        // Resume to 3 epochs continues at batch 12 and keeps the two epoch rows before it.
        ClassifierSession resumed = ClassifierSession.resume(s.getRunDir(), new ganstudio.train.ResumeRequest(3, false, null));
        assertEquals("finished", resumed.runHere(), resumed.getReason());
        List<ClassifierMetrics> after = run.readClassifierMetrics().stream().filter(ClassifierMetrics::hasValidation)
                .toList();
        assertEquals(3, after.size());
        assertEquals(18, after.get(2).step());
    }

    @Test
    void aDistilledStudentLearnsFromASavedTeacher() throws Exception {
        Path data = tmp.resolve("data");
        TinyIdx.write(data, "train", 252, 4, 1);
        TinyIdx.write(data, "t10k", 80, 4, 2);
        ClassifierSession teacher = ClassifierSession.create(config(data), tmp.resolve("runs"), "teacher");
        assertEquals("finished", teacher.runHere(), teacher.getReason());
        RunConfig student = config(data).withValue("cls.teacher", teacher.getRunDir().toString())
                .withValue("cls.epochs", 1).withValue("adv.kind", "fgsm").withValue("aug.mixup", 0.2)
                .withValue("opt.kind", "radam").withValue("reg.clipNorm", 1.0);
        ClassifierSession s = ClassifierSession.create(student, tmp.resolve("runs"), "student");
        assertEquals("finished", s.runHere(), s.getReason());
        assertTrue(s.getTestReport().count() == 80);
    }

    @Test
    void cifarRunsWithColourTricksOnAGeneratedBatchFolder() throws Exception {
        Path bin = tmp.resolve("cifar");
        Files.createDirectories(bin);
        java.util.Random r = new java.util.Random(4);
        for (String name : new String[] {"data_batch_1.bin", "test_batch.bin"}) {
            int n = name.startsWith("data") ? 96 : 20;
            byte[] bytes = new byte[n * 3073];
            for (int i = 0; i < n; i++) {
                int label = i % 10;
                bytes[i * 3073] = (byte) label;
                for (int p = 0; p < 3072; p++) {
                    // class k is brighter in channel k % 3
                    int channel = p / 1024;
                    bytes[i * 3073 + 1 + p] = (byte) (r.nextInt(100) + (channel == label % 3 ? 120 : 0));
                }
            }
            Files.write(bin.resolve(name), bytes);
        }
        RunConfig c = RunConfig.defaults().withValue("task", "classifier").withValue("data.kind", "cifar10")
                .withValue("data.path", bin.toString()).withValue("batchSize", 16).withValue("cls.epochs", 1)
                .withValue("cls.validation", 16).withValue("cls.width", 16).withValue("threads", 1).withValue("reg.clipNorm", 1.0)
                .withValue("aug.pca", 0.1).withValue("aug.colour", 0.05).withValue("aug.flip", true)
                .withValue("aug.auto", true).withValue("cls.arch", "resnet").withValue("cls.norm", "batchrenorm");
        ClassifierSession s = ClassifierSession.create(c, tmp.resolve("runs"), "cifar");
        assertEquals("finished", s.runHere(), s.getReason());
        assertEquals(20, s.getTestReport().count());
        assertEquals(10, s.getTestReport().classes());
    }

    @Test
    void aGrayscaleRunRejectsColourTricksBeforeCreatingARun() throws Exception {
        Path data = tmp.resolve("data");
        TinyIdx.write(data, "train", 100, 4, 1);
        TinyIdx.write(data, "t10k", 20, 4, 2);
        // Fashion-MNIST is grayscale by its kind, so the config is refused before a session exists.
        UserError e = assertThrows(UserError.class, () -> ClassifierSession.create(config(data)
                .withValue("aug.pca", 0.1), tmp.resolve("runs"), "bad"));
        assertEquals("aug.pca and aug.colour need RGB images; these have 1 channel(s): set them to 0 "
                + "(aug.brightness and aug.contrast work on any image)", e.getMessage());
        assertFalse(Files.exists(tmp.resolve("runs")));
    }
}
