package ganstudio.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;

import ganstudio.config.Json;
import ganstudio.config.Presets;
import ganstudio.config.UserError;
import ganstudio.metrics.StepMetrics;
import ganstudio.runs.RunDirectory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps on a real Slurm: the one-node cluster of src/slurm/local-cluster.sh, started here when none answers (and
 * stopped again only then). Skipped without Slurm's commands or a cluster, except under CI=true, where that fails.
 * Tasks are tiny ring8 GANs, one CPU each, two at once on the development machine's two cores.
 */
class SlurmSweepTest {

    private static final Path LOCAL_CLUSTER = Paths.get("/tmp/ganstudio-slurm");
    private static final String TINY = "\"batchSize\": 64, \"model.gWidth\": 32, \"model.dWidth\": 32, "
            + "\"model.depth\": 2, \"log.every\": 1, \"log.frameEvery\": 100, \"log.heatmap\": 16, "
            + "\"log.noiseBank\": 64, \"eval.samples\": 200";

    private static SlurmClient client;
    private static boolean startedHere;

    @TempDir
    Path tmp;

    @BeforeAll
    static void cluster() throws Exception {
        SlurmClient onPath = SlurmClient.fromEnvironment();
        if (onPath.locate("sbatch").isEmpty()) {
            unavailable("sbatch is not installed (apt-get install -y --no-install-recommends slurmctld slurmd "
                    + "slurm-client munge)");
        }
        String env = System.getenv("SLURM_CONF");
        if (env != null && !Files.isRegularFile(Paths.get(env))) {
            unavailable("SLURM_CONF=" + env + " names no file");
        }
        Path local = LOCAL_CLUSTER.resolve("slurm.conf");
        Path conf = env != null ? Paths.get(env) : Files.exists(local) ? local : null;
        client = SlurmClient.builder().optConf(conf).optTimeoutSeconds(60).build();
        if (!answers(client)) {
            if (env != null) {
                unavailable("no Slurm cluster answers at SLURM_CONF=" + env + " (sinfo)");
            }
            Process p = new ProcessBuilder("bash", "src/slurm/local-cluster.sh", "start").redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                unavailable("src/slurm/local-cluster.sh start failed: " + out.strip());
            }
            startedHere = true;
            client = SlurmClient.builder().optConf(local).optTimeoutSeconds(60).build();
            if (!answers(client)) {
                unavailable("the local cluster started but does not answer (sinfo); see " + LOCAL_CLUSTER);
            }
        }
    }

    @AfterAll
    static void stopWhatWasStartedHere() throws Exception {
        if (startedHere) {
            Process p = new ProcessBuilder("bash", "src/slurm/local-cluster.sh", "stop").inheritIO().start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the local cluster stops");
        }
    }

    private static boolean answers(SlurmClient c) {
        try {
            SlurmClient.Result r = c.run("sinfo", List.of("-h", "-o", "%T"));
            return r.code() == 0 && !r.out().isBlank();
        } catch (UserError e) {
            return false;
        }
    }

    private static void unavailable(String why) {
        String message = why + "; start a cluster with src/slurm/local-cluster.sh start";
        if ("true".equals(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
    }

    private SweepFolder sweep(String body) {
        String text = "{\"name\": \"slurm-e2e\", \"presets\": [\"ring8-gan\"], " + body + "}";
        SweepSpec spec = SweepSpec.parse(text, "slurm-e2e.json");
        return SweepFolder.create(tmp, SweepPlan.expand(spec, Presets.locate(), Json.parse(text, "slurm-e2e.json")
                .getAsJsonObject()));
    }

    @Test
    void aSweepOnSlurmRunsEveryTaskThenTheReportJob() throws Exception {
        SweepFolder s = sweep("\"seeds\": 4, \"set\": {\"steps\": 60, \"log.checkpointEvery\": 20, " + TINY + "}");
        SlurmExecutor e = SlurmExecutor.builder().optClient(client).optMaxRunning(2).optTime("10").optMem("2G")
                .build();
        SlurmExecutorTest.Notes notes = new SlurmExecutorTest.Notes();
        long t0 = System.nanoTime();
        assertTrue(e.execute(s, s.getPlan().tasks(), notes), notes.notes.toString());
        SlurmSubmission sub = SlurmSubmission.read(s.getPath()).get(0);
        assertEquals(List.of(0, 1, 2, 3), sub.tasks());

        SlurmQueue.Snapshot end = awaitEnd(s, 4);
        System.out.printf("SlurmSweepTest: 4 tasks and the report on Slurm in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        for (SweepTask t : s.getPlan().tasks()) {
            assertEquals(TaskState.Kind.DONE, s.state(t).kind(), "task " + t.index() + ": " + log(s, t));
            assertEquals("COMPLETED", end.tasks().get(t.index()).state(), "task " + t.index() + "'s job");
            assertEquals(sub.arrayJob() + "_" + t.index(), end.tasks().get(t.index()).id());
            assertTrue(Files.readString(s.logFile(t)).contains("sweep slurm-e2e task " + t.index()),
                    "the element's output goes to its task's log");
        }
        SlurmQueue.Job report = end.report().orElseThrow();
        assertEquals(sub.reportJob(), report.id());
        assertEquals("COMPLETED", report.state(), report.toString());
        assertEquals("0:0", report.exitCode(), "`sweep report` exited 0");
        assertTrue(Files.exists(s.getPath().resolve("logs").resolve(SlurmExecutor.REPORT_LOG)));
        // The report job's report: the four seeds' own final evaluations, in seed order.
        assertTrue(Files.exists(s.getPath().resolve(SweepReport.MARKDOWN)));
        com.google.gson.JsonObject row = com.google.gson.JsonParser.parseString(Files.readString(
                s.getPath().resolve(SweepReport.JSON))).getAsJsonObject().getAsJsonArray("variants").get(0)
                .getAsJsonObject();
        assertEquals(4, row.get("done").getAsInt());
        List<Double> expected = new java.util.ArrayList<>();
        for (SweepTask t : s.getPlan().tasks()) {
            expected.add(ganstudio.runs.RunDirectory.open(s.taskDir(t)).readSummary().getAsJsonObject("eval")
                    .get("modesCaptured").getAsDouble());
        }
        List<Double> reported = new java.util.ArrayList<>();
        row.getAsJsonObject("figures").getAsJsonObject("modes").getAsJsonArray("values")
                .forEach(v -> reported.add(v.getAsDouble()));
        assertEquals(expected, reported);
    }

    @Test
    void aRequeuedTaskResumesFromItsCheckpointAndEndsAsIfNeverStopped() throws Exception {
        // two variants with the same settings: task 1 is task 0's twin, so task 0 is the run never interrupted
        SweepFolder s = sweep("\"seeds\": [5], \"variants\": [{\"label\": \"straight\", \"set\": {}}, "
                + "{\"label\": \"requeued\", \"set\": {}}], \"set\": {\"steps\": 1500, \"log.checkpointEvery\": 100, "
                + TINY + "}");
        SlurmExecutor e = SlurmExecutor.builder().optClient(client).build();
        long t0 = System.nanoTime();
        assertTrue(e.execute(s, s.getPlan().tasks(), new SlurmExecutorTest.Notes()));
        String job = SlurmSubmission.read(s.getPath()).get(0).arrayJob() + "_1";
        SweepTask twin = s.getPlan().task(1);

        awaitRows(s, twin, 250); // past a checkpoint, far from the end
        SlurmClient.Result r = client.run("scontrol", List.of("requeue", job));
        assertEquals(0, r.code(), r.toString());
        letRequeuedJobStart(job, s.taskDir(twin), () -> log(s, twin));

        awaitEnd(s, 2);
        System.out.printf("SlurmSweepTest: requeue round in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        Path straight = s.taskDir(s.getPlan().task(0));
        Path requeued = s.taskDir(twin);
        assertEquals(TaskState.Kind.DONE, s.state(twin).kind(), log(s, twin));
        assertTrue(Files.readString(s.logFile(twin)).contains("DUE TO JOB REQUEUE"), log(s, twin));
        List<String> events = RunDirectory.open(requeued).readEvents().stream().map(Object::toString).toList();
        assertTrue(events.stream().anyMatch(x -> x.contains("resumed from step")), events.toString());

        List<StepMetrics> a = RunDirectory.open(straight).readMetrics();
        List<StepMetrics> b = RunDirectory.open(requeued).readMetrics();
        assertEquals(LongStream.rangeClosed(1, 1500).boxed().toList(), b.stream().map(StepMetrics::step).toList(),
                "one row per step, none repeated or missing");
        int timings = StepMetrics.COLUMNS.indexOf("samples_per_s");
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(Arrays.copyOf(a.get(i).values(), timings), Arrays.copyOf(b.get(i).values(), timings),
                    "row of step " + (i + 1));
        }
        JsonObject sa = RunDirectory.open(straight).readSummary();
        JsonObject sb = RunDirectory.open(requeued).readSummary();
        assertEquals(sa.get("eval"), sb.get("eval"), "the same final evaluation");
    }

    /** Polls Slurm until the array's elements and the report job have all ended (5 minutes at most). */
    private SlurmQueue.Snapshot awaitEnd(SweepFolder s, int tasks) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        SlurmQueue.Snapshot last = null;
        while (System.nanoTime() < deadline) {
            last = SlurmQueue.poll(s, client);
            assertEquals(List.of(), last.notes());
            boolean ended = last.tasks().size() == tasks
                    && last.tasks().values().stream().noneMatch(SlurmQueue.Job::isActive)
                    && last.report().isPresent() && !last.report().get().isActive();
            if (ended) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the jobs did not end within 5 minutes: " + last + "\n" + logs(s));
    }

    /** Waits until the task's run has metrics rows up to the step while its Slurm job runs. */
    private static void awaitRows(SweepFolder s, SweepTask t, long step) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        Path metrics = s.taskDir(t).resolve(RunDirectory.METRICS);
        while (System.nanoTime() < deadline) {
            if (Files.exists(metrics)) {
                List<String> lines = Files.readAllLines(metrics);
                String last = lines.get(lines.size() - 1);
                if (lines.size() > 1 && last.contains(",") && Long.parseLong(last.split(",")[0]) >= step) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("task " + t.index() + " did not reach step " + step + ": " + log(s, t));
    }

    /**
     * Slurm holds a requeued job back for about two minutes (its begin time moves on); a cluster's scheduler would
     * wait them out, the test starts it as soon as the first instance has released the task's run folder. On
     * failure the message carries the task's log.
     */
    private static void letRequeuedJobStart(String job, Path taskDir, java.util.function.Supplier<String> taskLog)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String line = "";
        while (System.nanoTime() < deadline) {
            line = client.run("scontrol", List.of("show", "job", "-o", job)).out();
            boolean again = !line.contains(" Restarts=0 ");
            if (again && (line.contains(" JobState=RUNNING ") || line.contains(" JobState=COMPLETED "))) {
                return;
            }
            // Not before the first instance has let go of its run: a scheduler's hold would have outlasted it.
            if (again && line.contains(" JobState=PENDING ") && line.contains(" Reason=BeginTime ")
                    && RunDirectory.writer(taskDir).isEmpty()) {
                SlurmClient.Result r = client.run("scontrol", List.of("update", "JobId=" + job, "StartTime=now"));
                assertEquals(0, r.code(), r.toString());
            }
            Thread.sleep(250);
        }
        throw new AssertionError(job + " did not start again within 90 s after its requeue: " + line + "\ntask log:\n"
                + taskLog.get());
    }

    private static String log(SweepFolder s, SweepTask t) {
        try {
            return Files.exists(s.logFile(t)) ? Files.readString(s.logFile(t)) : "(no log " + s.logFile(t) + ")";
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String logs(SweepFolder s) {
        List<String> out = new ArrayList<>();
        s.getPlan().tasks().forEach(t -> out.add("--- task " + t.index() + "\n" + log(s, t)));
        return String.join("\n", out);
    }
}
