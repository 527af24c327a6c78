package ganstudio.train;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Commands from the UI or the console to a training session, read by the training loop between
 * generator iterations. Thread-safe; no call blocks the caller.
 */
public final class SessionControl {

    /** A change of a live-editable key. */
    public record Edit(String key, double value) {}

    /** What the loop does when {@link #awaitTurn} returns. */
    public enum Turn {
        /** One generator iteration with its critic iterations (running, or one step asked for while paused). */
        ITERATION,
        /** Exactly one critic iteration, asked for while paused; the generator does not move. */
        CRITIC_ITERATION,
        /** Only a checkpoint, asked for while paused. */
        CHECKPOINT,
        STOP
    }

    private final Object lock = new Object();
    private boolean paused;
    private boolean stopRequested;
    private boolean evaluationSkipped;
    /** Single steps asked for while paused, in the order they were asked for (S then C runs G first). */
    private final Deque<Turn> singleSteps = new ArrayDeque<>();
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
            singleSteps.clear(); // running again does every step anyway
            lock.notifyAll();
        }
    }

    public boolean isPaused() {
        synchronized (lock) {
            return paused;
        }
    }

    /** Runs one generator iteration (with its critic iterations) while paused; ignored while running. */
    public void stepOnce() {
        requestSingle(Turn.ITERATION);
    }

    /** Runs exactly one critic iteration while paused; ignored while running (a GAN session only). */
    public void stepCritic() {
        requestSingle(Turn.CRITIC_ITERATION);
    }

    private void requestSingle(Turn turn) {
        synchronized (lock) {
            if (paused) {
                singleSteps.add(turn);
                lock.notifyAll();
            }
        }
    }

    private String stopCause = "stopped by the user";

    public void stop() {
        synchronized (lock) {
            stopRequested = true;
            lock.notifyAll();
        }
    }

    /** {@link #stop()} with what asked for it (a sweep task's time budget), for the run's reason. */
    public void stop(String cause) {
        synchronized (lock) {
            stopCause = cause;
            stopRequested = true;
            lock.notifyAll();
        }
    }

    /**
     * Stops like {@link #stop()} for a process about to exit (Ctrl-C): the session skips its end-of-run
     * evaluation, which can outlast the exit's grace period on a busy CPU, and says how to run it later.
     */
    public void stopForExit() {
        stopForExit("stopped by the user");
    }

    /**
     * {@link #stopForExit()} with what asked for it, for the run's reason (Ctrl-C, SIGTERM, the launcher ending).
     */
    public void stopForExit(String cause) {
        synchronized (lock) {
            stopCause = cause;
            evaluationSkipped = true;
            stopRequested = true;
            lock.notifyAll();
        }
    }

    /** What asked the run to stop, for its reason: "stopped by the user" unless an exit said otherwise. */
    public String stopCause() {
        synchronized (lock) {
            return stopCause;
        }
    }

    public boolean isEvaluationSkipped() {
        synchronized (lock) {
            return evaluationSkipped;
        }
    }

    public boolean isStopRequested() {
        synchronized (lock) {
            return stopRequested;
        }
    }

    /** A checkpoint after the current step, or at once while paused (a GAN session only). */
    public void requestCheckpoint() {
        synchronized (lock) {
            checkpointRequested = true;
            lock.notifyAll();
        }
    }

    public void edit(String key, double value) {
        synchronized (lock) {
            edits.add(new Edit(key, value));
        }
    }

    public List<Edit> takeEdits() {
        synchronized (lock) {
            List<Edit> out = new ArrayList<>(edits);
            edits.clear();
            return out;
        }
    }

    public boolean takeCheckpointRequest() {
        synchronized (lock) {
            boolean r = checkpointRequested;
            checkpointRequested = false;
            return r;
        }
    }

    /**
     * Blocks the training thread while paused, until resumed, stepped, asked for a checkpoint or stopped. While
     * running it returns {@link Turn#ITERATION} at once and leaves a checkpoint request to
     * {@link #takeCheckpointRequest} after the step.
     */
    public Turn awaitTurn() throws InterruptedException {
        synchronized (lock) {
            while (paused && singleSteps.isEmpty() && !checkpointRequested && !stopRequested) {
                lock.wait(250);
            }
            if (stopRequested) {
                return Turn.STOP;
            }
            if (!paused) {
                return Turn.ITERATION;
            }
            if (!singleSteps.isEmpty()) {
                return singleSteps.poll();
            }
            checkpointRequested = false;
            return Turn.CHECKPOINT;
        }
    }
}
