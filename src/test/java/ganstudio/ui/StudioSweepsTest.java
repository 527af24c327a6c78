package ganstudio.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23: the studio's Sweeps tab on a sweep folder written by hand (see {@link SweepsScenario}). With a
 * display it runs in this JVM; without one in a JVM of its own under the Xvfb it starts. Writes
 * target/sweeps-tab.png and target/new-study.png.
 */
class StudioSweepsTest {

    private static final Path SCREENSHOT = Paths.get("target", "sweeps-tab.png");
    private static final long FORK_SECONDS = 120;

    @Test
    void theSweepsTabShowsTheTasksLiveTheReportSortedAndComparesVariants(@TempDir Path tmp) throws Exception {
        Files.deleteIfExists(SCREENSHOT);
        ForkedJvm.runOnDisplay(() -> new SweepsScenario(tmp, SCREENSHOT).run(), SweepsScenario.class,
                List.of(tmp.toString(), SCREENSHOT.toString()), "studio-sweeps", FORK_SECONDS);
        assertTrue(Files.size(SCREENSHOT) > 10_000, "a screenshot of the Sweeps tab in " + SCREENSHOT);
    }
}
