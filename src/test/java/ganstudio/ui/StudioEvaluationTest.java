package ganstudio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;

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
        if (Studio.hasDisplay()) {
            Platform.startup(() -> { });
            new EvaluationScenario(tmp, SCREENSHOT).run();
        } else {
            Path log = Paths.get("target", "studio-evaluation-test.log");
            try (XvfbDisplay display = XvfbDisplay.start(ForkedJvm.xvfbOrSkip(),
                    Paths.get("target", "xvfb-evaluation.log"))) {
                Process p = ForkedJvm.start(display.name(), List.of("-Xmx1g"), EvaluationScenario.class.getName(),
                        List.of(tmp.toString(), SCREENSHOT.toString()), log);
                if (!p.waitFor(FORK_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                    fail("the evaluation scenario took over " + FORK_SECONDS + " s:\n" + ForkedJvm.tail(log, 60));
                }
                assertEquals(0, p.exitValue(), "the evaluation scenario failed on " + display.name() + ":\n"
                        + ForkedJvm.tail(log, 60));
            }
        }
        assertTrue(Files.size(SCREENSHOT) > 10_000, "a screenshot of the scores in " + SCREENSHOT);
    }
}
