package ganstudio.ui;

import ganstudio.media.Frame;
import ganstudio.metrics.StepMetrics;
import ganstudio.runs.RunDirectory;
import ganstudio.train.TrainingListener;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The hand-over point between the training thread and the FX thread (DESIGN.md, Threading). The training
 * thread only stores values here and returns at once: the newest frame in a latest-value slot (older frames
 * are dropped, the UI cannot show more than one at a time), metric rows and events in lock-free queues (every
 * row is kept for the charts), status in volatile fields. The UI drains it from an AnimationTimer, so there is
 * never one Platform.runLater per step and training never waits for painting.
 */
public final class LiveRunFeed implements TrainingListener {

    private final AtomicReference<Frame> latestFrame = new AtomicReference<>();
    private final ConcurrentLinkedQueue<StepMetrics> metrics = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<RunDirectory.Event> events = new ConcurrentLinkedQueue<>();
    private final CountDownLatch finished = new CountDownLatch(1);

    private volatile boolean started;
    private volatile Path runDir;
    private volatile String device = "";
    private volatile String data = "";
    private volatile long firstStep;
    private volatile long totalSteps;
    private volatile StepMetrics lastMetrics;
    private volatile String finishedStatus;
    private volatile String finishedReason = "";

    @Override
    public void onStarted(Path runDir, String device, String data, long step, long steps) {
        this.runDir = runDir;
        this.device = device;
        this.data = data;
        this.firstStep = step;
        this.totalSteps = steps;
        this.started = true;
    }

    @Override
    public void onMetrics(StepMetrics m) {
        metrics.add(m);
        lastMetrics = m;
    }

    @Override
    public void onFrame(Frame frame) {
        latestFrame.set(frame);
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

    /** Metric rows that arrived since the last call, oldest first. */
    public List<StepMetrics> drainMetrics() {
        return Queues.drain(metrics);
    }

    /** Events that arrived since the last call, oldest first. */
    public List<RunDirectory.Event> drainEvents() {
        return Queues.drain(events);
    }

    /** The newest frame not yet taken, or null when none arrived since the last call. */
    public Frame takeFrame() {
        return latestFrame.getAndSet(null);
    }

    public boolean isStarted() {
        return started;
    }

    public Path getRunDir() {
        return runDir;
    }

    public String getDevice() {
        return device;
    }

    public String getData() {
        return data;
    }

    public long getFirstStep() {
        return firstStep;
    }

    public long getTotalSteps() {
        return totalSteps;
    }

    /** The newest metrics row (whether or not drained), or null. */
    public StepMetrics getLastMetrics() {
        return lastMetrics;
    }

    public boolean isFinished() {
        return finishedStatus != null;
    }

    /** finished, stopped or failed; null while running. */
    public String getFinishedStatus() {
        return finishedStatus;
    }

    public String getFinishedReason() {
        return finishedReason;
    }

    /** Waits (off the FX thread, or at exit) for the session to write its summary. */
    public boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }
}
