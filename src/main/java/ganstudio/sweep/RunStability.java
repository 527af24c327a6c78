package ganstudio.sweep;

import ganstudio.metrics.ModeReadout;
import ganstudio.metrics.StepMetrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** How steadily one GAN run trained, from its logs: when it first had every mode, how much its critic gap swung. */
final class RunStability {

    /** What {@link #firstAllModesStep} answers for a run none of whose saved frames had every mode. */
    static final long NEVER = -1;

    private RunStability() {}

    /**
     * The first step whose saved frame captured every mode. Frames are scored on the noise bank's points
     * (log.noiseBank, 512 by default) when they are saved (log.frameEvery), the only per-step mode count a run
     * keeps: metrics.csv has no mode column. So the answer is a multiple of frameEvery, and with fewer points than
     * the final evaluation a rarely hit mode can count as captured later than 2,500 samples would see it (or, in a
     * run that ends with every mode, never).
     *
     * @param frames the run's scored frames, by step (at least one)
     */
    static long firstAllModesStep(Collection<ModeReadout> frames) {
        long first = Long.MAX_VALUE;
        for (ModeReadout m : frames) {
            if (m.modes() > 0 && m.captured() == m.modes()) {
                first = Math.min(first, m.step());
            }
        }
        return first == Long.MAX_VALUE ? NEVER : first;
    }

    /** Sample standard deviation and max - min of the critic gap over the last rows. */
    record Spread(double std, double range, int rows) {}

    /**
     * The critic gap's spread over the last tenth of the logged rows (at least two rows): a critic that keeps
     * swinging at the end of training means the game has not settled. Empty when fewer than two of those rows
     * have a gap.
     */
    static Optional<Spread> gapSpread(List<StepMetrics> rows) {
        int tail = Math.max(2, (rows.size() + 9) / 10); // integer ceiling: 0.1 * 30 is 3.0000000000000004
        List<Double> gaps = new ArrayList<>();
        for (StepMetrics m : rows.subList(Math.max(0, rows.size() - tail), rows.size())) {
            double g = gap(m);
            if (Double.isFinite(g)) {
                gaps.add(g);
            }
        }
        if (gaps.size() < 2) {
            return Optional.empty();
        }
        double min = gaps.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = gaps.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return Optional.of(new Spread(FigureStats.sampleStd(gaps), max - min, gaps.size()));
    }

    /**
     * The Wasserstein estimate where the objective has one; otherwise the critic's mean output on real minus on
     * generated samples, the same difference without the Wasserstein reading (for the WGAN objectives it is the
     * same number), so every objective has a gap to compare.
     */
    static double gap(StepMetrics m) {
        return Double.isFinite(m.wEstimate()) ? m.wEstimate() : m.dReal() - m.dFake();
    }
}
