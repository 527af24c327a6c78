package ganstudio.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;

import ganstudio.config.Presets;
import ganstudio.config.RunConfig;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per run folder: atomic unique folders, the lock, its refusal message, stale locks, readers. */
class RunLockTest {

    private static final long PID = ProcessHandle.current().pid();

    private static RunConfig config() {
        return Presets.locate().load("ring8-gan");
    }

    @Test
    void foldersMadeAtOnceUnderOneNameAreAllDistinct(@TempDir Path root) throws Exception {
        int n = 16;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            for (int round = 0; round < 25; round++) {
                String base = "ring8-gan-20260101-1200" + round;
                CyclicBarrier start = new CyclicBarrier(n);
                List<Future<Path>> made = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    made.add(pool.submit(() -> {
                        start.await();
                        return RunDirectory.newFolder(root.resolve("runs"), base);
                    }));
                }
                Set<String> names = new HashSet<>();
                for (Future<Path> f : made) {
                    Path p = f.get(30, TimeUnit.SECONDS);
                    assertTrue(Files.isDirectory(p), p.toString());
                    names.add(p.getFileName().toString());
                }
                Set<String> expected = new HashSet<>();
                expected.add(base);
                for (int i = 2; i <= n; i++) {
                    expected.add(base + "-" + i);
                }
                assertEquals(expected, names, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTakenNameGetsTheNextFreeSuffix(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("a-1"));
        Files.createDirectories(root.resolve("a-1-2"));
        Files.createDirectories(root.resolve("a-1-4"));
        assertEquals(root.resolve("a-1-3"), RunDirectory.newFolder(root, "a-1"));
        assertEquals(root.resolve("a-1-5"), RunDirectory.newFolder(root, "a-1"));
        assertEquals(root.resolve("b").resolve("x"), RunDirectory.newFolder(root.resolve("b"), "x"));
    }

    @Test
    void runsCreatedAtOnceGetTheirOwnFolderEachHeldByThisProcess(@TempDir Path root) throws Exception {
        int n = 8;
        CyclicBarrier start = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        RunConfig c = config();
        List<RunDirectory> runs = new ArrayList<>();
        try {
            List<Future<RunDirectory>> made = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                made.add(pool.submit(() -> {
                    start.await();
                    return RunDirectory.create(root, c, new JsonObject());
                }));
            }
            for (Future<RunDirectory> f : made) {
                runs.add(f.get(30, TimeUnit.SECONDS));
            }
            Set<Path> dirs = new HashSet<>();
            for (RunDirectory r : runs) {
                dirs.add(r.getPath());
                assertTrue(RunDirectory.isRun(r.getPath()));
                Optional<String> writer = RunDirectory.writer(r.getPath());
                assertTrue(writer.orElse("").startsWith("being trained by pid " + PID + " on host "), writer.toString());
            }
            assertEquals(n, dirs.size());
        } finally {
            runs.forEach(RunDirectory::close);
            pool.shutdownNow();
        }
        for (RunDirectory r : runs) {
            assertEquals(Optional.empty(), RunDirectory.writer(r.getPath()));
            assertEquals("", Files.readString(r.getPath().resolve(RunDirectory.LOCK)), "emptied when released");
        }
    }

    @Test
    void aSecondWriterInThisProcessIsRefusedWhileReadersAreNot(@TempDir Path root) {
        RunDirectory run = RunDirectory.create(root, config(), new JsonObject());
        Path dir = run.getPath();
        try {
            RunDirectory.BeingWritten e = assertThrows(RunDirectory.BeingWritten.class,
                    () -> RunDirectory.openForWriting(dir));
            String prefix = dir + ": is being trained by pid " + PID + " on host " + RunLock.thisHost() + " (since ";
            assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
            assertTrue(e.getMessage().endsWith(") (this process); stop it first, or open it read-only in the studio"),
                    e.getMessage());
            assertThrows(RunDirectory.BeingWritten.class, () -> RunDirectory.requireNoWriter(dir));
            assertThrows(RunDirectory.BeingWritten.class, () -> RunDirectory.openForWriting(dir, "eval"));
            // readers: as many as like, while it is written
            RunDirectory reader = RunDirectory.open(dir);
            assertEquals("ring8-gan", reader.readConfig().getString("name"));
            reader.close();
            assertTrue(RunDirectory.writer(dir).isPresent(), "closing a reader leaves the writer's lock alone");
            assertThrows(RunDirectory.BeingWritten.class, () -> RunDirectory.openForWriting(dir));
        } finally {
            run.close();
        }
        // released: the next writer gets it, with no stale-lock event
        try (RunDirectory again = RunDirectory.openForWriting(dir)) {
            assertTrue(RunDirectory.writer(dir).isPresent());
        }
        assertEquals(List.of(), RunDirectory.open(dir).readEvents());
        RunDirectory.requireNoWriter(dir);
    }

