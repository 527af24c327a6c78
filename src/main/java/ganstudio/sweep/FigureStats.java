package ganstudio.sweep;

import java.util.List;

/**
 * One figure of one variant over its seeds: the per-seed values with their seeds, and their mean, sample standard
 * deviation (n - 1 in the denominator; 0 for a single seed), min and max. With no values (no seed done yet) the
 * statistics are NaN.
 */
public record FigureStats(List<Double> values, List<Long> seeds, double mean, double std, double min, double max) {

    public FigureStats {
        values = List.copyOf(values);
        seeds = List.copyOf(seeds);
        if (values.size() != seeds.size()) {
            throw new IllegalArgumentException(values.size() + " values for " + seeds.size() + " seeds");
        }
    }

    public static FigureStats of(List<Double> values, List<Long> seeds) {
        int n = values.size();
        if (n == 0) {
            return new FigureStats(values, seeds, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new FigureStats(values, seeds, mean(values), sampleStd(values), min, max);
    }

    static double mean(List<Double> values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.size();
    }

    /** With n - 1 in the denominator; 0 for one value. */
    static double sampleStd(List<Double> values) {
        int n = values.size();
        if (n < 2) {
            return 0;
        }
        double mean = mean(values);
        // Two passes rather than a sum of squares: five nearly equal values (8, 8, 8, 8, 7.9) would otherwise
        // lose most of their digits to cancellation.
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (n - 1));
    }

    public int n() {
        return values.size();
    }
}
