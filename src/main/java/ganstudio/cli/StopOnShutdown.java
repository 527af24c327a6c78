package ganstudio.cli;

import ganstudio.train.Session;

import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (or SIGTERM) stops a session like its Stop button: the current step ends, a checkpoint and a "stopped"
 * summary are written, and only then may the JVM exit. A GAN run skips its end-of-run evaluation then (it can
 * take longer than the wait) and says to run {@code eval} on the run.
 */
public final class StopOnShutdown {

    /** Set by whoever calls System.exit for a reason of its own (the launcher's end), for the run's reason. */
    public static final String EXIT_CAUSE = "ganstudio.exit.cause";

    private final Thread hook;

    StopOnShutdown(Session<?> session, int waitSeconds) {
        hook = new Thread(() -> {
            String cause = System.getProperty(EXIT_CAUSE);
            session.control().stopForExit(cause == null ? "stopped by Ctrl-C or SIGTERM" : cause);
            try {
                session.awaitEnd(waitSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-on-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** After a normal end: the hook is no longer needed. */
    void remove() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook waits for the summary that was just written
        }
    }
}
