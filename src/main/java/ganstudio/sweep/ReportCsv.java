package ganstudio.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * report.csv: one row per variant, plain numbers, for a spreadsheet or pandas. For each figure of the sweep
 * FIGURE_mean, _std, _min, _max, _n (empty cells where a variant has no value), allModesStep also _never (seeds
 * that never had every mode), then done, failed, diverged and wall_s_mean.
 */
final class ReportCsv {

    private ReportCsv() {}

    static String of(SweepReport r) {
        List<String> header = new ArrayList<>(List.of("variant", "label"));
        for (Figure f : r.getFigures()) {
            for (String s : List.of("mean", "std", "min", "max", "n")) {
                header.add(f.key() + "_" + s);
            }
            if (f == Figure.ALL_MODES_STEP) {
                header.add(f.key() + "_never");
            }
        }
        header.addAll(List.of("done", "failed", "diverged", "wall_s_mean"));
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        for (VariantSummary v : r.getVariants()) {
            List<String> row = new ArrayList<>();
            row.add(String.valueOf(v.variant().index()));
            row.add(ReportFormat.csvField(v.label()));
            for (Figure f : r.getFigures()) {
                FigureStats s = v.figures().get(f);
                if (s == null) {
                    row.addAll(List.of("", "", "", "", ""));
                } else {
                    row.add(ReportFormat.plain(s.mean()));
                    row.add(ReportFormat.plain(s.std()));
                    row.add(ReportFormat.plain(s.min()));
                    row.add(ReportFormat.plain(s.max()));
                    row.add(String.valueOf(s.n()));
                }
                if (f == Figure.ALL_MODES_STEP) {
                    row.add(s == null ? "" : String.valueOf(v.neverAllModes().size()));
                }
            }
            row.add(String.valueOf(v.done()));
            row.add(String.valueOf(v.failed()));
            row.add(String.valueOf(v.diverged()));
            row.add(ReportFormat.plain(v.wallSeconds()));
            sb.append(String.join(",", row)).append('\n');
        }
        return sb.toString();
    }
}
