package ganstudio.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Locale;

/**
 * The machine's 1-minute load average, sampled once a second: stalls on a machine whose other processes keep
 * more threads busy than it has cores say little about the studio, and a report must show that.
 */
final class LoadSampler {

    private static final long EVERY_NANOS = 1_000_000_000L;

    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    private long lastSample = Long.MIN_VALUE;
    private double sum;
    private double max;
    private int samples;

    void sample(long now) {
        if (lastSample != Long.MIN_VALUE && now - lastSample < EVERY_NANOS) {
            return;
        }
        lastSample = now;
        double l = os.getSystemLoadAverage();
        if (l >= 0) {
            sum += l;
            max = Math.max(max, l);
            samples++;
        }
    }

    String line() {
        return samples == 0 ? "machine load: unknown"
                : String.format(Locale.ROOT, "machine load (1-minute average) over the session: mean %.1f, max %.1f, "
                        + "on %d cores", sum / samples, max, os.getAvailableProcessors());
    }
}
