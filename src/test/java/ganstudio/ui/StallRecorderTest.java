package ganstudio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class StallRecorderTest {

    private static final long MS = 1_000_000L;

    @Test
    void histogramPercentilesAreNearestRankAtATenthOfAMillisecond() {
        DurationHistogram h = new DurationHistogram();
        assertEquals(0, h.percentileMillis(0.99));
        for (int ms = 100; ms >= 1; ms--) {
            h.add(ms * MS);
        }
        assertEquals(100, h.count());
        assertEquals(50.0, h.percentileMillis(0.5), 1e-9);
        assertEquals(99.0, h.percentileMillis(0.99), 1e-9);
        assertEquals(100.0, h.percentileMillis(1.0), 1e-9);
        assertEquals(1.0, h.percentileMillis(0.001), 1e-9);
        assertEquals(100 * MS, h.maxNanos());
    }

    @Test
    void histogramRoundsToTheNearestBinAndKeepsTheLongestExactly() {
        DurationHistogram h = new DurationHistogram();
        h.add(16_660_000L); // a 60 Hz frame
        assertEquals(16.7, h.percentileMillis(1.0), 1e-9);
        h.add(7_123_456_789L); // beyond the last bin: reported exactly
        assertEquals(7123.456789, h.percentileMillis(1.0), 1e-9);
        assertEquals(16.7, h.percentileMillis(0.5), 1e-9);
    }

    @Test
    void aLongGapIsAStallWithTheTicksAndCollectionsThatRanInIt() {
        StallRecorder r = new StallRecorder();
        long t = 5_000 * MS; // pulse timestamps are arbitrary nanoTime values
        r.pulse(t, counters(100, 10, 20));
        r.pulse(t += 17 * MS, counters(100, 12, 25));
        r.tick(30 * MS);
        r.tick(5 * MS);
        r.pulse(t += 120 * MS, counters(140, 52, 35));
        r.tick(1 * MS);
        r.pulse(t += 17 * MS, counters(140, 54, -1));
        // Exactly the threshold: a stall with nothing of ours in it, the render thread's time unknown.
        r.pulse(t += 50 * MS, counters(140, 55, -1));

        assertEquals(4, r.pulseGaps());
        assertEquals(2, r.stalls());
        assertEquals(120 * MS, r.longestGapNanos());
        assertEquals(0.204, r.seconds(), 1e-12);
        assertEquals(List.of(new StallRecorder.Stall(0.137, 120 * MS, 35 * MS, 40, 40 * MS, 10 * MS),
                new StallRecorder.Stall(0.204, 50 * MS, 0, 0, 1 * MS, -1)), r.worst());
        // Four gaps 17, 120, 17, 50: the 99th percentile is the fourth smallest.
        assertEquals(120.0, r.p99GapMillis(), 1e-9);
        assertEquals("FX thread: longest stall 120.0 ms, p99 pulse gap 120.0 ms, 2 stalls of 50 ms or more in 0 s "
                + "(5 pulses)", r.summary());
        assertEquals(List.of("stall 120.0 ms ending at 0.1 s: FX thread on a CPU 40.0 ms (repaint ticks 35.0 ms), "
                + "render thread 10.0 ms, garbage collection 40 ms", "stall 50.0 ms ending at 0.2 s: FX thread on a CPU "
                + "1.0 ms (repaint ticks 0.0 ms), render thread unknown, garbage collection 0 ms"),
                r.report().lines().skip(3).toList());
        assertEquals("view repaint ticks: 3, p50 5.0 ms, p99 30.0 ms, max 30.0 ms",
                r.report().lines().skip(2).findFirst().orElseThrow());
    }

    @Test
    void keepsTheFiveLongestStallsLongestFirst() {
        StallRecorder r = new StallRecorder();
        long t = 0;
        r.pulse(t, counters(0, 0, 0));
        for (int ms : new int[] {60, 90, 55, 300, 70, 80, 51}) {
            r.pulse(t += ms * MS, counters(0, 0, 0));
        }
        assertEquals(7, r.stalls());
        assertEquals(List.of(300L, 90L, 80L, 70L, 60L),
                r.worst().stream().map(s -> s.gapNanos() / MS).toList());
    }

    @Test
    void beforeTwoPulsesThereIsNothingToReport() {
        StallRecorder r = new StallRecorder();
        assertEquals("FX thread: longest stall 0.0 ms, p99 pulse gap 0.0 ms, 0 stalls of 50 ms or more in 0 s "
                + "(0 pulses)", r.summary());
        r.pulse(42, counters(0, 0, 0));
        assertEquals(0, r.pulseGaps());
        assertEquals(0.0, r.seconds());
    }

    @Test
    void aWarmUpLeavesOutTheStartUpButKeepsTheSessionsClock() {
        StallRecorder r = new StallRecorder(1_000 * MS);
        long t = 0;
        r.pulse(t, counters(0, 0, 0));
        r.tick(90 * MS); // before the warm-up ended: not counted
        r.pulse(t += 700 * MS, counters(0, 0, 0));
        r.pulse(t += 200 * MS, counters(0, 0, 0));
        r.tick(2 * MS);
        r.pulse(t += 120 * MS, counters(0, 0, 0)); // ends 1.02 s in: the first counted gap
        r.pulse(t += 20 * MS, counters(0, 0, 0));
        assertEquals(2, r.pulseGaps());
        assertEquals(120 * MS, r.longestGapNanos());
        assertEquals(List.of(new StallRecorder.Stall(1.02, 120 * MS, 0, 0, 0, 0)), r.worst());
        assertEquals(0.14, r.seconds(), 1e-12);
        assertEquals("view repaint ticks: 0, p50 0.0 ms, p99 0.0 ms, max 0.0 ms",
                r.report().lines().skip(2).findFirst().orElseThrow());
    }

    /** Totals with the CPU times in milliseconds, for readable tests. */
    private static StallRecorder.Counters counters(long gcMillis, long fxCpuMs, long renderCpuMs) {
        return new StallRecorder.Counters(gcMillis, fxCpuMs * MS, renderCpuMs < 0 ? -1 : renderCpuMs * MS);
    }
}
