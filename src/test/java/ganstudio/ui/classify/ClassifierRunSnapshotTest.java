package ganstudio.ui.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import ganstudio.config.Presets;
import ganstudio.config.RunConfig;
import ganstudio.metrics.ClassificationReport;
import ganstudio.runs.RunDirectory;
import ganstudio.ui.common.PresetsByTask;
import ganstudio.ui.common.RunListing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A classifier run on disk opens in the classifier view; the runs list tells the two tasks apart. */
class ClassifierRunSnapshotTest {

    @TempDir
    Path root;

    private Path classifierRun(boolean withTest) {
        RunConfig c = RunConfig.defaults().with("task", "classifier").with("data.kind", "fashion-mnist")
                .with("name", "cls");
        JsonObject info = new JsonObject();
        JsonArray names = new JsonArray();
        List.of("shirt", "coat", "cat").forEach(names::add);
        info.add("classNames", names);
        info.addProperty("preset", "fashion-classifier-baseline");
        try (RunDirectory run = RunDirectory.create(root, c, info)) {
            run.appendMetrics(ClassifierSeriesTest.running(0.5, 2, 1.5, 0.3, 1e-3));
            run.appendMetrics(ClassifierSeriesTest.epochEnd(1.0, 4, 1.0, 0.5, 0.9, 0.6));
            run.appendEvent(4, "checkpoint");
            JsonObject s = new JsonObject();
            s.addProperty("task", "classifier");
            s.addProperty("status", withTest ? "finished" : "failed");
            s.addProperty("reason", withTest ? "" : "the loss became NaN");
            if (withTest) {
                s.add("test", ConfusionMatrixModelTest.report("test").toJson());
            }
            run.writeSummary(s);
            return run.getPath();
        }
    }

    @Test
    void readsCurvesAndTheTestMatrixWithClassNames() {
        ClassifierRunSnapshot snap = ClassifierRunSnapshot.read(classifierRun(true));
        assertEquals("finished", snap.status());
        assertEquals(2, snap.rows().size());
        assertEquals(0.6, snap.rows().get(1).valAccuracy(), 1e-6);
        ClassificationReport test = snap.test();
        assertEquals("test", test.set());
        assertEquals(List.of("shirt", "coat", "cat"), test.classNames());
        assertArrayEquals(new long[] {8, 2, 0}, test.confusion()[0]);
        assertEquals(List.of(new RunDirectory.Event(4, "checkpoint")), snap.events());
    }

    @Test
    void aFailedRunHasNoTestReportAndSaysWhy() {
        ClassifierRunSnapshot snap = ClassifierRunSnapshot.read(classifierRun(false));
        assertEquals("failed", snap.status());
        assertEquals("the loss became NaN", snap.reason());
        assertNull(snap.test());
    }

    @Test
    void theRunsListSaysWhichTaskEachRunIs() throws IOException {
        Path cls = classifierRun(true);
        try (RunDirectory gan = RunDirectory.create(root, RunConfig.defaults().with("name", "gan"), new JsonObject())) {
            assertEquals("gan", RunListing.taskOf(gan.getPath()));
        }
        assertEquals("classifier", RunListing.taskOf(cls));
        List<RunListing.Row> rows = RunListing.read(root);
        assertEquals(2, rows.size());
        assertEquals(1, rows.stream().filter(RunListing.Row::isClassifier).count());
        // A GAN reader skips a classifier's rows instead of failing on them (different columns).
        try (RunDirectory run = RunDirectory.open(cls)) {
            assertEquals(List.of(), run.readMetrics());
        }
    }

    @Test
    void presetsAreSplitByTask() throws IOException {
        Path models = Files.createDirectories(root.resolve("models"));
        Files.writeString(models.resolve("a-gan.json"), "{\"name\": \"a\", \"data\": {\"kind\": \"ring8\"}}");
        Files.writeString(models.resolve("b-cls.json"),
                "{\"name\": \"b\", \"task\": \"classifier\", \"data\": {\"kind\": \"fashion-mnist\"}}");
        Files.writeString(models.resolve("c-broken.json"), "{ not json");
        // Invalid as a config (cifar10 needs data.path) but still a classifier preset.
        Files.writeString(models.resolve("d-cls-invalid.json"),
                "{\"name\": \"d\", \"task\": \"classifier\", \"data\": {\"kind\": \"cifar10\"}}");
        Presets presets = new Presets(models);
        assertEquals(List.of("a-gan", "c-broken"), PresetsByTask.names(presets, "gan"));
        assertEquals(List.of("b-cls", "d-cls-invalid"), PresetsByTask.names(presets, "classifier"));
        assertEquals("classifier", PresetsByTask.taskOf(presets, "b-cls"));
    }
}
