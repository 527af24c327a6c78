package ganstudio.ui.classify;

import ganstudio.metrics.ClassificationReport;
import ganstudio.metrics.ClassifierMetrics;
import ganstudio.train.classify.ClassifierListener;
import ganstudio.ui.session.RunFeed;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The classifier's hand-over point between the training thread and the FX thread, shaped like
 * {@link GanRunFeed}: rows and events in lock-free queues (the charts keep every row), the newest report in
 * a latest-value slot (the heatmap shows one matrix at a time), status in volatile fields. The training
 * thread stores and returns; the view's AnimationTimer drains.
 */
public final class ClassifierRunFeed extends RunFeed<ClassifierMetrics> implements ClassifierListener {

    /** What onStarted told: where the run is written, on what, with which tricks, how long it is. */
    public record Start(Path runDir, String device, String data, String tricks, long parameters, int epochs,
            int batchesPerEpoch) {}

    private final AtomicReference<ClassificationReport> latestReport = new AtomicReference<>();

    private volatile Start start;
    private volatile ClassificationReport testReport;

    @Override
    public void onStarted(Path runDir, String device, String data, String tricks, long parameters, int epochs,
            int batchesPerEpoch) {
        start = new Start(runDir, device, data, tricks, parameters, epochs, batchesPerEpoch);
    }

    @Override
    public void onMetrics(ClassifierMetrics m) {
        addMetrics(m);
    }

    @Override
    public void onReport(ClassificationReport report) {
        if ("test".equals(report.set())) {
            testReport = report;
        }
        latestReport.set(report);
    }

    /** The newest report not yet taken (validation or test), or null. */
    public ClassificationReport takeReport() {
        return latestReport.getAndSet(null);
    }

    /** What onStarted said, or null before training began. */
    public Start getStart() {
        return start;
    }

    @Override
    public boolean isStarted() {
        return start != null;
    }

    /** The test-set report, once the run has ended healthily; null before. */
    public ClassificationReport getTestReport() {
        return testReport;
    }
}
