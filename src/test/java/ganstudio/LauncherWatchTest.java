package ganstudio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ganstudio.cli.Cli;
import ganstudio.runs.RunDirectory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The restarted process ends with its launcher: a kill -9 of the launcher leaves no trainer behind. */
class LauncherWatchTest {

    @Test
    void theLauncherIsGoneWhenThisProcessIsNoLongerItsChild() {
        assertFalse(LauncherWatch.launcherGone(100, OptionalLong.of(100), true));
        assertTrue(LauncherWatch.launcherGone(100, OptionalLong.of(1), true), "re-parented (to init or a reaper)");
        assertTrue(LauncherWatch.launcherGone(100, OptionalLong.of(1), false));
        assertFalse(LauncherWatch.launcherGone(100, OptionalLong.empty(), true), "no parent to read: by its pid");
        assertTrue(LauncherWatch.launcherGone(100, OptionalLong.empty(), false));
    }

    @Test
    void theRestartCarriesTheLaunchersPidAsAJvmOption() {
        assertEquals(List.of("/usr/bin/java", "-Dganstudio.launcher.pid=42", "-Xmx2g", "-jar", "g.jar", "train"),
                MallocTuning.withLauncherPid(List.of("/usr/bin/java", "-Xmx2g", "-jar", "g.jar", "train"), 42));
        assertEquals(OptionalLong.of(42), LauncherWatch.launcherPid("42"));
        assertEquals(OptionalLong.empty(), LauncherWatch.launcherPid(null));
        assertEquals(OptionalLong.empty(), LauncherWatch.launcherPid("x"));
    }

    /**
     * The case for real: the launcher restarts itself, its child trains; a resume is refused meanwhile;
     * kill -9 of the launcher; the child stops as on Ctrl-C (checkpoint, "stopped" summary, lock released) and
     * exits within seconds.
     */
    @Test
    void killingTheLauncherStopsItsTrainer(@TempDir Path root) throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the restart is Linux only");
        Path runs = root.resolve("runs");
        Path log = root.resolve("launcher.log");
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("ai.djl.") || k.equals("ganstudio.models")) // not ganstudio.relaunch
                .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.addAll(List.of(Main.class.getName(), "train", "--preset", "ring8-wgan", "--steps", "1000000",
                "--set", "model.gWidth=16", "--set", "model.dWidth=16", "--set", "log.checkpointEvery=1000000",
                "--out", runs.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("MALLOC_")); // as a user starts it: it restarts
        Process launcher = pb.start();
        ProcessHandle trainer = null;
        try {
            trainer = await(() -> launcher.toHandle().children().findFirst(), 30, "the restarted child", log);
            Path dir = await(() -> RunDirectory.list(runs).stream().findFirst()
                    .filter(d -> "running".equals(status(d))), 90, "a running run", log);
            String who = RunDirectory.writer(dir).orElseThrow();
            assertTrue(who.startsWith("being trained by pid " + trainer.pid() + " on host "), who);

            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = new Cli(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)).run(new String[] {"train", "--resume",
                            dir.toString()});
            assertEquals(Cli.BAD_INPUT, code);
            assertEquals("error: " + dir + ": is " + who + "; stop it first, or open it read-only in the studio"
                    + System.lineSeparator(), err.toString(StandardCharsets.UTF_8));

            launcher.destroyForcibly(); // SIGKILL: no hook of the launcher runs
            assertTrue(launcher.waitFor(10, TimeUnit.SECONDS));
            long killedAt = System.nanoTime();
            trainer.onExit().get(30, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - killedAt) / 1e9;
            JsonObject summary = RunDirectory.open(dir).readSummary();
            assertEquals("stopped", summary.get("status").getAsString(), summary.toString());
            assertTrue(summary.get("reason").getAsString().startsWith("stopped because its launcher (pid "
                    + launcher.pid() + ") ended at step "), summary.toString());
            long steps = summary.get("steps").getAsLong();
            assertEquals(Optional.of(dir.resolve(RunDirectory.CHECKPOINTS).resolve(String.format("step-%09d", steps))),
                    RunDirectory.open(dir).latestCheckpoint(), "a checkpoint of the last step");
            assertEquals(Optional.empty(), RunDirectory.writer(dir), "the lock is released");
            int events = RunDirectory.open(dir).readEvents().size();
            RunDirectory.openForWriting(dir).close(); // a normal end: no stale lock taken over
            assertEquals(events, RunDirectory.open(dir).readEvents().size());
            String text = Files.readString(log);
            assertTrue(text.contains("the launcher (pid " + launcher.pid() + ") has ended; stopping as Ctrl-C would"),
                    text);
            System.out.printf("launcher killed: the trainer stopped %.1f s later, at step %d%n", seconds, steps);
        } finally {
            launcher.destroyForcibly();
            if (trainer != null) {
                trainer.destroyForcibly();
            }
        }
    }

    private static String status(Path dir) {
        try {
            return JsonParser.parseString(Files.readString(dir.resolve(RunDirectory.SUMMARY))).getAsJsonObject()
                    .get("status").getAsString();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private interface Probe<T> {
        Optional<T> get() throws Exception;
    }

    private static <T> T await(Probe<T> probe, int seconds, String what, Path log) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            Optional<T> v = probe.get();
            if (v.isPresent()) {
                return v.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + what + " within " + seconds + " s:\n"
                + (Files.exists(log) ? Files.readString(log) : ""));
    }
}
