package ganstudio.train.gan;

/**
 * Counts the frame writes of a run's writer thread, so that a failing disk is shown, not printed and forgotten: the
 * first failure and every 100th after it become an event, and a run whose every frame so far failed (at least
 * {@link #GIVE_UP}) ends as failed.
 */
final class FrameWrites {

    static final int GIVE_UP = 3;

    private int written;
    private int failed;
    private String lastError;
    private String notice;

    synchronized void written() {
        written++;
    }

    synchronized void failed(String message) {
        failed++;
        lastError = message;
        if (failed == 1 || failed % 100 == 0) {
            // The counts of this failure, not of when the training thread gets to the notice.
            notice = "frame write failed (" + failed + " of " + (written + failed) + " so far): " + message;
        }
    }

    /** An event line when one is due (first failure, then every 100th), else null. */
    synchronized String takeNotice() {
        String n = notice;
        notice = null;
        return n;
    }

    /** Whether every frame written so far failed, and enough did to call it. */
    synchronized boolean allFailed() {
        return written == 0 && failed >= GIVE_UP;
    }

    synchronized int failures() {
        return failed;
    }

    synchronized String lastError() {
        return lastError;
    }
}
