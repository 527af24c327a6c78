package ganstudio.ui.sweeps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.config.Presets;
import ganstudio.config.RunConfig;
import ganstudio.sweep.SweepPlan;
import ganstudio.sweep.SweepSpec;
import ganstudio.sweep.SweepTask;

import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;

/** "New study…" as a sweep file: the preset, the form's edits, the varied keys; checked as the CLI checks one. */
class StudyDraftTest {

    private final Presets presets = new Presets(Paths.get("models"));
    private final RunConfig setup = presets.load("ring8-gan").with("steps", "300").with("optD.lr", "2e-4");

    private StudyDraft draft(RunConfig config, String name, int seeds, StudyDraft.Axis... axes) {
        return new StudyDraft("gan", "ring8-gan", config, name, List.of(axes), seeds);
    }

    @Test
    void theSweepFileHasThePresetTheFormsEditsAsSetAndTheGrid() {
        StudyDraft d = draft(setup, "gan-vs-wgan", 2, new StudyDraft.Axis("objective.kind", "nsgan, wgan"),
                new StudyDraft.Axis("optG.lr", "1e-4,2e-4"));
        assertEquals("""
                {
                  "name": "gan-vs-wgan",
                  "description": "from the studio's GAN setup: ring8-gan with 2 settings changed",
                  "presets": [
                    "ring8-gan"
                  ],
                  "grid": {
                    "objective.kind": [
                      "nsgan",
                      "wgan"
                    ],
                    "optG.lr": [
                      1e-4,
                      2e-4
                    ]
                  },
                  "seeds": 2,
                  "set": {
                    "steps": 300,
                    "optD.lr": 0.0002
                  }
                }
                """, StudyDraft.pretty(d.spec(presets.load("ring8-gan"))));
        assertEquals("2 values × 2 values × 2 seeds = 8 tasks", d.taskCountText());
        assertEquals(8, d.taskCount());
    }

    @Test
    void theFileReadsBackAsTheSameSweepTheCliWouldRun() {
        StudyDraft.Checked c = draft(setup, "gan-vs-wgan", 2, new StudyDraft.Axis("objective.kind", "nsgan, wgan"))
                .check(presets);
        assertNull(c.problem());
        SweepPlan plan = c.plan();
        assertEquals(List.of("objective.kind=nsgan", "objective.kind=wgan"),
                plan.variants().stream().map(SweepPlan.Variant::label).toList());
        assertEquals(4, plan.tasks().size());
        SweepTask last = plan.task(3);
        assertEquals("wgan", last.config().getString("objective.kind"));
        assertEquals(300, last.config().getInt("steps"));
        assertEquals(2e-4, last.config().getDouble("optD.lr"));
        assertEquals(2L, last.seed());
        SweepSpec again = SweepSpec.parse(StudyDraft.pretty(c.spec()), "study.json");
        assertEquals(4, again.taskCount());
    }

    @Test
    void aTaskWhoseConfigCannotRunIsNamedWithItsKeyBeforeAnythingStarts() {
        RunConfig smoothed = setup.with("tricks.smoothReal", "0.1");
        StudyDraft.Checked c = draft(smoothed, "smooth", 2, new StudyDraft.Axis("objective.kind", "nsgan, wgan"))
                .check(presets);
        assertEquals("smooth: task 2 (ring8-gan, objective.kind=wgan, seed 1): tricks.smoothReal needs "
                + "objective.kind gan, nsgan or lsgan: a wgan critic has no targets to smooth; set it to 0",
                c.problem());
    }

    @Test
    void noKeyVariedRunsTheSetupOverTheSeeds() {
        StudyDraft d = draft(setup, "stability", 3);
        assertEquals("3 seeds = 3 tasks", d.taskCountText());
        StudyDraft.Checked c = d.check(presets);
        assertNull(c.problem());
        assertEquals(1, c.plan().variants().size());
        assertEquals(List.of(1L, 2L, 3L), c.plan().tasks().stream().map(SweepTask::seed).toList());
    }

    @Test
    void problemsOfTheTypedValuesComeFirstAndCountNoTasks() {
        StudyDraft twice = draft(setup, "x", 2, new StudyDraft.Axis("optD.lr", "1e-4"),
                new StudyDraft.Axis("optD.lr", "2e-4"));
        assertEquals("optD.lr is varied twice; give all its values in one row", twice.axesProblem());
        assertEquals("—", twice.taskCountText());
        assertEquals(0, twice.taskCount());
        StudyDraft bad = draft(setup, "x", 2, new StudyDraft.Axis("objective.clip", "-1"));
        assertEquals("objective.clip = -1 is not allowed: expected a number in [1.0E-6, 100]",
                bad.check(presets).problem());
        String name = draft(setup, ".hidden", 1).check(presets).problem();
        assertTrue(name.startsWith("the study: name"), name);
    }
}
