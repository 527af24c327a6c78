package ganstudio.ui.sweeps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.config.UserError;
import ganstudio.sweep.TaskState;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** report.json as the Sweeps tab reads it, and its cells as the table writes and sorts them. */
class ReportTableTest {

    private static final String REPORT = """
            {"sweep": "s", "generated": "2026-12-06T12:00:00Z", "keys": ["objective.kind"], "later": 1,
             "figures": [{"key": "modes", "label": "modes captured", "higherIsBetter": true},
                         {"key": "gapStd", "label": "critic gap std (last 10%)", "higherIsBetter": false}],
             "variants": [
               {"index": 0, "label": "a", "wallSeconds": 123.4, "done": 5, "failed": 1, "diverged": 2,
                "figures": {"modes": {"mean": 7.8, "std": 0.447, "min": 7, "max": 8, "n": 5,
                                      "values": [8, 8, 7, 8, 8], "seeds": [1, 2, 3, 4, 5]},
                            "gapStd": {"mean": 0.000123456, "std": 0.0000201, "n": 2, "values": [0.0001, 0.00014],
                                       "seeds": [1, 2]}}},
               {"index": 1, "label": "b", "figures": {"modes": {"n": 0, "values": [], "seeds": []}}},
               {"index": 2, "label": "c", "figures": {"modes": {"mean": 6, "std": 0, "n": 1, "values": [6],
                                                                 "seeds": [3]}}}],
             "plots": ["plot-wasserstein.png", "../outside.png", "plot-modes-ring8.png"]}
            """;

    @Test
    void cellsAreMeanAndStdInTheReportsFormat() {
        ReportTable r = ReportTable.parse(REPORT, "report.json");
        assertEquals(List.of(new ReportTable.Column("modes", "modes captured", true),
                new ReportTable.Column("gapStd", "critic gap std (last 10%)", false)), r.figures());
        assertEquals("7.8 ± 0.4", r.cell(0, "modes").text());
        assertEquals("seed 1: 8, seed 2: 8, seed 3: 7, seed 4: 8, seed 5: 8", r.cell(0, "modes").perSeed());
        assertEquals("0.000123 ± 2.01e-05", r.cell(0, "gapStd").text(), "three significant digits");
        assertEquals("—", r.cell(1, "modes").text());
        assertEquals("—", r.cell(1, "gapStd").text(), "absent from the report");
        assertEquals("6", r.cell(2, "modes").text(), "one seed: no spread to show");
        assertEquals(123.4, r.wallSeconds().get(0));
        assertEquals(java.util.Map.of(0, 8, 1, 0, 2, 0), r.ended(), "done, failed and diverged as the report counted");
        assertEquals(List.of("plot-wasserstein.png", "plot-modes-ring8.png"), r.plots(),
                "a name that leaves the sweep's folder is not shown");
    }

    @Test
    void cellsSortByTheirMeanWithEmptyOnesLast() {
        ReportTable r = ReportTable.parse(REPORT, "report.json");
        List<FigureCell> cells = new ArrayList<>(List.of(r.cell(1, "modes"), r.cell(0, "modes"), r.cell(2, "modes")));
        cells.sort(null);
        assertEquals(List.of("6", "7.8 ± 0.4", "—"), cells.stream().map(FigureCell::text).toList());
    }

    @Test
    void aFigureOnFewerSeedsThanAreDoneSaysOnHowMany() {
        ReportTable r = ReportTable.parse(REPORT, "report.json");
        List<TaskRow> twoDone = List.of(done(0, 1), done(1, 2));
        VariantRow v = new VariantRow(2, "c", java.util.Map.of("modes", r.cell(2, "modes")), Double.NaN, twoDone);
        assertEquals("6  (1 of 2 seeds)", v.figureText("modes"),
                "the report was written when one seed was done; the count is live");
        assertEquals("—", v.figureText("kl"));
        VariantRow all = new VariantRow(0, "a", java.util.Map.of("modes", r.cell(0, "modes")), 1, twoDone);
        assertEquals("7.8 ± 0.4", all.figureText("modes"), "five seeds, more than the two done");
    }

    @Test
    void theTaskTableNamesTheOneKeyVariedOnlyWhenThereIsOne() {
        assertEquals("", TaskRow.sharedKey(List.of(labelled("objective.kind=nsgan"), labelled("optD.lr=1e-4"))));
        assertEquals("", TaskRow.sharedKey(List.of(labelled("objective.kind=wgan, optD.lr=1e-4"))));
        assertEquals("", TaskRow.sharedKey(List.of(labelled("ring8-gan"))), "a preset's name");
        assertEquals("optD.lr=", TaskRow.sharedKey(List.of(labelled("optD.lr=1e-4"), labelled("optD.lr=2e-4"))));
    }

    private static TaskRow labelled(String label) {
        return new TaskRow(0, 0, label, 1, ganstudio.sweep.TaskState.Kind.QUEUED, "", 0, 300, false, "",
                java.nio.file.Path.of("t"), false);
    }

    private static TaskRow done(int index, long seed) {
        return new TaskRow(index, 0, "c", seed, ganstudio.sweep.TaskState.Kind.DONE, "", 300, 300, false, "",
                java.nio.file.Path.of("t" + index), true);
    }

    @Test
    void aReportOfAnotherShapeIsOneLineNamingTheFile() {
        UserError e = assertThrows(UserError.class, () -> ReportTable.parse("{\"variants\": [{\"x\": 1}]}",
                "/s/report.json"));
        assertTrue(e.getMessage().startsWith("/s/report.json: not a report this version can read"), e.getMessage());
    }
}
