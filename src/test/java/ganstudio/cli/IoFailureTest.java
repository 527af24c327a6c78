package ganstudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.runs.CheckpointIo;
import ganstudio.runs.RunDirectory;
import ganstudio.train.GanTrainer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up or turns read-only while a run trains: the run ends as failed with the file and the
 * operating system's words, exit 1 (not 2: the input was fine), and its last good checkpoint stays resumable. The
 * file systems are small tmpfs mounts made by the test, which needs root (CI runs as root); elsewhere it is skipped
 * with that reason.
 */
class IoFailureTest {

    @TempDir
    Path tmp;

    private Path mount;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int cli(String... args) {
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                StandardCharsets.UTF_8)).run(args);
    }

    private void mountTmpfs(String size) throws Exception {
        mount = tmp.resolve("fs");
        Files.createDirectories(mount);
        int code = sh("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mount.toString());
        Assumptions.assumeTrue(code == 0, "skipped: mounting a small tmpfs needs root (CI runs as root); "
                + "`mount -t tmpfs` exited " + code);
    }

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            sh("umount", "-R", "-l", mount.toString());
        }
    }

    private static int sh(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    private Path preset() throws IOException {
        Path p = tmp.resolve("tiny.json");
        Files.writeString(p, "{\"name\": \"tiny\", \"data\": {\"kind\": \"ring8\"}, \"steps\": 100000, \"batchSize\": 32,"
                + " \"threads\": 1, \"model\": {\"gWidth\": 16, \"dWidth\": 16, \"depth\": 2},"
                + " \"log\": {\"every\": 1, \"frameEvery\": 5, \"checkpointEvery\": 10, \"heatmap\": 16}}");
        return p;
    }

    @Test
    void aFullDiskFailsTheRunWithTheFileAndTheReasonAndKeepsTheLastCheckpoint() throws Exception {
        mountTmpfs("1m"); // a 512x512 frame is ~100 KB: the disk fills within a few dozen steps
        int code = cli("train", "--preset", preset().toString(), "--out", mount.toString());
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(Cli.FAILED, code, e);
        assertTrue(e.startsWith("error: " + mount), e);
        assertTrue(e.contains("No space left on device"), e);
        assertFalse(e.contains("\tat "), e);
        Path run = RunDirectory.list(mount).get(0);
        assertLastCheckpointReadable(run);
    }

    @Test
    void aFolderTurnedReadOnlyFailsTheRunAndTheCheckpointsStay() throws Exception {
        mountTmpfs("64m");
        Thread remount = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    List<Path> runs = RunDirectory.list(mount);
                    if (!runs.isEmpty() && RunDirectory.open(runs.get(0)).readMetrics().size() >= 25) {
                        // A read-only bind mount over the run folder: what chmod would do for a user who is not
                        // root (root writes through permissions). Files open before it stay writable, as they
                        // would after a chmod.
                        String dir = runs.get(0).toString();
                        sh("mount", "--bind", dir, dir);
                        sh("mount", "-o", "remount,bind,ro", dir);
                        return;
                    }
                    Thread.sleep(20);
                }
            } catch (Exception ex) {
                Thread.currentThread().interrupt();
            }
        });
        remount.start();
        int code = cli("train", "--preset", preset().toString(), "--out", mount.toString());
        remount.interrupt();
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(Cli.FAILED, code, e);
        assertTrue(e.contains("Read-only file system"), e);
        assertTrue(e.startsWith("error: " + mount), e);
        Path run = RunDirectory.list(mount).get(0);
        assertTrue(e.contains("the run so far stays readable in " + run), e);
        assertLastCheckpointReadable(run);
    }

    private static void assertLastCheckpointReadable(Path run) throws IOException {
        List<Path> checkpoints = RunDirectory.open(run).checkpoints();
        assertFalse(checkpoints.isEmpty(), "the checkpoints written before the failure stay");
        CheckpointIo.read(checkpoints.get(0), List.of(GanTrainer.GENERATOR_FILE, GanTrainer.CRITIC_FILE));
        assertTrue(Files.list(run.resolve(RunDirectory.CHECKPOINTS))
                .noneMatch(p -> p.getFileName().toString().startsWith(".tmp-")), "no half-written checkpoint left");
    }
}
