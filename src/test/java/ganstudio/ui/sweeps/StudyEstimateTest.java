package ganstudio.ui.sweeps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.config.Presets;
import ganstudio.config.RunConfig;
import ganstudio.sweep.SweepFolder;
import ganstudio.sweep.SweepPlan;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new study's time from known rates: ring8-gan as nsgan measured at 0.02 s a step plus 5 s of start-up and
 * evaluation, as wgan at 0.06 s a step plus 4 s; the study is 2 variants x 2 seeds of 300 steps, so an nsgan
 * task takes 5 + 0.02 x 300 = 11 s and a wgan task 4 + 0.06 x 300 = 22 s, 66 s in all.
 */
class StudyEstimateTest {

    private final Presets presets = new Presets(Paths.get("models"));
    private final RunConfig nsgan = presets.load("ring8-gan");
    private final RunConfig wgan = nsgan.with("objective.kind", "wgan");

    private SweepPlan plan() {
        StudyDraft d = new StudyDraft("gan", "ring8-gan", nsgan.with("steps", "300"), "est",
                List.of(new StudyDraft.Axis("objective.kind", "nsgan, wgan")), 2);
        return d.check(presets).plan();
    }

    private static MachineRates.MeasuredRun run(String preset, RunConfig c, double perStep, double fixed) {
        return new MachineRates.MeasuredRun(Path.of("r"), preset, c, 1000, perStep * 1000, perStep * 1000 + fixed);
    }

    @Test
    void eachVariantFromTheRunsWithItsValuesSharedAmongTheTasksAtOnce() {
        List<MachineRates.MeasuredRun> rates = List.of(run("ring8-gan", nsgan, 0.02, 5),
                run("ring8-gan", wgan, 0.06, 4), run("ring8-wgan", wgan, 1, 1));
        StudyEstimate e = StudyEstimate.of(plan(), rates, 2);
        assertEquals(33, e.seconds(), 1e-9, "66 s over 2 at once; the longest task is 22 s");
        assertEquals("about 33 s with 2 tasks at once", e.text());
        assertEquals("From 2 finished runs on this machine with each variant's preset and values: their median "
                + "time per step times each task's length, plus their median start-up and evaluation. As measured "
                + "then; tasks sharing the cores may run slower.", e.basis());
        assertEquals(66, StudyEstimate.of(plan(), rates, 1).seconds(), 1e-9);
        assertEquals(22, StudyEstimate.of(plan(), rates, 8).seconds(), 1e-9, "never less than the longest task");
    }

    @Test
    void aVariantWithoutItsOwnRunsTakesThePresetsAndSaysSo() {
        StudyEstimate e = StudyEstimate.of(plan(), List.of(run("ring8-gan", nsgan, 0.02, 5)), 1);
        assertEquals(44, e.seconds(), 1e-9, "all four tasks at the nsgan pace: 4 x 11 s");
        assertEquals("about 44 s with 1 task at once", e.text());
        assertTrue(e.basis().startsWith("From 1 finished run of the same preset on this machine (1 of 2 variants "
                + "matched on the varied values)"), e.basis());
    }

    @Test
    void withoutARunOfThePresetTheTimeIsUnknownAndSaysWhy() {
        StudyEstimate e = StudyEstimate.of(plan(), List.of(run("ring8-wgan", wgan, 0.06, 4)), 2);
        assertTrue(Double.isNaN(e.seconds()));
        assertEquals("unknown", e.text());
        assertEquals("no finished run of ring8-gan on this machine to measure its rate (the runs folder and earlier "
                + "sweeps); train one, then open this dialog again", e.basis());
    }

    @Test
    void onSlurmOnlyTheComputeIsEstimated() {
        List<MachineRates.MeasuredRun> rates = List.of(run("ring8-gan", nsgan, 0.02, 5),
                run("ring8-gan", wgan, 0.06, 4));
        assertEquals("about 1 min of compute in all on Slurm (22 s for the longest task at this machine's pace); "
                + "the queue sets the wall time", StudyEstimate.of(plan(), rates, 0).text());
        assertEquals(List.of("45 s", "12 min", "3 h 05 min"), List.of(StudyEstimate.duration(45),
                StudyEstimate.duration(719), StudyEstimate.duration(3 * 3600 + 5 * 60)));
    }

    @Test
    void finishedTasksOfEarlierSweepsAreMeasuredFromTheirFiles(@TempDir Path tmp) throws Exception {
        SweepFolder sweep = SweepFixture.create(tmp.resolve("sweeps"));
        try (var running = SweepFixture.populate(sweep)) {
            List<MachineRates.MeasuredRun> runs = MachineRates.scan(tmp.resolve("runs"), tmp.resolve("sweeps"));
            assertEquals(2, runs.size(), "tasks 0 and 1 finished; task 2 still runs");
            for (MachineRates.MeasuredRun r : runs) {
                assertEquals("ring8-gan", r.preset());
                assertEquals(0.1, r.secondsPerUnit(), 1e-12, "wall_s 30 at step 300");
            }
            assertEquals(List.of(10.0, 30.0), runs.stream().map(MachineRates.MeasuredRun::fixedSeconds).sorted()
                    .toList(), "40 s and 60 s in all, 30 of them training");
        }
    }
}
