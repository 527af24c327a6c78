package ganstudio.ui.sweeps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.runs.RunDirectory;
import ganstudio.sweep.SlurmQueue;
import ganstudio.sweep.SlurmSubmission;
import ganstudio.sweep.SweepFolder;
import ganstudio.sweep.SweepReport;
import ganstudio.sweep.TaskState;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Sweeps tab shows of a sweep folder, look after look (see {@link SweepFixture} for the folder). */
class SweepWatchTest {

    @TempDir
    Path tmp;

    private SweepFolder sweep;
    private RunDirectory running;

    @BeforeEach
    void writeSweep() throws Exception {
        sweep = SweepFixture.create(tmp);
        running = SweepFixture.populate(sweep);
    }

    @AfterEach
    void release() {
        running.close();
    }

    @Test
    void eachTaskHasItsStateAndProgressTheRunningOneFromItsNewestMetricsRow() {
        SweepSnapshot s = new SweepWatch(sweep).look();
        assertEquals("uifake", s.name());
        assertEquals("local", s.executor());
        assertEquals(List.of(TaskState.Kind.DONE, TaskState.Kind.DONE, TaskState.Kind.RUNNING, TaskState.Kind.QUEUED),
                s.tasks().stream().map(TaskRow::kind).toList());
        assertEquals(List.of("300 / 300", "300 / 300", "150 / 300", "0 / 300"),
                s.tasks().stream().map(TaskRow::progressText).toList());
        assertEquals(List.of(1.0, 1.0, 0.5, 0.0), s.tasks().stream().map(TaskRow::fraction).toList());
        assertEquals(List.of("objective.kind=nsgan", "objective.kind=nsgan", "objective.kind=wgan",
                "objective.kind=wgan"), s.tasks().stream().map(TaskRow::variantLabel).toList());
        assertEquals(List.of(1L, 2L, 1L, 2L), s.tasks().stream().map(TaskRow::seed).toList());
        assertEquals("objective.kind=", TaskRow.sharedKey(s.tasks()), "one key varied: the column shows its values");
        assertEquals(List.of(true, true, true, false), s.tasks().stream().map(TaskRow::hasRun).toList());
        assertEquals("4 tasks: 1 queued, 1 running, 2 done", s.countsText());
        assertEquals(List.of(), s.figures(), "no report yet");
        assertEquals(List.of(), s.plots());
        assertEquals(List.of(2, 0), List.of(s.variants().get(0).count(TaskState.Kind.DONE),
                s.variants().get(1).count(TaskState.Kind.DONE)));
        assertEquals(Optional.of(sweep.taskDir(sweep.getPlan().task(0))), s.variants().get(0).compareRun());
        assertEquals(Optional.of(sweep.taskDir(sweep.getPlan().task(2))), s.variants().get(1).compareRun(),
                "without a done seed, the first seed with a run");
    }

    @Test
    void theReportsFiguresAndPlotsFollowWhenItIsRewritten() throws Exception {
        SweepWatch watch = new SweepWatch(sweep);
        assertEquals(List.of(), watch.look().figures());
        SweepReport.compute(sweep).write();
        SweepSnapshot s = watch.look();
        assertEquals(List.of("modes", "highQuality", "kl", "allModesStep", "gapStd", "gapRange"),
                s.figures().stream().map(ReportTable.Column::key).toList());
        VariantRow nsgan = s.variants().get(0);
        assertEquals("7 ± 1.4", nsgan.figure("modes").text(), "modes 6 and 8: mean 7, sample std √2");
        assertEquals("seed 1: 6, seed 2: 8", nsgan.figure("modes").perSeed());
        assertEquals("75.0 ± 35.4", nsgan.figure("highQuality").text(), "50 % and 100 %");
        assertEquals(50.0, nsgan.wallSeconds(), "the mean of 40 s and 60 s");
        assertEquals("—", s.variants().get(1).figure("modes").text(), "no done seed");
        assertTrue(Double.isNaN(s.variants().get(1).wallSeconds()));
        assertTrue(s.plots().stream().anyMatch(p -> p.file().getFileName().toString().equals("plot-critic-loss.png")),
                s.plots().toString());
        for (SweepSnapshot.PlotFile p : s.plots()) {
            assertTrue(Files.isRegularFile(p.file()) && p.file().getParent().equals(sweep.getPath()), p.toString());
        }
    }

