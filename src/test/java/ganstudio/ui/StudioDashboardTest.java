package ganstudio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The studio's window, trained and stepped through {@link DashboardScenario}; writes target/studio-dashboard.png.
 * With a display (a desktop, or xvfb-run -a mvn test) it runs in this JVM. Without one it starts Xvfb itself and
 * runs the scenario in a JVM of its own pointed at it, since a running JVM cannot change the DISPLAY that JavaFX
 * reads. With neither it is skipped, saying what to install, except under CI, where skipping would hide it.
 */
class StudioDashboardTest {

    private static final Path SCREENSHOT = Paths.get("target", "studio-dashboard.png");
    private static final long FORK_SECONDS = 240;

    @Test
    void startPauseStepAndStepCriticReachTheChartsTheStatusAndThe2dView(@TempDir Path runs) throws Exception {
        Files.deleteIfExists(SCREENSHOT);
        if (Studio.hasDisplay()) {
            Platform.startup(() -> { });
            try {
                new DashboardScenario(runs, SCREENSHOT).run();
            } finally {
                Platform.exit();
            }
        } else {
            Optional<Path> xvfb = XvfbDisplay.binary();
            String how = "no display and no Xvfb: apt-get install -y xvfb (this test then starts it itself), "
                    + "or run xvfb-run -a mvn test";
            if (xvfb.isEmpty() && "true".equals(System.getenv("CI"))) {
                fail("CI must run the studio's UI test: " + how);
            }
            Assumptions.assumeTrue(xvfb.isPresent(), how);
            Path log = Paths.get("target", "studio-dashboard-test.log");
            try (XvfbDisplay display = XvfbDisplay.start(xvfb.get(), Paths.get("target", "xvfb.log"))) {
                int code = runForked(display.name(), runs, log);
                assertEquals(0, code, "the dashboard scenario failed on " + display.name() + ":\n" + tail(log));
            }
        }
        assertTrue(Files.size(SCREENSHOT) > 10_000, "a screenshot of the dashboard in " + SCREENSHOT);
    }

    private static int runForked(String display, Path runs, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx2g");
        // The engine's settings of this JVM (surefire's argLine), so the scenario trains as the tests do.
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("ai.djl.") || k.startsWith("ganstudio."))
                .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(DashboardScenario.class.getName());
        command.add(runs.toString());
        command.add(SCREENSHOT.toString());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("DISPLAY", display);
        Process p = pb.start();
        if (!p.waitFor(FORK_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            fail("the dashboard scenario took over " + FORK_SECONDS + " s:\n" + tail(log));
        }
        return p.exitValue();
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
