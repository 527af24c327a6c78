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
 * Issue 22, finding 12: closing the studio while a classifier and a GAN train (see {@link CloseScenario}). With a
 * display it runs in this JVM; without one in a JVM of its own under the Xvfb it starts. Writes
 * target/close-dialog.png, the progress dialog as it was on screen.
 */
class StudioCloseTest {

    private static final Path SCREENSHOT = Paths.get("target", "close-dialog.png");
    private static final long FORK_SECONDS = 240;

    @Test
    void closingWhileAClassifierAndAGanTrainStopsBothInParallelWithoutBlockingTheWindow(@TempDir Path tmp)
            throws Exception {
        Files.deleteIfExists(SCREENSHOT);
        Path runs = tmp.resolve("runs");
        Path data = tmp.resolve("data");
        if (Studio.hasDisplay()) {
            CloseScenario.writeTinyData(data);
            Platform.startup(() -> { });
            new CloseScenario(runs, data, SCREENSHOT).run();
        } else {
            Path log = Paths.get("target", "studio-close-test.log");
            try (XvfbDisplay display = XvfbDisplay.start(ForkedJvm.xvfbOrSkip(), Paths.get("target", "xvfb-close.log"))) {
                Process p = ForkedJvm.start(display.name(), List.of("-Xmx2g"), CloseScenario.class.getName(),
                        List.of(runs.toString(), data.toString(), SCREENSHOT.toString()), log);
                if (!p.waitFor(FORK_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                    fail("the close scenario took over " + FORK_SECONDS + " s:\n" + ForkedJvm.tail(log, 60));
                }
                assertEquals(0, p.exitValue(), "the close scenario failed on " + display.name() + ":\n"
                        + ForkedJvm.tail(log, 60));
                System.out.println(ForkedJvm.tail(log, 4));
            }
        }
        assertTrue(Files.size(SCREENSHOT) > 2_000, "a screenshot of the progress dialog in " + SCREENSHOT);
    }
}
