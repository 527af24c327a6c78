package ganstudio.ui.gan;

import ganstudio.media.Frame;
import ganstudio.metrics.StepMetrics;
import ganstudio.train.gan.GanListener;
import ganstudio.ui.session.RunFeed;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The hand-over point between the training thread and the FX thread (docs/ARCHITECTURE.md, Threading). The training
 * thread only stores values here and returns at once: the newest frame in a latest-value slot (older frames
 * are dropped, the UI cannot show more than one at a time), metric rows and events in lock-free queues (every
 * row is kept for the charts), status in volatile fields. The UI drains it from an AnimationTimer, so there is
 * never one Platform.runLater per step and training never waits for painting.
 */
public final class GanRunFeed extends RunFeed<StepMetrics> implements GanListener {

    private final AtomicReference<Frame> latestFrame = new AtomicReference<>();

    private volatile boolean started;
    private volatile Path runDir;
    private volatile String device = "";
    private volatile String data = "";
    private volatile long firstStep;
    private volatile long totalSteps;

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
        addMetrics(m);
    }

    @Override
    public void onFrame(Frame frame) {
        latestFrame.set(frame);
    }

    /** The newest frame not yet taken, or null when none arrived since the last call. */
    public Frame takeFrame() {
        return latestFrame.getAndSet(null);
    }

    @Override
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
}
