package ganstudio.ui;

/**
 * Durations counted in 0.1 ms bins (each rounded to the nearest bin), so an hour of 60 Hz pulses costs the same
 * fixed 200 KB as a minute. The longest duration is kept exactly; one of 5 s or more lands in the last bin.
 */
final class DurationHistogram {

    static final long BIN_NANOS = 100_000L;
    private static final int BINS = 50_000;

    private final int[] counts = new int[BINS];
    private long count;
    private long maxNanos;

    void add(long nanos) {
        long bin = Math.max(0, (nanos + BIN_NANOS / 2) / BIN_NANOS);
        counts[(int) Math.min(BINS - 1, bin)]++;
        count++;
        maxNanos = Math.max(maxNanos, nanos);
    }

    long count() {
        return count;
    }

    long maxNanos() {
        return maxNanos;
    }

    /**
     * The nearest-rank percentile (the smallest value that at least q of the durations do not exceed), in
     * milliseconds at the bins' resolution; the exact maximum when that rank falls in the last bin; 0 when empty.
     *
     * @param q in (0, 1]
     */
    double percentileMillis(double q) {
        if (count == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * count));
        long seen = 0;
        for (int bin = 0; bin < BINS - 1; bin++) {
            seen += counts[bin];
            if (seen >= rank) {
                return bin * (BIN_NANOS / 1e6);
            }
        }
        return maxNanos / 1e6;
    }
}