    @Test
    void aStaleLockIsTakenOverWithAnEventAndAWarning(@TempDir Path root) throws Exception {
        Path dir;
        try (RunDirectory run = RunDirectory.create(root, config(), new JsonObject())) {
            dir = run.getPath();
        }
        Files.createDirectories(dir.resolve(RunDirectory.CHECKPOINTS).resolve("step-000000040"));
        // What a writer killed by kill -9 leaves: its owner in the file, no OS lock on it.
        Files.writeString(dir.resolve(RunDirectory.LOCK),
                "pid=999999999\nhost=gone-host\nsince=2026-01-01T12:00:00Z\npurpose=train\n");
        assertEquals(Optional.empty(), RunDirectory.writer(dir), "nobody holds a stale lock");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = "took over the stale lock of pid 999999999 on host gone-host (since 2026-01-01T12:00:00Z): "
                + "that process is gone (killed or crashed)";
        try (RunDirectory run = RunDirectory.openForWriting(dir)) {
            assertTrue(RunDirectory.writer(dir).orElse("").startsWith("being trained by pid " + PID + " "));
        } finally {
            System.setErr(saved);
        }
        assertEquals("warning: " + dir + ": " + text + System.lineSeparator(), err.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(new RunDirectory.Event(40, text)), RunDirectory.open(dir).readEvents());
    }

    @Test
    void anotherProcessIsNamedAndRefusedAndItsLockIsStaleOnceItIsKilled(@TempDir Path root) throws Exception {
        Path dir;
        try (RunDirectory run = RunDirectory.create(root, config(), new JsonObject())) {
            dir = run.getPath();
        }
        // 1. It holds the run and lets go: the lock is free again, with nothing stale.
        Process holder = startHolder(dir);
        try {
            String who = RunDirectory.writer(dir).orElseThrow();
            assertTrue(who.startsWith("being trained by pid " + holder.pid() + " on host " + RunLock.thisHost()
                    + " (since "), who);
            RunDirectory.BeingWritten e = assertThrows(RunDirectory.BeingWritten.class,
                    () -> RunDirectory.openForWriting(dir));
            assertEquals(dir + ": is " + who + "; stop it first, or open it read-only in the studio", e.getMessage());
            assertEquals(who, e.who());
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, holder.exitValue());
        } finally {
            holder.destroyForcibly();
        }
        assertEquals(Optional.empty(), RunDirectory.writer(dir));
        assertEquals("", Files.readString(dir.resolve(RunDirectory.LOCK)));

        // 2. It holds the run and is killed (kill -9): the next writer takes the stale lock over.
        Process killed = startHolder(dir);
        long killedPid = killed.pid();
        assertThrows(RunDirectory.BeingWritten.class, () -> RunDirectory.openForWriting(dir));
        killed.destroyForcibly();
        assertTrue(killed.waitFor(30, TimeUnit.SECONDS));
        assertTrue(Files.readString(dir.resolve(RunDirectory.LOCK)).startsWith("pid=" + killedPid + "\n"),
                "kill -9 leaves its owner in the file");
        PrintStream saved = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try (RunDirectory run = RunDirectory.openForWriting(dir)) {
            assertTrue(RunDirectory.writer(dir).orElse("").startsWith("being trained by pid " + PID + " "));
        } finally {
            System.setErr(saved);
        }
        List<RunDirectory.Event> events = RunDirectory.open(dir).readEvents();
        assertEquals(1, events.size(), events.toString());
        assertTrue(events.get(0).text().startsWith("took over the stale lock of pid " + killedPid + " on host "
                + RunLock.thisHost() + " (since "), events.get(0).text());
    }

    @Test
    void aWriterKilledAfterItsFinalSummaryLeavesNoStaleLock(@TempDir Path root) throws Exception {
        Path dir;
        try (RunDirectory run = RunDirectory.create(root, config(), new JsonObject())) {
            dir = run.getPath();
        }
        // "running" is not an end: killed then, the lock is stale
        Process running = startHolder(dir, "running");
        running.destroyForcibly();
        assertTrue(running.waitFor(30, TimeUnit.SECONDS));
        PrintStream saved = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            RunDirectory.openForWriting(dir).close();
        } finally {
            System.setErr(saved);
        }
        assertEquals(1, RunDirectory.open(dir).readEvents().size());
        // a final summary, then the process ends before it releases the lock (Ctrl-C's exit): no stale lock
        Process stopped = startHolder(dir, "stopped");
        assertTrue(RunDirectory.writer(dir).orElse("").startsWith("being trained by pid " + stopped.pid() + " "));
        stopped.destroyForcibly();
        assertTrue(stopped.waitFor(30, TimeUnit.SECONDS));
        assertEquals("pid=" + stopped.pid(), Files.readString(dir.resolve(RunDirectory.LOCK)).lines().findFirst()
                .orElse(""));
        assertTrue(Files.readString(dir.resolve(RunDirectory.LOCK)).endsWith("\nended=true\n"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            RunDirectory.openForWriting(dir).close();
        } finally {
            System.setErr(saved);
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertEquals(1, RunDirectory.open(dir).readEvents().size(), "no second takeover event");
    }

    private static Process startHolder(Path dir, String... summaryStatus) throws Exception {
        return LockHolder.start(dir, summaryStatus);
    }

    @Test
    void aReaderProbingFromAnotherProcessNeverLocksAWriterOut(@TempDir Path root) throws Exception {
        Path dir = java.nio.file.Files.createDirectories(root.resolve("run"));
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process prober = new ProcessBuilder(java.nio.file.Paths.get(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", cp, LockProber.class.getName(), dir.toString()).redirectErrorStream(true).start();
        try {
            java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(
                    prober.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            assertEquals("probing", out.readLine());
            for (int i = 0; i < 300; i++) {
                RunLock.acquire(dir, "train").close();
            }
        } finally {
            prober.destroyForcibly();
        }
    }

}
