package ganstudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ganstudio.metrics.StepMetrics;
import ganstudio.runs.RunDirectory;
import ganstudio.sweep.SweepFolder;
import ganstudio.sweep.SweepPlan;
import ganstudio.sweep.SweepTask;
import ganstudio.sweep.TaskState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep command end to end on this machine: tasks as real processes of the app. */
class SweepCommandTest {

    @TempDir
    Path tmp;

    private Path file(String name, String json) throws Exception {
        return Files.writeString(tmp.resolve(name), json);
    }

    private static Path onlySweep(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            List<Path> all = s.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    @Test
    void aBadKeyInAnyTaskRefusesTheSweepBeforeAnythingIsWritten() throws Exception {
        Path f = file("bad.json", "{\"name\": \"bad\", \"presets\": [\"ring8-gan\"], \"grid\": {\"objective.kind\": "
                + "[\"nsgan\", \"wgam\"]}, \"seeds\": 3}");
        CliRun r = CliRun.of("sweep", f.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(Cli.BAD_INPUT, r.code());
        assertTrue(r.err().startsWith("error: bad: task 3 (ring8-gan, objective.kind=wgam, seed 1): objective.kind"),
                r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(tmp.resolve("out")));
        CliRun unknown = CliRun.of("sweep", f.toString(), "--parallel", "0");
        assertEquals(Cli.BAD_INPUT, unknown.code());
        assertTrue(unknown.err().contains("--parallel 0"), unknown.err());
        CliRun mixed = CliRun.of("sweep", f.toString(), "--partition", "cpu");
        assertEquals(Cli.BAD_INPUT, mixed.code());
        assertTrue(mixed.err().contains("go with --executor slurm"), mixed.err());
        CliRun slurmThreads = CliRun.of("sweep", f.toString(), "--executor", "slurm", "--parallel", "2");
        assertEquals(Cli.BAD_INPUT, slurmThreads.code());
        assertTrue(slurmThreads.err().contains("--max-running K"), slurmThreads.err());
        CliRun badTime = CliRun.of("sweep", f.toString(), "--executor", "slurm", "--time", "2h");
        assertEquals(Cli.BAD_INPUT, badTime.code());
        assertTrue(badTime.err().contains("--time 2h: not a Slurm time limit"), badTime.err());
        CliRun both = CliRun.of("sweep");
        assertEquals(Cli.BAD_INPUT, both.code());
        assertTrue(both.err().contains("sweep FILE or --resume DIR"), both.err());
    }

    @Test
    void aLocalSweepRunsEveryTaskIntoItsOwnRun() throws Exception {
        Path f = file("s.json", "{\"name\": \"small\", \"presets\": [\"ring8-gan\", \"grid25-gan\"], \"grid\": "
                + "{\"objective.kind\": [\"nsgan\", \"lsgan\"]}, \"seeds\": 2, \"set\": {\"steps\": 20, "
                + "\"log.every\": 5, \"eval.samples\": 400, \"log.frameEvery\": 1000}}");
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("sweep", f.toString(), "--out", out.toString(), "--parallel", "2");
        assertEquals(Cli.OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("4 variant(s) x 2 seed(s) = 8 task(s)"), r.out());
        assertTrue(r.out().contains("8 done"), r.out());
        SweepFolder sweep = SweepFolder.open(onlySweep(out));
        SweepPlan plan = sweep.getPlan();
        for (SweepTask t : plan.tasks()) {
            Path run = sweep.taskDir(t);
            assertEquals(TaskState.Kind.DONE, sweep.state(t).kind(), t.folder());
            RunDirectory d = RunDirectory.open(run);
            assertEquals(t.seed(), d.readConfig().getLong("seed"));
            assertEquals(plan.variant(t).settings().get("objective.kind"), d.readConfig().getString("objective.kind"));
            assertEquals(20, d.readSummary().get("steps").getAsInt());
            assertTrue(d.readSummary().has("eval"), t.folder());
            assertEquals(1, d.readConfig().getInt("threads"), "2 tasks at once on 2 cores: 1 thread each");
        }
        // The report's per-seed values are the runs' own final evaluations.
        JsonObject report = JsonParser.parseString(Files.readString(sweep.getPath().resolve("report.json")))
                .getAsJsonObject();
        assertEquals(4, report.getAsJsonArray("variants").size());
        for (SweepPlan.Variant v : plan.variants()) {
            JsonObject row = report.getAsJsonArray("variants").get(v.index()).getAsJsonObject();
            assertEquals(2, row.get("done").getAsInt());
            JsonObject modes = row.getAsJsonObject("figures").getAsJsonObject("modes");
            List<Double> expected = new ArrayList<>();
            for (SweepTask t : plan.tasksOf(v)) {
                expected.add(RunDirectory.open(sweep.taskDir(t)).readSummary().getAsJsonObject("eval")
                        .get("modesCaptured").getAsDouble());
            }
            List<Double> reported = new ArrayList<>();
            modes.getAsJsonArray("values").forEach(e -> reported.add(e.getAsDouble()));
            assertEquals(expected, reported, v.label());
            assertEquals((expected.get(0) + expected.get(1)) / 2, modes.get("mean").getAsDouble(), 1e-9);
        }
        assertTrue(Files.isRegularFile(sweep.getPath().resolve("report.md")));
        assertTrue(Files.isRegularFile(sweep.getPath().resolve("report.csv")));
        // Running it again does nothing: every task is done.
        CliRun again = CliRun.of("sweep", "--resume", sweep.getPath().toString());
        assertEquals(Cli.OK, again.code(), again.err());
        assertTrue(again.out().contains("0 of 8 task(s) to run (8 done"), again.out());
        CliRun status = CliRun.of("sweep", "status", sweep.getPath().toString());
        assertEquals(Cli.OK, status.code());
        assertTrue(status.out().contains("8 done"), status.out());
    }

    @Test
    void aKilledSweepResumesItsTasksFromTheirCheckpoints() throws Exception {
        Path f = file("k.json", "{\"name\": \"killed\", \"presets\": [\"ring8-gan\"], \"seeds\": 1, \"set\": "
                + "{\"steps\": 400, \"log.every\": 10, \"log.checkpointEvery\": 50, \"log.frameEvery\": 1000, "
                + "\"eval.samples\": 400}}");
        Path out = tmp.resolve("out");
        Process sweepProcess = start("sweep", f.toString(), "--out", out.toString(), "--parallel", "1");
        Path runDir = awaitSteps(out, 100, sweepProcess);
        sweepProcess.destroyForcibly(); // kill -9: the task process sees its launcher gone and stops with a checkpoint
        sweepProcess.waitFor(30, TimeUnit.SECONDS);
        SweepFolder sweep = SweepFolder.open(onlySweep(out));
        SweepTask task = sweep.getPlan().task(0);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (sweep.state(task).kind() == TaskState.Kind.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        TaskState stopped = sweep.state(task);
        assertEquals(TaskState.Kind.STOPPED, stopped.kind(), stopped.detail());
        assertTrue(stopped.step() >= 100 && stopped.step() < 400, "stopped at " + stopped.step());
        CliRun r = CliRun.of("sweep", "--resume", sweep.getPath().toString());
        assertEquals(Cli.OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("1 of 1 task(s) to run"), r.out());
        RunDirectory run = RunDirectory.open(runDir);
        assertEquals("finished", run.readSummary().get("status").getAsString());
        List<StepMetrics> rows = run.readMetrics();
        List<Long> steps = new ArrayList<>();
        rows.forEach(m -> steps.add(m.step()));
        List<Long> expected = new ArrayList<>(List.of(1L)); // the first step is always logged
        for (long s = 10; s <= 400; s += 10) {
            expected.add(s);
        }
        assertEquals(expected, steps, "one row per step: none repeated or missing across the kill");
        assertTrue(run.readEvents().stream().anyMatch(e -> e.text().startsWith("resumed from step")),
                run.readEvents().toString());
    }

    @Test
    void aTaskThatCannotStartIsFailedWithItsReasonAndTheSweepGoesOn() throws Exception {
        Path f = file("d.json", "{\"name\": \"baddata\", \"presets\": [\"ring8-gan\", \"fashion-dcgan\"], "
                + "\"set\": {\"steps\": 10, \"data.path\": \"" + tmp.resolve("none").toString().replace("\\", "/")
                + "\", \"eval.samples\": 300, \"eval.classifier\": \"none\"}}");
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("sweep", f.toString(), "--out", out.toString());
        assertEquals(Cli.FAILED, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("1 of 2 task(s) not done"), r.err());
        SweepFolder sweep = SweepFolder.open(onlySweep(out));
        assertEquals(TaskState.Kind.DONE, sweep.state(sweep.getPlan().task(0)).kind());
        TaskState failed = sweep.state(sweep.getPlan().task(1));
        assertEquals(TaskState.Kind.FAILED, failed.kind());
        assertTrue(failed.detail().contains("no such file or directory (set data.path"), failed.detail());
        JsonObject row = JsonParser.parseString(Files.readString(sweep.getPath().resolve("report.json")))
                .getAsJsonObject().getAsJsonArray("variants").get(1).getAsJsonObject();
        assertEquals(1, row.get("failed").getAsInt());
        // Kept on a resume unless asked; with --retry-failed it runs again (and fails again, for the same reason).
        CliRun kept = CliRun.of("sweep", "--resume", sweep.getPath().toString());
        assertTrue(kept.out().contains("0 of 2 task(s) to run (1 done, 0 running elsewhere, 1 failed and kept"),
                kept.out());
        CliRun retried = CliRun.of("sweep", "--resume", sweep.getPath().toString(), "--retry-failed");
        assertTrue(retried.out().contains("1 of 2 task(s) to run"), retried.out());
        assertEquals(TaskState.Kind.FAILED, sweep.state(sweep.getPlan().task(1)).kind());
    }

    @Test
    void aTaskThatSpendsItsTimeBudgetStopsEvaluatedAndCountsAsDone() throws Exception {
        Path f = file("b.json", "{\"name\": \"budget\", \"presets\": [\"ring8-gan\"], \"taskMinutes\": 0.1, "
                + "\"set\": {\"steps\": 1000000, \"eval.samples\": 400, \"log.frameEvery\": 100000}}");
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("sweep", f.toString(), "--out", out.toString());
        assertEquals(Cli.OK, r.code(), r.out() + r.err());
        SweepFolder sweep = SweepFolder.open(onlySweep(out));
        SweepTask t = sweep.getPlan().task(0);
        TaskState s = sweep.state(t);
        assertEquals(TaskState.Kind.DONE, s.kind(), s.detail());
        assertTrue(s.detail().startsWith("stopped at the sweep's time budget of 0.1 min at step "), s.detail());
        assertTrue(s.step() > 0 && s.step() < 1000000, "step " + s.step());
        JsonObject summary = RunDirectory.open(sweep.taskDir(t)).readSummary();
        assertEquals("stopped", summary.get("status").getAsString());
        assertTrue(summary.has("eval"), "evaluated on the weights it has");
        assertTrue(summary.get("wallSeconds").getAsDouble() < 30, summary.toString());
    }

    private Process start(String... args) throws IOException {
        return CliRun.start(tmp.resolve("log.txt"), args);
    }

    /** Waits until the sweep's only task has logged this step, and returns its run folder. */
    private Path awaitSteps(Path out, long step, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(out)) {
                try (Stream<Path> s = Files.list(out)) {
                    for (Path sweep : s.toList()) {
                        Path tasks = sweep.resolve(SweepFolder.TASKS);
                        if (Files.isDirectory(tasks)) {
                            try (Stream<Path> ts = Files.list(tasks)) {
                                for (Path run : ts.toList()) {
                                    if (RunDirectory.isRun(run) && lastStep(run) >= step) {
                                        return run;
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if (!p.isAlive()) {
                throw new AssertionError("the sweep ended early (exit " + p.exitValue() + "): "
                        + Files.readString(tmp.resolve("log.txt")));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no task reached step " + step + " within 300 s");
    }

    private static long lastStep(Path run) throws Exception {
        List<String> lines = Files.readAllLines(run.resolve(RunDirectory.METRICS));
        for (int i = lines.size() - 1; i >= 1; i--) {
            String[] cells = lines.get(i).split(",");
            if (cells.length == StepMetrics.COLUMNS.size()) {
                return Long.parseLong(cells[0]);
            }
        }
        return 0;
    }
}
