package ganstudio.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.metrics.StepMetrics;
import ganstudio.runs.RunDirectory;
import ganstudio.train.gan.GanTrainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault test of exact resume: one run killed with SIGKILL at 20 random moments (during start-up, between steps,
 * right after a checkpoint step's row, when its checkpoint is being written), resumed after each. It must finish
 * with one metrics row per step, none repeated or missing, and the same rows and final weights as the run that was
 * never killed. Each trainer is its own JVM of the test class path, started without the malloc restart so that the
 * kill reaches the trainer itself.
 */
class KillResumeTest {

    private static final int STEPS = 240;
    private static final int KILLS = 20;

    @TempDir
    Path tmp;

    @Test
    void aRunKilledTwentyTimesAndResumedEqualsTheRunNeverKilled() throws Exception {
        Path preset = tmp.resolve("kill.json");
        Files.writeString(preset, "{\"name\": \"kill\", \"seed\": 9, \"steps\": " + STEPS + ", \"batchSize\": 64,"
                + " \"threads\": 1, \"data\": {\"kind\": \"ring8\"}, \"objective\": {\"kind\": \"wgan-gp\", \"nCritic\": 2},"
                + " \"tricks\": {\"instanceNoise\": 0.1}, \"model\": {\"gWidth\": 32, \"dWidth\": 32, \"depth\": 2},"
                + " \"log\": {\"every\": 1, \"frameEvery\": 40, \"checkpointEvery\": 10, \"heatmap\": 16},"
                + " \"eval\": {\"samples\": 500}}");
        Path straightRoot = tmp.resolve("straight");
        assertEquals(0, start("train", "--preset", preset.toString(), "--out", straightRoot.toString())
                .waitFor(), "the uninterrupted run");
        Path straight = RunDirectory.list(straightRoot).get(0);

        Random random = new Random(20261206);
        // Kill points: rows reached (a checkpoint step's row means its checkpoint is being written right then),
        // plus a few kills at a random moment of start-up, before any step of that process.
        TreeSet<Integer> rows = new TreeSet<>();
        while (rows.size() < KILLS - 4) {
            int r = 5 + random.nextInt(STEPS - 10);
            rows.add(random.nextBoolean() ? r - r % 10 + 10 : r);
        }
        List<Integer> plan = new ArrayList<>(rows);
        for (int i = 0; i < 4; i++) {
            plan.add(1 + random.nextInt(plan.size() - 1), -1); // -1: during start-up
        }
        Path root = tmp.resolve("killed");
        Process p = start("train", "--preset", preset.toString(), "--out", root.toString());
        Path run = null;
        int killedMidCheckpoint = 0;
        for (int target : plan) {
            if (target < 0) {
                Thread.sleep(random.nextInt(1500));
            } else {
                run = awaitRow(root, target, p);
                Thread.sleep(random.nextInt(3)); // 0-2 ms: inside the step, the row write or the checkpoint
            }
            p.destroyForcibly().waitFor();
            if (run != null && hasTemporaryCheckpoint(run)) {
                killedMidCheckpoint++;
            }
            if (run == null) {
                run = RunDirectory.list(root).isEmpty() ? null : RunDirectory.list(root).get(0);
            }
            p = run == null || RunDirectory.open(run).checkpoints().isEmpty()
                    ? start("train", "--preset", preset.toString(), "--out", root.toString())
                    : start("train", "--resume", run.toString());
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the last resume finishes");
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("log.txt")));
        assertEquals(1, RunDirectory.list(root).size(), "one run folder throughout");
        System.out.println("KillResumeTest: " + KILLS + " kills, " + killedMidCheckpoint
                + " left a checkpoint half-written");

        List<StepMetrics> a = RunDirectory.open(straight).readMetrics();
        List<StepMetrics> b = RunDirectory.open(run).readMetrics();
        List<Long> steps = b.stream().map(StepMetrics::step).toList();
        List<Long> expected = new ArrayList<>();
        for (long s = 1; s <= STEPS; s++) {
            expected.add(s);
        }
        assertEquals(expected, steps, "one row per step, in order, none repeated or missing");
        int timings = StepMetrics.COLUMNS.indexOf("samples_per_s");
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(Arrays.copyOf(a.get(i).values(), timings), Arrays.copyOf(b.get(i).values(), timings),
                    "row of step " + (i + 1));
        }
        for (String file : List.of(GanTrainer.GENERATOR_FILE, GanTrainer.CRITIC_FILE)) {
            assertArrayEquals(lastCheckpoint(straight, file), lastCheckpoint(run, file), file);
        }
        assertEquals("finished", RunDirectory.open(run).readSummary().get("status").getAsString());
    }

    private Process start(String... args) throws IOException {
        return CliRun.start(tmp.resolve("log.txt"), args);
    }

    /** Waits until the run's metrics.csv has a row at or past the step, and returns the run folder. */
    private static Path awaitRow(Path root, int step, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            List<Path> runs = RunDirectory.list(root);
            if (!runs.isEmpty()) {
                List<String> lines = Files.readAllLines(runs.get(0).resolve(RunDirectory.METRICS));
                for (int i = lines.size() - 1; i >= Math.max(1, lines.size() - 3); i--) {
                    String[] cells = lines.get(i).split(",");
                    if (cells.length == StepMetrics.COLUMNS.size() && Long.parseLong(cells[0]) >= step) {
                        return runs.get(0);
                    }
                }
            }
            if (!p.isAlive()) {
                throw new AssertionError("the trainer ended before step " + step + " (exit " + p.exitValue() + ")");
            }
            Thread.sleep(1);
        }
        throw new AssertionError("no row at step " + step + " within 120 s");
    }

    private static boolean hasTemporaryCheckpoint(Path run) throws IOException {
        try (var s = Files.list(run.resolve(RunDirectory.CHECKPOINTS))) {
            return s.anyMatch(f -> f.getFileName().toString().startsWith(".tmp-"));
        }
    }

    private static byte[] lastCheckpoint(Path run, String file) throws IOException {
        return Files.readAllBytes(RunDirectory.open(run).latestCheckpoint().orElseThrow().resolve(file));
    }
}
