package ganstudio.ui;

import ganstudio.ui.common.UiTicker;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.animation.AnimationTimer;

/**
 * Watches the FX thread for the whole session: every pulse and every view tick go to a {@link StallRecorder},
 * with the counters that explain a long gap (GC time, CPU time of the FX and render threads) and, once a
 * second, the machine's load. A few microseconds a pulse, so it always runs (Help > About shows it, and
 * studio --stall-report writes it). A second recorder starts after the start-up, whose first layout and engine
 * loading would otherwise hide what a person sees while a run trains.
 */
final class FxStallMonitor extends AnimationTimer {

    static final long WARM_UP_NANOS = 15_000_000_000L;

    private final StallRecorder session = new StallRecorder();
    private final StallRecorder steady = new StallRecorder(WARM_UP_NANOS);
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long renderThread = renderThreadId();
    private final LoadSampler load = new LoadSampler();

    /** Starts watching from now; call on the FX thread. */
    static FxStallMonitor watch() {
        FxStallMonitor m = new FxStallMonitor();
        UiTicker.observe(m::tick);
        m.start();
        return m;
    }

    @Override
    public void handle(long now) {
        long render = renderThread < 0 ? -1 : threads.getThreadCpuTime(renderThread);
        StallRecorder.Counters c = new StallRecorder.Counters(gcMillis(), threads.getCurrentThreadCpuTime(), render);
        session.pulse(now, c);
        steady.pulse(now, c);
        load.sample(now);
    }

    private void tick(long nanos) {
        session.tick(nanos);
        steady.tick(nanos);
    }

    private long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : collectors) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    /** JavaFX's render thread (QuantumRenderer), whose work a pulse waits for; -1 when not found. */
    private static long renderThreadId() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                .mapToLong(Thread::getId).findFirst().orElse(-1);
    }

    /** Every gap since {@link #watch()} (the start-up included). */
    StallRecorder whole() {
        return session;
    }

    /** Two lines: the whole session, and from the end of the start-up on. */
    String summary() {
        return session.summary() + "\n" + afterWarmUp() + ": " + steadySummary();
    }

    /** Both recorders' reports and the load the machine was under. */
    String report() {
        return "Whole session\n" + session.report() + "\n" + afterWarmUp()
                + " (the window's first layout, the engine's start-up)\n"
                + (steady.pulseGaps() == 0 ? steadySummary() + "\n" : steady.report()) + "\n" + load.line() + "\n";
    }

    private static String afterWarmUp() {
        return "After the first " + WARM_UP_NANOS / 1_000_000_000L + " s";
    }

    private String steadySummary() {
        return steady.pulseGaps() == 0 ? "nothing yet" : steady.summary();
    }

    void writeReport(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, report(), StandardCharsets.UTF_8);
    }
}
