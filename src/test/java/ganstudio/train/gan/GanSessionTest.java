package ganstudio.train.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;

import ganstudio.config.RunConfig;
import ganstudio.media.Frame;
import ganstudio.metrics.ModeReadout;
import ganstudio.metrics.StepMetrics;
import ganstudio.runs.RunDirectory;
import ganstudio.train.ResumeRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short ring8 run end to end: the run directory, resume, failures and stop. */
class GanSessionTest {

    private static RunConfig shortRun() {
        return GanTrainerTest.small("wgan-gp").with("name", "e2e").with("objective.nCritic", "5").with("steps", "40").with("log.every", "10")
                .with("log.frameEvery", "20").with("log.checkpointEvery", "20").with("eval.samples", "500");
    }

    @Test
    void runDirectoryHoldsEverythingAndResumeContinues(@TempDir Path root) throws Exception {
        List<StepMetrics> seen = new CopyOnWriteArrayList<>();
        List<Frame> frames = new CopyOnWriteArrayList<>();
        GanSession s = GanSession.create(shortRun(), root, "test");
        s.addListener(new GanListener() {
            @Override
            public void onMetrics(StepMetrics m) {
                seen.add(m);
            }

            @Override
            public void onFrame(Frame f) {
                frames.add(f);
            }
        });
        assertEquals("finished", s.runHere());
        Path dir = s.getRunDir();
        RunDirectory run = RunDirectory.open(dir);
        assertEquals(shortRun(), run.readConfig());
        assertEquals("test", run.readRunInfo().get("preset").getAsString());
        List<Long> steps = run.readMetrics().stream().map(StepMetrics::step).collect(Collectors.toList());
        assertEquals(List.of(1L, 10L, 20L, 30L, 40L), steps);
        assertEquals(5, seen.size());
        assertEquals(List.of(0L, 20L, 40L), run.frameSteps());
        assertEquals(List.of(0L, 20L, 40L), frames.stream().map(Frame::step).collect(Collectors.toList()));
        assertTrue(frames.get(0).isTwoDimensional());
        // Every saved frame's mode coverage is kept beside its PNG, so an opened run shows the same line.
        assertEquals(8, frames.get(2).modes());
        assertTrue(frames.get(2).hasModeCoverage());
        assertEquals(List.of(0L, 20L, 40L), List.copyOf(run.readModes().keySet()));
        assertEquals(ModeReadout.of(frames.get(2)), run.readModes().get(40L));
        assertTrue(Files.size(dir.resolve(RunDirectory.FIXED_NOISE)) > 0);
        assertEquals("step-000000040", run.latestCheckpoint().orElseThrow().getFileName().toString());
        JsonObject summary = run.readSummary();
        assertEquals("finished", summary.get("status").getAsString());
        assertEquals(40, summary.get("steps").getAsInt());
        assertEquals(8, summary.getAsJsonObject("eval").get("modes").getAsInt());
        assertEquals(200, summary.get("criticIterations").getAsInt());
        byte[] noise = Files.readAllBytes(dir.resolve(RunDirectory.FIXED_NOISE));

        GanSession resumed = GanSession.resume(dir, new ResumeRequest(60, false, null));
        assertEquals("finished", resumed.runHere());
        List<Long> after = run.readMetrics().stream().map(StepMetrics::step).collect(Collectors.toList());
        assertEquals(List.of(1L, 10L, 20L, 30L, 40L, 50L, 60L), after);
        assertEquals(300, run.readMetrics().get(6).criticIterations());
        assertEquals(60, run.readSummary().get("steps").getAsInt());
        assertEquals(List.of(0L, 20L, 40L, 60L), run.frameSteps());
        assertEquals(List.of(0L, 20L, 40L, 60L), List.copyOf(run.readModes().keySet()));
        assertTrue(java.util.Arrays.equals(noise, Files.readAllBytes(dir.resolve(RunDirectory.FIXED_NOISE))));
        assertTrue(run.readEvents().contains(new RunDirectory.Event(40,
                "resumed from step 40 (steps 40 -> 60; scheduleSteps 0 -> 40)")), run.readEvents().toString());
        // run.log: both sessions' lines, the resumed one appended after the first
        List<String> log = Files.readAllLines(dir.resolve(ganstudio.logs.Logs.RUN_LOG));
        List<String> said = log.stream().filter(l -> l.contains(" Session: ")).map(l -> l.split(" Session: ")[1])
                .collect(Collectors.toList());
        String device = run.readRunInfo().get("device").getAsString();
        assertEquals(List.of("started e2e at step 0 of 40 on " + device, "step 20: checkpoint at step 20",
                "step 40: checkpoint at step 40", "finished at step 40",
                "resumed e2e at step 40 of 60 on " + device, "step 60: checkpoint at step 60",
                "finished at step 60"), said);
    }

