package ganstudio.ui.sweeps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.config.Presets;
import ganstudio.sweep.SweepFolder;
import ganstudio.sweep.SweepPlan;
import ganstudio.sweep.TaskState;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study started from the studio: its folder and sweep file at once, its task run by a process of its own (the
 * CLI's `sweep --resume`), never in this JVM; Stop ends that process as Ctrl-C would, its task checkpointed.
 */
class StudyLauncherTest {

    private final Presets presets = new Presets(Paths.get("models"));

    @TempDir
    Path tmp;

    private StudyDraft.Checked study(String name, int steps) {
        StudyDraft d = new StudyDraft("gan", "ring8-gan", presets.load("ring8-gan").with("steps", String.valueOf(steps))
                .with("log.every", "10").with("log.checkpointEvery", "50").with("log.frameEvery", "1000")
                .with("eval.samples", "400"), name, List.of(), 1);
        StudyDraft.Checked c = d.check(presets);
        assertEquals(null, c.problem());
        return c;
    }

    @Test
    void theFolderAndTheSweepFileExistAtOnceAndTheTaskRunsInAProcessOfItsOwn() throws Exception {
        StudyDraft.Checked c = study("launched", 20);
        StudyLauncher launcher = new StudyLauncher();
        StudyLauncher.Started s = launcher.start(c.plan(), c.spec(), tmp, StudyLauncher.Where.local(1));
        Path dir = s.dir();
        assertEquals(tmp, dir.getParent());
        assertEquals(StudyDraft.pretty(c.spec()), Files.readString(dir.resolve(StudyLauncher.STUDY_FILE)));
        assertEquals(new SweepListing.Row(dir, dir.getFileName().toString(), "launched", 1, "local", true), s.row());
        assertTrue(s.note().startsWith("started on this machine, 1 task at once; its log: "), s.note());
        SweepFolder sweep = SweepFolder.open(dir);
        await("the task done by the sweep's process", 120, () -> !launcher.isRunningHere(dir));
        assertEquals(TaskState.Kind.DONE, sweep.state(sweep.getPlan().task(0)).kind(), log(dir));
        assertTrue(log(dir).contains("1 done"), log(dir));
        assertTrue(Files.isRegularFile(dir.resolve("report.json")), "the sweep wrote its report");
    }

    @Test
    void stopEndsTheSweepsProcessAndItsTaskKeepsACheckpointToResumeFrom() throws Exception {
        StudyDraft.Checked c = study("stopped", 100_000);
        StudyLauncher launcher = new StudyLauncher();
        Path dir = launcher.start(c.plan(), c.spec(), tmp, StudyLauncher.Where.local(1)).dir();
        SweepFolder sweep = SweepFolder.open(dir);
        Path metrics = sweep.taskDir(sweep.getPlan().task(0)).resolve("metrics.csv");
        await("the task past its first checkpoint", 120,
                () -> MetricsTail.read(metrics).map(r -> r.progress() >= 60).orElse(false));
        launcher.stop(dir);
        await("the sweep's process ended", 120, () -> !launcher.isRunningHere(dir));
        TaskState state = sweep.state(sweep.getPlan().task(0));
        assertEquals(TaskState.Kind.STOPPED, state.kind(), state.detail() + "\n" + log(dir));
        assertTrue(TaskState.hasCheckpoint(sweep.taskDir(sweep.getPlan().task(0))));
        assertFalse(SweepPlan.read(dir).tasks().isEmpty());
    }

    private static String log(Path dir) {
        try {
            return Files.readString(dir.resolve(SweepFolder.LOGS).resolve(StudyLauncher.SWEEP_LOG),
                    StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void await(String what, long seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + seconds + " s for " + what);
            }
            Thread.sleep(100);
        }
    }
}
