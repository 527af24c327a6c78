package ganstudio.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.runs.RunDirectory;
import ganstudio.train.gan.GanSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two tiny real runs of a sweep: the report reads what the trainer really writes, under the names it uses. */
class RealRunsReportTest {

    @TempDir
    Path tmp;

    @Test
    void twoSeedsOfATinyRing8Gan() throws IOException {
        SweepFolder sweep = FakeSweep.create(tmp, """
                {"name": "tiny", "presets": ["ring8-gan"], "seeds": 2,
                 "set": {"steps": 30, "model.gWidth": 16, "model.dWidth": 16, "batchSize": 32, "log.every": 5,
                         "log.frameEvery": 10, "log.checkpointEvery": 30, "threads": 1, "eval.samples": 500}}
                """);
        for (SweepTask t : sweep.getPlan().tasks()) {
            GanSession s = GanSession.create(t.config(), tmp, t.preset());
            s.setRunDir(sweep.taskDir(t));
            assertEquals("finished", s.runHere(), s.getReason());
        }
        SweepReport report = SweepReport.compute(sweep);
        VariantSummary v = report.getVariants().get(0);
        assertEquals(2, v.done());
        for (Figure f : List.of(Figure.MODES, Figure.HIGH_QUALITY, Figure.GAP_STD, Figure.GAP_RANGE)) {
            assertEquals(List.of(1L, 2L), v.figures().get(f).seeds(), f.key());
        }
        for (TaskOutcome o : v.tasks()) {
            assertEquals(List.of(), o.notes());
            assertEquals(7, o.curves().get(PlotMetric.CRITIC_LOSS).size()); // steps 1, 5, 10, ... 30
            assertEquals(4, o.curves().get(PlotMetric.MODES).size()); // frames at 0, 10, 20, 30
            double modes = RunDirectory.open(sweep.taskDir(o.task())).readSummary().getAsJsonObject("eval")
                    .get("modesCaptured").getAsDouble();
            assertEquals(modes, o.values().get(Figure.MODES));
        }
        ReportFiles files = report.write();
        assertEquals(List.of("plot-critic-loss.png", "plot-modes.png"),
                files.plots().stream().map(p -> p.getFileName().toString()).toList());
        assertTrue(Files.readString(files.markdown()).contains("| ring8-gan | 2 / 0 / 0 |"));
    }
}
