package ganstudio.ui;

import ganstudio.metrics.ClassificationReport;
import ganstudio.metrics.ClassifierMetrics;
import ganstudio.runs.RunDirectory;
import ganstudio.train.ClassifierListener;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The classifier's hand-over point between the training thread and the FX thread, shaped like
 * {@link LiveRunFeed}: rows and events in lock-free queues (the charts keep every row), the newest report in
 * a latest-value slot (the heatmap shows one matrix at a time), status in volatile fields. The training
 * thread stores and returns; the view's AnimationTimer drains.
 */
public final class ClassifierRunFeed implements ClassifierListener {

    /** What onStarted told: where the run is written, on what, with which tricks, how long it is. */
    public record Start(Path runDir, String device, String data, String tricks, long parameters, int epochs,
            int batchesPerEpoch) {}

    private final ConcurrentLinkedQueue<ClassifierMetrics> metrics = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<RunDirectory.Event> events = new ConcurrentLinkedQueue<>();
    private final AtomicReference<ClassificationReport> latestReport = new AtomicReference<>();
    private final CountDownLatch finished = new CountDownLatch(1);

    private volatile Start start;
    private volatile ClassifierMetrics lastMetrics;
    private volatile ClassificationReport testReport;
    private volatile String finishedStatus;
    private volatile String finishedReason = "";

    @Override
    public void onStarted(Path runDir, String device, String data, String tricks, long parameters, int epochs,
            int batchesPerEpoch) {
        start = new Start(runDir, device, data, tricks, parameters, epochs, batchesPerEpoch);
    }

    @Override
    public void onMetrics(ClassifierMetrics m) {
        metrics.add(m);
        lastMetrics = m;
    }

    @Override
    public void onReport(ClassificationReport report) {
        if ("test".equals(report.set())) {
            testReport = report;
        }
        latestReport.set(report);
    }

    @Override
    public void onEvent(long step, String text) {
        events.add(new RunDirectory.Event(step, text));
    }

    @Override
    public void onFinished(String status, String reason) {
        finishedReason = reason == null ? "" : reason;
        finishedStatus = status;
        finished.countDown();
    }

    /** Rows that arrived since the last call, oldest first. */
    public List<ClassifierMetrics> drainMetrics() {
        return Queues.drain(metrics);
    }

    public List<RunDirectory.Event> drainEvents() {
        return Queues.drain(events);
    }

    /** The newest report not yet taken (validation or test), or null. */
    public ClassificationReport takeReport() {
        return latestReport.getAndSet(null);
    }

    /** What onStarted said, or null before training began. */
    public Start getStart() {
        return start;
    }

    public boolean isStarted() {
        return start != null;
    }

    public ClassifierMetrics getLastMetrics() {
        return lastMetrics;
    }

    /** The test-set report, once the run has ended healthily; null before. */
    public ClassificationReport getTestReport() {
        return testReport;
    }

    public boolean isFinished() {
        return finishedStatus != null;
    }

    public String getFinishedStatus() {
        return finishedStatus;
    }

    public String getFinishedReason() {
        return finishedReason;
    }

    public boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }
}
