package ganstudio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * A UI check in a JVM of its own on a display: the Xvfb this starts when the machine has none (a running JVM
 * cannot change the DISPLAY that JavaFX reads), skipped with what to install when there is no Xvfb either,
 * except under CI, where skipping would hide it. Its output goes to a log whose tail a failure shows.
 */
final class ForkedJvm {

    private ForkedJvm() {}

    /** The Xvfb to use, or the test is skipped (failed under CI=true). */
    static Path xvfbOrSkip() {
        Optional<Path> xvfb = XvfbDisplay.binary();
        String how = "no Xvfb: apt-get install -y xvfb (this test then starts it itself)";
        if (xvfb.isEmpty() && "true".equals(System.getenv("CI"))) {
            fail("CI must run the studio's UI tests: " + how);
        }
        Assumptions.assumeTrue(xvfb.isPresent(), how);
        return xvfb.get();
    }

    /** Starts {@code java [jvmOptions] -cp <the tests' class path> main args} on display, output into log. */
    static Process start(String display, List<String> jvmOptions, String main, List<String> args, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        // The engine's settings of this JVM (surefire's argLine), so the fork trains as the tests do.
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("ai.djl.") || k.startsWith("ganstudio."))
                .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(main);
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("DISPLAY", display);
        return pb.start();
    }

    /** A UI scenario's steps, against a started toolkit and a display. */
    interface Scenario {
        void run() throws Exception;
    }

    /**
     * Runs a scenario in this JVM when it has a display, else {@code main} (whose main method is
     * {@link #main(String, Scenario)}) with args in a JVM of its own on an Xvfb started for it; fails with the tail
     * of its log (target/NAME-test.log) when it fails or takes over seconds.
     */
    static void runOnDisplay(Scenario here, Class<?> main, List<String> args, String name, long seconds)
            throws Exception {
        if (Studio.hasDisplay()) {
            Platform.startup(() -> { });
            here.run();
            return;
        }
        Path log = Paths.get("target", name + "-test.log");
        try (XvfbDisplay display = XvfbDisplay.start(xvfbOrSkip(), Paths.get("target", "xvfb-" + name + ".log"))) {
            Process p = start(display.name(), List.of("-Xmx1g"), main.getName(), args, log);
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                fail("the " + name + " scenario took over " + seconds + " s:\n" + tail(log, 60));
            }
            assertEquals(0, p.exitValue(), "the " + name + " scenario failed on " + display.name() + ":\n"
                    + tail(log, 60));
        }
    }

    /** The main method of a scenario's own JVM: exit code 0 when it ran through, 1 (and the trace) when not. */
    static void main(String name, Scenario scenario) {
        Platform.startup(() -> { });
        try {
            scenario.run();
            System.out.println(name + " scenario: ok");
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    static String tail(Path log, int lines) throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
