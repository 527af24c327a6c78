package ganstudio.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Commands from the UI or the console to a training session, read by the training loop between
 * generator iterations. Thread-safe; no call blocks the caller.
 */
public final class SessionControl {

    /** A change of a live-editable key. */
    public record Edit(String key, double value) {}

    private final Object lock = new Object();
    private boolean paused;
    private boolean stopRequested;
    private int stepsRequested;
    private boolean checkpointRequested;
    private final List<Edit> edits = new ArrayList<>();

    public void pause() {
        synchronized (lock) {
            paused = true;
            lock.notifyAll();
        }
    }

    public void resume() {
        synchronized (lock) {
            paused = false;
            lock.notifyAll();
        }
    }

    public boolean isPaused() {
        synchronized (lock) {
            return paused;
        }
    }

    /** Runs one generator iteration while paused. */
    public void stepOnce() {
        synchronized (lock) {
            stepsRequested++;
            lock.notifyAll();
        }
    }

    public void stop() {
        synchronized (lock) {
            stopRequested = true;
            lock.notifyAll();
        }
    }

    public boolean isStopRequested() {
        synchronized (lock) {
            return stopRequested;
        }
    }

    public void requestCheckpoint() {
        synchronized (lock) {
            checkpointRequested = true;
        }
    }

    public void edit(String key, double value) {
        synchronized (lock) {
            edits.add(new Edit(key, value));
        }
    }

    List<Edit> takeEdits() {
        synchronized (lock) {
            List<Edit> out = new ArrayList<>(edits);
            edits.clear();
            return out;
        }
    }

    boolean takeCheckpointRequest() {
        synchronized (lock) {
            boolean r = checkpointRequested;
            checkpointRequested = false;
            return r;
        }
    }

    /**
     * Blocks the training thread while paused, until resumed, stepped or stopped.
     *
     * @return false when the session should stop
     */
    boolean awaitTurn() throws InterruptedException {
        synchronized (lock) {
            while (paused && stepsRequested == 0 && !stopRequested) {
                lock.wait(250);
            }
            if (stopRequested) {
                return false;
            }
            if (paused && stepsRequested > 0) {
                stepsRequested--;
            }
            return true;
        }
    }
}