    @Test
    void missingDataFailsBeforeAnyRunDirectoryExists(@TempDir Path root) throws Exception {
        RunConfig c = shortRun().with("data.kind", "folder").with("data.path", root.resolve("nope").toString());
        GanSession s = GanSession.create(c, root.resolve("runs"), "test");
        assertEquals("failed", s.runHere());
        assertTrue(s.getReason().contains("nope"), s.getReason());
        assertNull(s.getRunDir());
        assertTrue(!Files.exists(root.resolve("runs")) || Files.list(root.resolve("runs")).findAny().isEmpty());
    }

    @Test
    void stopEndsTheRunWithACheckpointAndSummary(@TempDir Path root) throws Exception {
        RunConfig c = shortRun().with("steps", "100000");
        GanSession s = GanSession.create(c, root, "test");
        s.addListener(new GanListener() {
            @Override
            public void onMetrics(StepMetrics m) {
                if (m.step() >= 20) {
                    s.control().stop();
                }
            }
        });
        assertEquals("stopped", s.runHere());
        RunDirectory run = RunDirectory.open(s.getRunDir());
        JsonObject summary = run.readSummary();
        assertEquals("stopped", summary.get("status").getAsString());
        assertTrue(summary.get("reason").getAsString().startsWith("stopped by the user at step"));
        assertTrue(run.latestCheckpoint().isPresent());
        // The Stop button still evaluates: mode coverage of the stopped 2D run is in the summary.
        assertTrue(summary.has("eval"), summary.toString());
    }

    @Test
    void stopForExitSkipsTheEvaluationAndSaysHowToRunIt(@TempDir Path root) throws Exception {
        RunConfig c = shortRun().with("steps", "100000");
        GanSession s = GanSession.create(c, root, "test");
        s.addListener(new GanListener() {
            @Override
            public void onMetrics(StepMetrics m) {
                if (m.step() >= 5) {
                    s.control().stopForExit();
                }
            }
        });
        assertEquals("stopped", s.runHere());
        JsonObject summary = RunDirectory.open(s.getRunDir()).readSummary();
        assertEquals("stopped", summary.get("status").getAsString());
        assertFalse(summary.has("eval"), summary.toString());
        String reason = summary.get("reason").getAsString();
        assertTrue(reason.startsWith("stopped by the user at step"), reason);
        assertTrue(reason.endsWith("evaluation skipped, run `eval " + s.getRunDir() + "` for it"), reason);
        assertEquals(reason, s.getReason());
    }

    @Test
    void pauseAndSingleSteps(@TempDir Path root) throws Exception {
        RunConfig c = shortRun().with("steps", "100000");
        GanSession s = GanSession.create(c, root, "test");
        List<Long> steps = new CopyOnWriteArrayList<>();
        s.addListener(new GanListener() {
            @Override
            public void onMetrics(StepMetrics m) {
                steps.add(m.step());
            }
        });
        s.control().pause();
        s.start();
        s.control().stepOnce();
        s.control().stepOnce();
        long deadline = System.currentTimeMillis() + 30_000;
        while (steps.size() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(300);
        // Paused: exactly the two requested steps ran, each logged.
        assertEquals(List.of(1L, 2L), steps);
        s.control().stop();
        s.join();
        assertEquals("stopped", s.getStatus());
    }

    @Test
    void criticStepsAndACheckpointWhilePaused(@TempDir Path root) throws Exception {
        RunConfig c = shortRun().with("steps", "100000"); // n_critic = 5
        GanSession s = GanSession.create(c, root, "test");
        List<StepMetrics> rows = new CopyOnWriteArrayList<>();
        List<String> events = new CopyOnWriteArrayList<>();
        s.addListener(new GanListener() {
            @Override
            public void onMetrics(StepMetrics m) {
                rows.add(m);
            }

            @Override
            public void onEvent(long step, String text) {
                events.add(step + ": " + text);
            }
        });
        s.control().pause();
        s.start();
        s.control().requestCheckpoint();
        awaitSize(events, 1);
        assertEquals(List.of("0: checkpoint at step 0"), events);
        s.control().stepCritic();
        s.control().stepCritic();
        s.control().stepOnce();
        s.control().requestCheckpoint();
        awaitSize(events, 2);
        Thread.sleep(300);
        // Two lone critic iterations at step 0, then one generator iteration with its five.
        assertEquals(List.of("0/1", "0/2", "1/7"), rows.stream().map(m -> m.step() + "/" + m.criticIterations())
                .collect(Collectors.toList()));
        assertEquals(List.of("0: checkpoint at step 0", "1: checkpoint at step 1"), events);
        s.control().stop();
        s.join();
        RunDirectory run = RunDirectory.open(s.getRunDir());
        assertEquals(List.of(0L, 0L, 1L), run.readMetrics().stream().map(StepMetrics::step).collect(Collectors.toList()));
        assertTrue(Files.isDirectory(run.getPath().resolve("checkpoints/step-000000000")));
        assertEquals(7, run.readSummary().get("criticIterations").getAsInt());
    }

    private static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (list.size() < size && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }
}
