package ganstudio.train.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;

import com.google.gson.JsonObject;

import ganstudio.config.RunConfig;
import ganstudio.data.TrainingData;
import ganstudio.train.classify.TinyIdx;
import ganstudio.train.common.EvaluationCancelled;
import ganstudio.train.classify.ClassifierSession;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** eval of an image GAN through a classifier trained on the same data. */
class ImageEvaluationTest {

    @TempDir
    Path tmp;

    @Test
    void reportsClassCoverageAndFrechetDistance() throws Exception {
        Path data = tmp.resolve("data");
        TinyIdx.write(data, "train", 160, 4, 1);
        TinyIdx.write(data, "t10k", 40, 4, 2);
        RunConfig cls = RunConfig.defaults().withValue("task", "classifier").withValue("data.kind", "mnist")
                .withValue("data.path", data.toString()).withValue("batchSize", 32).withValue("cls.epochs", 1)
                .withValue("cls.validation", 32).withValue("cls.width", 16).withValue("threads", 1);
        ClassifierSession s = ClassifierSession.create(cls, tmp.resolve("runs"), "t");
        assertEquals("finished", s.runHere(), s.getReason());

        RunConfig gan = RunConfig.defaults().with("data.kind", "mnist").with("data.path", data.toString())
                .with("objective.kind", "nsgan").with("model.gWidth", "32").with("model.dWidth", "32")
                .with("batchSize", "8").with("log.noiseBank", "4").with("eval.classifier", s.getRunDir().toString());
        try (GanTrainer t = new GanTrainer(gan, TrainingData.load(gan), Device.cpu())) {
            // The untrained generator: what is tested is the scoring, not a trained GAN.
            JsonObject eval = Evaluation.evaluate(t, gan, 100);
            assertEquals(10, eval.get("classes").getAsInt()); // mnist's ten class names
            assertEquals(1, eval.get("step").getAsInt() + 1);
            assertTrue(eval.get("classesCovered").getAsInt() >= 1, eval.toString());
            assertTrue(eval.get("frechet").getAsDouble() > 0, eval.toString());
            assertTrue(eval.has("frechetTrainVsTest"), eval.toString());
            int total = 0;
            for (var e : eval.getAsJsonObject("classCounts").entrySet()) {
                total += e.getValue().getAsInt();
            }
            assertEquals(100, total);

            // Ctrl-C during the evaluation: it stops at the next batch, here after the generated images, before the
            // training images are scored.
            int[] checks = {0};
            assertThrows(EvaluationCancelled.class, () -> Evaluation.evaluate(t, gan, 100, () -> ++checks[0] > 1));
            assertEquals(2, checks[0]);
        }
    }

    @Test
    void aTorchScriptNetworkGivesTheFeaturesAndNamesTheDistance() throws Exception {
        Path data = tmp.resolve("data");
        TinyIdx.write(data, "train", 40, 4, 1);
        TinyIdx.write(data, "t10k", 20, 4, 2);
        RunConfig gan = RunConfig.defaults().with("data.kind", "mnist").with("data.path", data.toString())
                .with("model.gWidth", "32").with("model.dWidth", "32").with("batchSize", "8")
                .with("log.noiseBank", "4").with("eval.classifier", "none")
                .with("eval.features", FeatureNetworkTest.fixture("tiny_features.pt").toString())
                .with("eval.featuresSize", "8");
        try (GanTrainer t = new GanTrainer(gan, TrainingData.load(gan), Device.cpu())) {
            JsonObject eval = Evaluation.evaluate(t, gan, 20);
            assertEquals("tiny_features.pt", eval.get("featureSpace").getAsString());
            assertEquals("Fréchet distance in tiny_features.pt features", eval.get("frechetName").getAsString());
            assertEquals(3, eval.get("featureDim").getAsInt());
            assertTrue(eval.get("note").getAsString().endsWith("; class coverage skipped"), eval.toString());
            assertTrue(eval.get("features").getAsString().startsWith("the output of " + gan.getString(
                    ganstudio.config.ConfigSchema.EVAL_FEATURES) + " (3 values per image; images resized to 8x8, "
                    + "grey repeated to 3 channels, pixels in 0..1)"), eval.toString());
            for (String key : new String[] {"frechet", "frechetTrainVsTest", "precision", "recall", "density",
                    "coverage", "kernelDistance", "kernelDistanceStdErr"}) {
                assertTrue(eval.has(key), key + " in " + eval);
            }
            assertFalse(eval.has("classesCovered"), "no classifier, no class coverage: " + eval);

            RunConfig inception = gan.with("eval.featuresInception", "true");
            assertEquals("FID", Evaluation.evaluate(t, inception, 20).get("frechetName").getAsString());
        }
    }

    @Test
    void noClassifierGivesANoteNotAnError() throws Exception {
        Path data = tmp.resolve("data");
        TinyIdx.write(data, "train", 16, 4, 1);
        RunConfig gan = RunConfig.defaults().with("data.kind", "idx").with("data.path", data.toString())
                .with("model.gWidth", "32").with("model.dWidth", "32").with("batchSize", "8")
                .with("log.noiseBank", "4");
        try (GanTrainer t = new GanTrainer(gan, TrainingData.load(gan), Device.cpu())) {
            JsonObject eval = Evaluation.evaluate(t, gan, 10);
            assertTrue(eval.get("note").getAsString().contains("no classifier for idx"), eval.toString());
        }
    }
}
