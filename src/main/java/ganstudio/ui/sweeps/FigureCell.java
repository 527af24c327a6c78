package ganstudio.ui.sweeps;

import ganstudio.sweep.Figure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One figure of one variant in the Sweeps tab's report table: mean ± sample std over the done seeds, written as
 * report.md writes it (a count without decimals, a critic spread in significant digits). Sorts by its mean, a
 * cell without values last.
 */
public record FigureCell(String key, double mean, double std, List<Double> values, List<Long> seeds)
        implements Comparable<FigureCell> {

    /** A figure no done seed has yet. */
    static FigureCell empty(String key) {
        return new FigureCell(key, Double.NaN, Double.NaN, List.of(), List.of());
    }

    public FigureCell {
        values = List.copyOf(values);
        seeds = List.copyOf(seeds);
    }

    public int n() {
        return values.size();
    }

    /** "7.8 ± 0.4"; the value alone for one seed; "—" for none. */
    public String text() {
        if (n() == 0 || !Double.isFinite(mean)) {
            return "—";
        }
        return n() == 1 || !Double.isFinite(std) ? format(mean) : format(mean) + " ± " + format(std);
    }

    /** Each seed's value, for the cell's tooltip: "seed 1: 6, seed 2: 7". */
    public String perSeed() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            parts.add("seed " + (i < seeds.size() ? seeds.get(i) : "?") + ": " + format(values.get(i)));
        }
        return String.join(", ", parts);
    }

    private String format(double v) {
        for (Figure f : Figure.values()) {
            if (f.key().equals(key)) {
                return f.format(v);
            }
        }
        return String.format(Locale.ROOT, "%.3g", v); // a figure a newer report has and this version does not know
    }

    @Override
    public int compareTo(FigureCell o) {
        boolean mine = n() > 0 && Double.isFinite(mean);
        boolean theirs = o.n() > 0 && Double.isFinite(o.mean);
        if (mine != theirs) {
            return mine ? -1 : 1;
        }
        return mine ? Double.compare(mean, o.mean) : 0;
    }
}
