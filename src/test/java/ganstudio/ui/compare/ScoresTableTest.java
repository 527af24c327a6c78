package ganstudio.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;

import ganstudio.metrics.EvaluationScores;
import ganstudio.ui.compare.ScoresTable.Row;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The Compare tab's table of final evaluations, without a display. */
class ScoresTableTest {

    private static Optional<EvaluationScores> eval(String json) {
        return Optional.of(EvaluationScores.of(JsonParser.parseString(json).getAsJsonObject()));
    }

    private static final Optional<EvaluationScores> IMAGE = eval("{\"step\": 30, \"samples\": 200, "
            + "\"classifier\": \"m\", \"classesCovered\": 7, \"classes\": 10, \"featureSpace\": \"classifier\", "
            + "\"frechetName\": \"Fréchet classifier distance\", \"frechet\": 41.2345, \"precision\": 0.125, "
            + "\"recall\": 0.05, \"density\": 0.0715, \"coverage\": 0.1, \"kernelDistance\": 0.3127, "
            + "\"kernelDistanceStdErr\": 0.0081}");
    private static final Optional<EvaluationScores> RING = eval("{\"step\": 600, \"samples\": 2500, "
            + "\"modesCaptured\": 6, \"modes\": 8, \"highQualityFraction\": 0.5, \"kl\": 0.25}");

    @Test
    void anImageRunBesideA2dRunAndARunNotEvaluated() {
        ScoresTable t = ScoresTable.of(List.of("A", "B", "C"), List.of(IMAGE, RING, Optional.empty()));
        assertEquals(List.of("A", "B", "C"), t.runs());
        assertEquals(List.of(
                new Row("step · samples", List.of("30 · 200", "600 · 2500", "—")),
                new Row("features", List.of("classifier", "—", "—")),
                new Row("classes covered", List.of("7 / 10", "—", "—")),
                new Row("Fréchet classifier distance", List.of("41.2345", "—", "—")),
                new Row("precision (k = 3)", List.of("0.1250", "—", "—")),
                new Row("recall (k = 3)", List.of("0.0500", "—", "—")),
                new Row("density (k = 5)", List.of("0.0715", "—", "—")),
                new Row("coverage (k = 5)", List.of("0.1000", "—", "—")),
                new Row("KID ± std error", List.of("0.3127 ± 0.0081", "—", "—")),
                new Row("modes captured", List.of("—", "6 / 8", "—")),
                new Row("high quality", List.of("—", "50.0%", "—")),
                new Row("KL to uniform", List.of("—", "0.2500", "—"))), t.rows());
    }

    @Test
    void scoresInDifferentFeaturesNeverShareARow() {
        Optional<EvaluationScores> fid = eval("{\"step\": 30, \"samples\": 200, \"featureSpace\": \"inception.pt\", "
                + "\"frechetName\": \"FID\", \"frechet\": 120.5, \"precision\": 0.25}");
        ScoresTable t = ScoresTable.of(List.of("A", "B"), List.of(IMAGE, fid));
        assertEquals(List.of(
                new Row("step · samples", List.of("30 · 200", "30 · 200")),
                new Row("features", List.of("classifier", "inception.pt")),
                new Row("classes covered", List.of("7 / 10", "—")),
                new Row("in classifier features:", List.of("", "")),
                new Row("  Fréchet classifier distance", List.of("41.2345", "—")),
                new Row("  precision (k = 3)", List.of("0.1250", "—")),
                new Row("  recall (k = 3)", List.of("0.0500", "—")),
                new Row("  density (k = 5)", List.of("0.0715", "—")),
                new Row("  coverage (k = 5)", List.of("0.1000", "—")),
                new Row("  KID ± std error", List.of("0.3127 ± 0.0081", "—")),
                new Row("in inception.pt features:", List.of("", "")),
                new Row("  FID", List.of("—", "120.5000")),
                new Row("  precision (k = 3)", List.of("—", "0.2500"))), t.rows());

        Optional<EvaluationScores> own = eval("{\"step\": 30, \"samples\": 200, \"featureSpace\": \"x.pt\", "
                + "\"frechetName\": \"Fréchet distance in x.pt features\", \"frechet\": 2.5}");
        assertEquals(new Row("  Fréchet distance", List.of("—", "2.5000")),
                ScoresTable.of(List.of("A", "B"), List.of(IMAGE, own)).rows().get(11), "the heading names x.pt");
        assertEquals(new Row("Fréchet distance in x.pt features", List.of("2.5000")),
                ScoresTable.of(List.of("A"), List.of(own)).rows().get(2), "one space, no heading: the row names it");
    }

    @Test
    void noEvaluationNoTable() {
        assertTrue(ScoresTable.of(List.of("A", "B"), List.of(Optional.empty(), Optional.empty())).isEmpty());
    }
}
