package ganstudio.ui.session;

import ganstudio.train.Session;

import java.nio.file.Path;
import java.util.List;

/**
 * The run a view trains and the controls' part of it, the same for the GAN and the classifier view: pause,
 * step and stop act only while it is active, the clock stops with the run, and the end is handled once. All on
 * the FX thread; the session's own thread only fills the feed.
 *
 * @param <S> the session
 * @param <F> the feed the session was given as its listener
 */
public final class LiveRun<S extends Session<?>, F extends RunFeed<?>> {

    private S session;
    private F feed;
    private long startNanos;
    private long endNanos;
    private boolean endTaken;

    /** The next run, its feed already added as its listener; {@link #start()} it once the view is ready. */
    public void attach(S session, F feed) {
        this.session = session;
        this.feed = feed;
        endTaken = false;
    }

    public void start() {
        startNanos = System.nanoTime();
        endNanos = 0;
        session.start();
    }

    /** The newest run's session, or null before the first. */
    public S session() {
        return session;
    }

    /** The newest run's feed, or null before the first. */
    public F feed() {
        return feed;
    }

    /** A run was started and has not ended. */
    public boolean isActive() {
        return session != null && feed != null && !feed.isFinished();
    }

    public boolean isPaused() {
        return isActive() && session.control().isPaused();
    }

    public boolean isStopRequested() {
        return isActive() && session.control().isStopRequested();
    }

    public void togglePause() {
        if (!isActive()) {
            return;
        }
        if (session.control().isPaused()) {
            session.control().resume();
        } else {
            session.control().pause();
        }
    }

    public void stepOnce() {
        if (isPaused()) {
            session.control().stepOnce();
        }
    }

    /** One critic iteration only (a GAN's). */
    public void stepCritic() {
        if (isPaused()) {
            session.control().stepCritic();
        }
    }

    public void requestCheckpoint() {
        if (isActive() && feed.isStarted()) {
            session.control().requestCheckpoint();
        }
    }

    /** A live edit, for the run while it is active. */
    public void edit(String key, double value) {
        if (isActive()) {
            session.control().edit(key, value);
        }
    }

    /** Asks the run to stop after its step; false when none is active. */
    public boolean stop() {
        if (!isActive()) {
            return false;
        }
        session.control().stop();
        return true;
    }

    /** The window is going away: stop without the end-of-run evaluation, never waiting (this is the FX thread). */
    public void stopForExit() {
        if (isActive()) {
            session.control().stopForExit();
        }
    }

    /** Seconds since start, up to the first call that saw the run finished. */
    public double elapsedSeconds() {
        if (feed.isFinished() && endNanos == 0) {
            endNanos = System.nanoTime();
        }
        return ((feed.isFinished() ? endNanos : System.nanoTime()) - startNanos) / 1e9;
    }

    /** True once: on the first call after the run finished, so its end is shown once. */
    public boolean takeEnd() {
        if (feed == null || !feed.isFinished() || endTaken) {
            return false;
        }
        endTaken = true;
        return true;
    }

    /** The status line's word while the run trains. */
    public String runningStatus(String stopping, String running) {
        return session.control().isPaused() ? "paused" : session.control().isStopRequested() ? stopping : running;
    }

    /** The banner's text for a failed run, saying where what it wrote stays. */
    public String failedText(Path runDir) {
        return "Training failed: " + feed.getFinishedReason()
                + (runDir != null ? "   (the run so far stays in " + runDir + ")" : "");
    }

    /** The run, if active, for closing the studio: kind names the view ("GAN"), stopping says what it does. */
    public List<TrainingRun> trainingRuns(String kind, String stopping) {
        return isActive() ? List.of(new TrainingRun(kind + " \u00b7 " + TrainingRun.nameOf(session), session,
                stopping)) : List.of();
    }
}
