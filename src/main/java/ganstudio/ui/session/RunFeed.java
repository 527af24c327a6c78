package ganstudio.ui.session;

import ganstudio.runs.RunDirectory;
import ganstudio.train.SessionListener;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What the GAN and classifier feeds share (docs/ARCHITECTURE.md, Threading): the training thread adds metric rows and
 * events to lock-free queues (the charts keep every row) and sets the end status in volatile fields, and
 * returns at once; the view's AnimationTimer drains them.
 *
 * @param <M> the run's metrics row
 */
public abstract class RunFeed<M> implements SessionListener {

    private final ConcurrentLinkedQueue<M> metrics = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<RunDirectory.Event> events = new ConcurrentLinkedQueue<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile M lastMetrics;
    private volatile String finishedStatus;
    private volatile String finishedReason = "";

    /** Called by the subclass's onMetrics. */
    protected final void addMetrics(M m) {
        metrics.add(m);
        lastMetrics = m;
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
    public List<M> drainMetrics() {
        return Queues.drain(metrics);
    }

    /** Events that arrived since the last call, oldest first. */
    public List<RunDirectory.Event> drainEvents() {
        return Queues.drain(events);
    }

    /** The newest metrics row (whether or not drained), or null. */
    public M getLastMetrics() {
        return lastMetrics;
    }

    /** Whether the session said where it writes: training has begun. */
    public abstract boolean isStarted();

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
