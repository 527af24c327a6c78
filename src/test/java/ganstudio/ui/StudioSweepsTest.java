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
        if (Studio.hasDisplay()) {
            Platform.startup(() -> { });
            new SweepsScenario(tmp, SCREENSHOT).run();
        } else {
            Path log = Paths.get("target", "studio-sweeps-test.log");
            try (XvfbDisplay display = XvfbDisplay.start(ForkedJvm.xvfbOrSkip(), Paths.get("target", "xvfb-sweeps.log"))) {
                Process p = ForkedJvm.start(display.name(), List.of("-Xmx1g"), SweepsScenario.class.getName(),
                        List.of(tmp.toString(), SCREENSHOT.toString()), log);
                if (!p.waitFor(FORK_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                    fail("the sweeps scenario took over " + FORK_SECONDS + " s:\n" + ForkedJvm.tail(log, 60));
                }
                assertEquals(0, p.exitValue(), "the sweeps scenario failed on " + display.name() + ":\n"
                        + ForkedJvm.tail(log, 60));
            }
        }
        assertTrue(Files.size(SCREENSHOT) > 10_000, "a screenshot of the Sweeps tab in " + SCREENSHOT);
    }
}
