package ganstudio.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which band plots a report draws: one per logged quantity that some done task has values of (the Wasserstein
 * estimate, the critic loss, the saved frames' modes captured), and per data set when the sweep trains on
 * several, since a ring's 8 modes and a grid's 25, or their critics' scales, do not share an axis well.
 */
final class ReportPlots {

    /** A plot and the file it goes to, next to the report. */
    record Planned(String fileName, BandPlot plot) {}

    private ReportPlots() {}

    static List<Planned> plan(String sweepName, List<VariantSummary> variants) {
        Map<String, List<VariantSummary>> byData = new LinkedHashMap<>();
        for (VariantSummary v : variants) {
            byData.computeIfAbsent(v.data(), k -> new ArrayList<>()).add(v);
        }
        List<Planned> out = new ArrayList<>();
        for (Map.Entry<String, List<VariantSummary>> group : byData.entrySet()) {
            String suffix = byData.size() > 1 ? "-" + group.getKey().replaceAll("[^A-Za-z0-9._-]", "_") : "";
            for (PlotMetric m : PlotMetric.values()) {
                BandPlot.Builder b = BandPlot.builder()
                        .setTitle(m.label() + (suffix.isEmpty() ? "" : " · " + group.getKey()))
                        .optSubtitle("sweep " + sweepName + ": mean over each variant's done seeds; shaded from "
                                + "the lowest to the highest seed")
                        .setYLabel(m.label())
                        .optFromZero(m == PlotMetric.MODES);
                int added = 0;
                for (VariantSummary v : group.getValue()) {
                    List<Curve> curves = new ArrayList<>();
                    for (TaskOutcome o : v.doneTasks()) {
                        Curve c = o.curves().get(m);
                        if (c != null && !c.isEmpty()) {
                            curves.add(c);
                        }
                    }
                    if (!curves.isEmpty()) {
                        String seeds = curves.size() == 1 ? "1 seed" : curves.size() + " seeds";
                        b.addSeries(v.label() + " (" + seeds + ")", v.variant().index(), SeedBand.of(curves));
                        added++;
                    }
                }
                if (added > 0) {
                    out.add(new Planned("plot-" + m.fileKey() + suffix + ".png", b.build()));
                }
            }
        }
        return out;
    }
}
