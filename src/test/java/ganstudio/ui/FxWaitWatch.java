package ganstudio.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * The longest single time the FX thread spent parked, sleeping, waiting or blocked on a lock in Java (a latch, a
 * join, a wait for a session: what the studio's old close did for up to 120 s), sampled every few milliseconds.
 * A wait is one wait while the thread stays in it and its wait count does not move. The FX thread's wait for
 * events in GTK's loop is native and not counted; nor is waiting for a CPU on a loaded machine, which the pulse
 * gaps of a {@link StallRecorder} include.
 */
final class FxWaitWatch implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 5;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long fxId;
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long longestNanos;
    private volatile long totalMillisAtStart = -1;

    /** Starts watching the thread with this id (call FxThread.call(() -> Thread.currentThread().getId())). */
    FxWaitWatch(long fxId) {
        this.fxId = fxId;
        threads.setThreadContentionMonitoringEnabled(true);
        ThreadInfo first = threads.getThreadInfo(fxId);
        totalMillisAtStart = first.getWaitedTime() + first.getBlockedTime();
        sampler = new Thread(this::sample, "fx-wait-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        long count = -1;
        long since = -1;
        while (running) {
            ThreadInfo i = threads.getThreadInfo(fxId);
            long now = System.nanoTime();
            if (i == null) {
                return;
            }
            long c = i.getWaitedCount() + i.getBlockedCount();
            boolean waiting = switch (i.getThreadState()) {
                case WAITING, TIMED_WAITING, BLOCKED -> true;
                default -> false;
            };
            if (waiting && c == count && since >= 0) {
                longestNanos = Math.max(longestNanos, now - since);
            } else {
                since = waiting ? now : -1;
            }
            count = c;
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    long longestMillis() {
        return longestNanos / 1_000_000;
    }

    /** All waits added up since the start (JavaFX's own waits for its render thread included). */
    long totalMillis() {
        ThreadInfo i = threads.getThreadInfo(fxId);
        return i == null ? -1 : i.getWaitedTime() + i.getBlockedTime() - totalMillisAtStart;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join();
    }
}