    @Test
    void aReportThatMissesTasksEndedWellBeforeSaysSoAndWritingItAgainCatchesUp() throws Exception {
        SweepReport.compute(sweep).write();
        SweepWatch watch = new SweepWatch(sweep);
        assertFalse(watch.look().reportBehind(), "the report counts both done tasks");
        SweepFixture.finished(sweep, 3, 7, 0.25, 30);
        assertFalse(watch.look().reportBehind(), "just ended: its own process is rewriting the report");
        // the task ended a while ago, after the report was last written, and its process never rewrote it
        long now = System.currentTimeMillis();
        Files.setLastModifiedTime(sweep.getPath().resolve(SweepReport.JSON),
                FileTime.fromMillis(now - SweepWatch.REPORT_GRACE_MILLIS - 60_000));
        Files.setLastModifiedTime(sweep.taskDir(sweep.getPlan().task(3)).resolve(RunDirectory.SUMMARY),
                FileTime.fromMillis(now - SweepWatch.REPORT_GRACE_MILLIS - 5_000));
        SweepSnapshot behind = watch.look();
        assertTrue(behind.reportBehind());
        assertEquals(List.of("The report does not count every ended task yet (their processes stopped before "
                + "rewriting it): Write report brings it up to date."), behind.notes());
        SweepReport.compute(sweep).write();
        SweepSnapshot caughtUp = watch.look();
        assertFalse(caughtUp.reportBehind());
        assertEquals("7", caughtUp.variants().get(1).figure("modes").text());
    }

    @Test
    void aRunningTaskWhoseProcessEndsWithoutASummaryIsSeenAsKilled() {
        SweepWatch watch = new SweepWatch(sweep);
        assertEquals(TaskState.Kind.RUNNING, watch.look().tasks().get(2).kind());
        running.close();
        TaskRow t = watch.look().tasks().get(2);
        assertEquals(TaskState.Kind.KILLED, t.kind());
        assertEquals("ended without a final status (killed?)", t.detail());
        assertEquals("150 / 300", t.progressText(), "as far as it logged");
    }

    @Test
    void aSlurmSweepShowsEachTasksJobAndTheReportJobAskingSlurmEveryIntervalOrWhenATaskMoved() {
        new SlurmSubmission("2026-12-06T12:00:00Z", "77", "78", List.of(0, 1, 2, 3), List.of())
                .appendTo(sweep.getPath());
        AtomicInteger asked = new AtomicInteger();
        SweepWatch watch = new SweepWatch(sweep, f -> {
            asked.incrementAndGet();
            return new SlurmQueue.Snapshot(Map.of(2, new SlurmQueue.Job("77_2", "RUNNING", "None", ""),
                    3, new SlurmQueue.Job("77_3", "PENDING", "Resources", "")),
                    Optional.of(new SlurmQueue.Job("78", "PENDING", "Dependency", "")), List.of());
        }, 60_000);
        SweepSnapshot s = watch.look();
        watch.look();
        assertEquals(1, asked.get(), "the second look within a minute reuses Slurm's answer");
        assertEquals("slurm", s.executor());
        assertEquals(List.of("done", "done", "running · RUNNING, job 77_2", "queued · PENDING (Resources), job 77_3"),
                s.tasks().stream().map(TaskRow::stateText).toList());
        assertEquals(List.of("report job: PENDING (Dependency), job 78"), s.notes());
        running.close();
        assertEquals(TaskState.Kind.KILLED, watch.look().tasks().get(2).kind());
        assertEquals(2, asked.get(), "a task that ended in its folder has a job that moved: Slurm is asked at once");
    }
}
