package ganstudio.cli;

import ganstudio.metrics.ClassifierMetrics;
import ganstudio.train.classify.ClassifierListener;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/** Console progress of a classifier run: a line per epoch with validation, running lines in between. */
final class ClassifierProgress extends ConsoleListener implements ClassifierListener {

    private static final long PLAIN_INTERVAL_NS = 10_000_000_000L;

    private long lastPrint;
    private int epochs;

    ClassifierProgress(PrintStream out, boolean terminal) {
        super(out, terminal, "batch");
    }

    @Override
    public void onStarted(Path runDir, String device, String data, String tricks, long parameters, int epochs,
            int batchesPerEpoch) {
        this.started = true;
        this.epochs = epochs;
        out.println("run " + runDir + "\n  device " + device + ", data " + data + "\n  " + parameters
                + " parameters, " + epochs + " epochs of " + batchesPerEpoch + " batches; tricks: " + tricks);
    }

    @Override
    public void onMetrics(ClassifierMetrics m) {
        if (m.hasValidation()) {
            out.printf(Locale.ROOT, "%sepoch %d/%d  train loss %.4f acc %.4f  val loss %.4f acc %.4f top5 %.4f  "
                    + "lr %.3g  %.1f s%n", terminal ? "\r" : "", Math.round(m.epoch()), epochs, m.trainLoss(),
                    m.trainAccuracy(), m.valLoss(), m.valAccuracy(), m.valTop5(), m.lr(), m.epochSeconds());
            lastPrint = System.nanoTime();
            return;
        }
        long now = System.nanoTime();
        if (!terminal && now - lastPrint < PLAIN_INTERVAL_NS) {
            return;
        }
        lastPrint = now;
        out.printf(Locale.ROOT, "%sepoch %.2f  loss %.4f acc %.4f  lr %.3g  %.0f img/s%s",
                terminal ? "\r" : "", m.epoch(), m.trainLoss(), m.trainAccuracy(), m.lr(), m.samplesPerSecond(),
                terminal ? "   " : "\n");
        out.flush();
    }
}
