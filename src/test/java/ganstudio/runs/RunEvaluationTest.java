package ganstudio.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.metrics.EvaluationScores;
import ganstudio.metrics.EvaluationScores.Line;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run folder's final evaluation, read from a summary.json written here, as the studio and the CLI show it. */
class RunEvaluationTest {

    @TempDir
    Path tmp;

    private EvaluationScores read(String summary) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("run"));
        Files.writeString(dir.resolve(RunDirectory.CONFIG), "{}", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(RunDirectory.SUMMARY), summary, StandardCharsets.UTF_8);
        return RunDirectory.open(dir).readEvaluation().orElseThrow();
    }

    @Test
    void anImageRunInTheClassifiersFeatures() throws Exception {
        EvaluationScores s = read("{\"status\": \"finished\", \"eval\": {\"step\": 30, \"samples\": 200, "
                + "\"classifier\": \"models/fashion-classifier\", \"classesCovered\": 7, \"classes\": 10, "
                + "\"classKl\": 0.3, \"featureSpace\": \"classifier\", \"frechetName\": \"Fréchet classifier "
                + "distance\", \"frechet\": 41.2345, \"frechetTrainVsTest\": 0.4102, \"precision\": 0.125, "
                + "\"recall\": 0.05, \"density\": 0.0715, \"coverage\": 0.1, \"kernelDistance\": 0.3127, "
                + "\"kernelDistanceStdErr\": 0.0081, \"featureDim\": 128}}");
        assertEquals(List.of(
                new Line("classes", "classes covered", "7 / 10"),
                new Line("frechet@classifier", "Fréchet classifier distance", "41.2345"),
                new Line("frechetTrainVsTest@classifier", "  train vs test (the floor)", "0.4102"),
                new Line("precision@classifier", "precision (k = 3)", "0.1250"),
                new Line("recall@classifier", "recall (k = 3)", "0.0500"),
                new Line("density@classifier", "density (k = 5)", "0.0715"),
                new Line("coverage@classifier", "coverage (k = 5)", "0.1000"),
                new Line("kernelDistance@classifier", "KID ± std error", "0.3127 ± 0.0081")), s.lines());
        assertEquals("Evaluation at step 30, 200 samples, in the classifier's features", s.heading());
        assertEquals("""
                Evaluation at step 30, 200 samples, in the classifier's features
                  classes covered              7 / 10
                  Fréchet classifier distance  41.2345
                    train vs test (the floor)  0.4102
                  precision (k = 3)            0.1250
                  recall (k = 3)               0.0500
                  density (k = 5)              0.0715
                  coverage (k = 5)             0.1000
                  KID ± std error              0.3127 ± 0.0081""", s.text());
    }

    @Test
    void aTorchScriptNetworksFeaturesNameTheDistanceAndTheirLines() throws Exception {
        EvaluationScores s = read("{\"eval\": {\"step\": 500, \"samples\": 2500, \"note\": \"no classifier for "
                + "idx; class coverage skipped\", \"featureSpace\": \"inception.pt\", \"frechetName\": \"FID\", "
                + "\"frechet\": 35.5, \"precision\": 0.6, \"recall\": 0.4, \"density\": 0.9, \"coverage\": 0.7, "
                + "\"kernelDistance\": 0.021, \"kernelDistanceStdErr\": 0.0004}}");
        assertEquals(List.of(
                new Line("frechet@inception.pt", "FID", "35.5000"),
                new Line("precision@inception.pt", "precision (k = 3)", "0.6000"),
                new Line("recall@inception.pt", "recall (k = 3)", "0.4000"),
                new Line("density@inception.pt", "density (k = 5)", "0.9000"),
                new Line("coverage@inception.pt", "coverage (k = 5)", "0.7000"),
                new Line("kernelDistance@inception.pt", "KID ± std error", "0.0210 ± 0.0004")), s.lines());
        assertEquals("Evaluation at step 500, 2500 samples, in inception.pt's features", s.heading());
        assertEquals("no classifier for idx; class coverage skipped", s.note());
    }

    @Test
    void a2dRunKeepsItsModesAndAnOlderImageRunItsClassifierName() throws Exception {
        EvaluationScores modes = read("{\"eval\": {\"step\": 6500, \"samples\": 2500, \"data\": \"ring8\", "
                + "\"modesCaptured\": 8, \"modes\": 8, \"highQualityFraction\": 0.9124, \"kl\": 0.0031, "
                + "\"modeCounts\": [1, 2, 3, 4, 5, 6, 7, 8]}}");
        assertEquals(List.of(new Line("modes", "modes captured", "8 / 8"),
                new Line("highQuality", "high quality", "91.2%"), new Line("kl", "KL to uniform", "0.0031")),
                modes.lines());
        assertEquals("Evaluation at step 6500, 2500 samples", modes.heading());

        // written before the feature space was named, and before precision and the kernel distance existed
        EvaluationScores older = read("{\"eval\": {\"step\": 10, \"samples\": 100, \"classifier\": \"m\", "
                + "\"classesCovered\": 10, \"classes\": 10, \"frechet\": 1.75, \"precision\": \"n/a\"}}");
        assertEquals(List.of(new Line("classes", "classes covered", "10 / 10"),
                new Line("frechet@classifier", "Fréchet classifier distance", "1.7500")), older.lines());
    }

    @Test
    void aRunWithoutAnEvaluationHasNone() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("bare"));
        Files.writeString(dir.resolve(RunDirectory.CONFIG), "{}", StandardCharsets.UTF_8);
        assertTrue(RunDirectory.open(dir).readEvaluation().isEmpty());
        Files.writeString(dir.resolve(RunDirectory.SUMMARY), "{\"status\": \"stopped\", \"eval\": 3}");
        assertTrue(RunDirectory.open(dir).readEvaluation().isEmpty());
    }
}
