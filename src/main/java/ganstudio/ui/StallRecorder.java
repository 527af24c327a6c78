package ganstudio.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The FX thread's responsiveness from the pulses it managed to run: a gap between two pulses longer than a
 * frame is time in which the window could not repaint or react. Each gap is attributed to what ran in it (the
 * views' repaint ticks, the JVM's garbage collector) so a long one says where to look. Plain arithmetic on the
 * timestamps it is given, so it is tested without a display; {@link FxStallMonitor} feeds it from JavaFX.
 */
final class StallRecorder {

    /** A gap this long is a stall a person notices (three frames at 60 Hz). */
    static final long STALL_NANOS = 50_000_000L;
    private static final int WORST_KEPT = 5;

    /**
     * Running totals read at each pulse, whose differences say what a gap was spent on.
     *
     * @param gcMillis the JVM's garbage-collection time so far
     * @param fxCpuNanos CPU time of the FX thread so far
     * @param renderCpuNanos CPU time of JavaFX's render thread so far, or -1 where unknown
     */
    record Counters(long gcMillis, long fxCpuNanos, long renderCpuNanos) {}

    /**
     * One long gap: when it ended (seconds since the first pulse), how long, and what ran during it. A gap whose
     * threads were busy for a small part of it was waiting for the CPU (other processes, the training threads).
     *
     * @param renderCpuNanos -1 where unknown
     */
    record Stall(double atSeconds, long gapNanos, long tickNanos, long gcMillis, long fxCpuNanos,
            long renderCpuNanos) {}

    private final long warmUpNanos;
    private final DurationHistogram gaps = new DurationHistogram();
    private final DurationHistogram ticks = new DurationHistogram();
    private final List<Stall> worst = new ArrayList<>();
    private long firstPulse = -1;
    private long firstCounted = -1;
    private long lastPulse;
    private Counters atLastPulse;
    private long tickNanosSinceLastPulse;
    private long stalls;

    StallRecorder() {
        this(0);
    }

    /**
     * @param warmUpNanos how long after the first pulse the counting starts: gaps and ticks before are left out,
     *                    the times of stalls still count from the first pulse
     */
    StallRecorder(long warmUpNanos) {
        this.warmUpNanos = warmUpNanos;
    }

    /**
     * A pulse began.
     *
     * @param now its timestamp in nanoseconds
     */
    void pulse(long now, Counters counters) {
        if (firstPulse < 0) {
            firstPulse = now;
        } else if (now - firstPulse >= warmUpNanos) {
            if (firstCounted < 0) {
                firstCounted = lastPulse;
            }
            long gap = now - lastPulse;
            gaps.add(gap);
            if (gap >= STALL_NANOS) {
                stalls++;
                boolean render = counters.renderCpuNanos() >= 0 && atLastPulse.renderCpuNanos() >= 0;
                keep(new Stall((now - firstPulse) / 1e9, gap, tickNanosSinceLastPulse,
                        counters.gcMillis() - atLastPulse.gcMillis(), counters.fxCpuNanos() - atLastPulse.fxCpuNanos(),
                        render ? counters.renderCpuNanos() - atLastPulse.renderCpuNanos() : -1));
            }
        }
        lastPulse = now;
        atLastPulse = counters;
        tickNanosSinceLastPulse = 0;
    }

    /** A view's repaint tick took this long (on the FX thread, inside a pulse). */
    void tick(long nanos) {
        if (firstPulse >= 0 && lastPulse - firstPulse >= warmUpNanos) {
            ticks.add(nanos);
            tickNanosSinceLastPulse += nanos;
        }
    }

    private void keep(Stall s) {
        worst.add(s);
        worst.sort(Comparator.comparingLong(Stall::gapNanos).reversed());
        if (worst.size() > WORST_KEPT) {
            worst.remove(WORST_KEPT);
        }
    }

    long pulseGaps() {
        return gaps.count();
    }

    long longestGapNanos() {
        return gaps.maxNanos();
    }

    double p99GapMillis() {
        return gaps.percentileMillis(0.99);
    }

    /** Gaps of {@link #STALL_NANOS} or longer. */
    long stalls() {
        return stalls;
    }

    /** The longest gaps, longest first (at most five). */
    List<Stall> worst() {
        return List.copyOf(worst);
    }

    /** The time over which gaps were counted. */
    double seconds() {
        return firstCounted < 0 ? 0 : (lastPulse - firstCounted) / 1e9;
    }

    /** One line: the figures to quote. */
    String summary() {
        return String.format(Locale.ROOT, "FX thread: longest stall %.1f ms, p99 pulse gap %.1f ms, %d stalls of 50 ms "
                + "or more in %.0f s (%d pulses)", longestGapNanos() / 1e6, p99GapMillis(), stalls, seconds(),
                pulseGaps() + (firstCounted < 0 ? 0 : 1));
    }

    /** The summary, the gap and tick distributions, and the longest stalls with what ran in them. */
    String report() {
        StringBuilder b = new StringBuilder(summary()).append('\n');
        b.append(String.format(Locale.ROOT, "pulse gaps (60 Hz = 16.7 ms): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, "
                + "p99.9 %.1f ms, max %.1f ms%n", gaps.percentileMillis(0.5), gaps.percentileMillis(0.9),
                gaps.percentileMillis(0.99), gaps.percentileMillis(0.999), gaps.maxNanos() / 1e6));
        b.append(String.format(Locale.ROOT, "view repaint ticks: %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                ticks.count(), ticks.percentileMillis(0.5), ticks.percentileMillis(0.99), ticks.maxNanos() / 1e6));
        for (Stall s : worst) {
            b.append(String.format(Locale.ROOT, "stall %.1f ms ending at %.1f s: FX thread on a CPU %.1f ms (repaint "
                    + "ticks %.1f ms), render thread %s, garbage collection %d ms%n", s.gapNanos() / 1e6, s.atSeconds(),
                    s.fxCpuNanos() / 1e6, s.tickNanos() / 1e6, s.renderCpuNanos() < 0 ? "unknown"
                    : String.format(Locale.ROOT, "%.1f ms", s.renderCpuNanos() / 1e6), s.gcMillis()));
        }
        return b.toString();
    }
}
