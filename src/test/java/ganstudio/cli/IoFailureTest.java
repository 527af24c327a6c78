package ganstudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.runs.CheckpointIo;
import ganstudio.runs.RunDirectory;
import ganstudio.train.gan.GanTrainer;

import java.io.IOException;
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
        CliRun train = CliRun.of("train", "--preset", preset().toString(), "--out", mount.toString());
        String e = train.err();
        assertEquals(Cli.FAILED, train.code(), e);
        assertTrue(e.startsWith("error: " + mount), e);
        assertTrue(e.contains("No space left on device"), e);
        assertFalse(e.contains("\tat "), e);
        Path run = RunDirectory.list(mount).get(0);
        assertLastCheckpointReadable(run);
    }

    @Test
    void aFolderTurnedReadOnlyFailsTheRunAndTheCheckpointsStay() throws Exception {
        mountTmpfs("64m");
        java.util.concurrent.atomic.AtomicReference<String> madeReadOnly = new java.util.concurrent.atomic.AtomicReference<>();
        Thread remount = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    List<Path> runs = RunDirectory.list(mount);
                    if (!runs.isEmpty() && RunDirectory.open(runs.get(0)).readMetrics().size() >= 25) {
                        // A read-only bind mount over the run folder: what chmod would do for a user who is not
                        // root (root writes through permissions). Files open before it stay writable, as they
                        // would after a chmod.
                        String dir = runs.get(0).toString();
                        int bind = sh("mount", "--bind", dir, dir);
                        int ro = -1;
                        // Busy (32) while a file is open for writing through the new mount: try again.
                        for (int i = 0; i < 100 && ro != 0; i++) {
                            ro = sh("mount", "-o", "remount,bind,ro", dir);
                        }
                        madeReadOnly.set("mount --bind exited " + bind + ", remount,ro " + ro);
                        return;
                    }
                } catch (RuntimeException e) {
                    // a file read while it was being replaced: look again
                } catch (Exception e) {
                    madeReadOnly.set("failed: " + e);
                    return;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        remount.start();
        CliRun train = CliRun.of("train", "--preset", preset().toString(), "--out", mount.toString());
        remount.interrupt();
        String e = train.err();
        assertEquals("mount --bind exited 0, remount,ro 0", madeReadOnly.get(), e);
        assertEquals(Cli.FAILED, train.code(), e);
        assertTrue(e.contains("Read-only file system"), e);
        assertTrue(e.startsWith("error: " + mount), e);
        Path run = RunDirectory.list(mount).get(0);
        assertTrue(e.contains("the run so far stays readable in " + run), e);
        // A read-only folder cannot be cleaned up: a half-written checkpoint may stay until the next resume
        // removes it, and it is never taken for a checkpoint.
        assertTrue(RunDirectory.open(run).checkpoints().stream()
                .noneMatch(p -> p.getFileName().toString().startsWith(".")));
        CheckpointIo.read(RunDirectory.open(run).checkpoints().get(0),
                List.of(GanTrainer.GENERATOR_FILE, GanTrainer.CRITIC_FILE));
    }

    private static void assertLastCheckpointReadable(Path run) throws IOException {
        List<Path> checkpoints = RunDirectory.open(run).checkpoints();
        assertFalse(checkpoints.isEmpty(), "the checkpoints written before the failure stay");
        CheckpointIo.read(checkpoints.get(0), List.of(GanTrainer.GENERATOR_FILE, GanTrainer.CRITIC_FILE));
        assertTrue(Files.list(run.resolve(RunDirectory.CHECKPOINTS))
                .noneMatch(p -> p.getFileName().toString().startsWith(".tmp-")), "no half-written checkpoint left");
    }
}
