package ganstudio.cli;

import ganstudio.metrics.StepMetrics;
import ganstudio.train.gan.GanListener;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/** A progress bar with ETA and the latest losses on a terminal; a plain line every few seconds otherwise. */
final class ConsoleProgress extends ConsoleListener implements GanListener {

    private static final int BAR = 24;
    private static final long PLAIN_INTERVAL_NS = 5_000_000_000L;

    private long steps;
    private long startStep;
    private long startNanos;
    private long lastPrint;

    ConsoleProgress(PrintStream out, boolean terminal) {
        super(out, terminal, "step");
    }

    @Override
    public void onStarted(Path runDir, String device, String data, long step, long steps) {
        this.started = true;
        this.steps = steps;
        this.startStep = step;
        this.startNanos = System.nanoTime();
        out.println("run " + runDir + "\n  device " + device + ", data " + data
                + (step > 0 ? ", resuming at step " + step : ""));
    }

    @Override
    public void onMetrics(StepMetrics m) {
        long now = System.nanoTime();
        boolean done = m.step() >= steps;
        if (!terminal && !done && now - lastPrint < PLAIN_INTERVAL_NS) {
            return;
        }
        lastPrint = now;
        double elapsed = (now - startNanos) / 1e9;
        double perStep = (m.step() - startStep) > 0 ? elapsed / (m.step() - startStep) : 0;
        double eta = perStep * (steps - m.step());
        String losses = String.format(Locale.ROOT, "loss_D %.4f loss_G %.4f", m.lossD(), m.lossG())
                + (Double.isNaN(m.wEstimate()) ? "" : String.format(Locale.ROOT, " W %.4f", m.wEstimate()));
        if (terminal) {
            int filled = (int) (BAR * m.step() / Math.max(1, steps));
            out.printf(Locale.ROOT, "\r[%s%s] %d/%d  %s  ETA %s  ", "#".repeat(filled), ".".repeat(BAR - filled),
                    m.step(), steps, losses, time(eta));
            if (done) {
                out.println();
            }
        } else {
            out.printf(Locale.ROOT, "step %d/%d  %s  %.0f samples/s  elapsed %s  ETA %s%n", m.step(), steps, losses,
                    m.samplesPerSecond(), time(elapsed), time(eta));
        }
        out.flush();
    }

    private static String time(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
