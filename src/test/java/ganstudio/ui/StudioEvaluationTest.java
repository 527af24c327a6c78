package ganstudio.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25: the studio shows a run's final evaluation, under an opened run's picture and in Compare's table (see
 * {@link EvaluationScenario}). With a display it runs in this JVM; without one in a JVM of its own under the Xvfb
 * it starts. Writes target/studio-evaluation.png.
 */
class StudioEvaluationTest {

    private static final Path SCREENSHOT = Paths.get("target", "studio-evaluation.png");
    private static final long FORK_SECONDS = 120;

    @Test
    void anOpenedRunAndCompareShowTheFinalScores(@TempDir Path tmp) throws Exception {
        Files.deleteIfExists(SCREENSHOT);
        ForkedJvm.runOnDisplay(() -> new EvaluationScenario(tmp, SCREENSHOT).run(), EvaluationScenario.class,
                List.of(tmp.toString(), SCREENSHOT.toString()), "studio-evaluation", FORK_SECONDS);
        assertTrue(Files.size(SCREENSHOT) > 10_000, "a screenshot of the scores in " + SCREENSHOT);
    }
}
