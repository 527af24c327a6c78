package ganstudio.ui.common;

import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.application.Platform;

/**
 * One job off the FX thread (a file read, a folder listing, starting processes) whose result is shown on it:
 * the FX thread never waits on a disk or a process. Each job gets a daemon thread of its own, so a window that
 * closes meanwhile never waits for one either.
 */
public final class Background {

    private Background() {}

    /** Runs work on a daemon thread and hands its result to onResult on the FX thread. */
    public static <T> void run(String threadName, Supplier<T> work, Consumer<T> onResult) {
        start(threadName, () -> {
            T result = work.get();
            Platform.runLater(() -> onResult.accept(result));
        });
    }

    /** As {@link #run(String, Supplier, Consumer)}; when work throws, onError gets the exception on the FX thread. */
    public static <T> void run(String threadName, Supplier<T> work, Consumer<T> onResult,
            Consumer<RuntimeException> onError) {
        start(threadName, () -> {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                Platform.runLater(() -> onError.accept(e));
                return;
            }
            Platform.runLater(() -> onResult.accept(result));
        });
    }

    private static void start(String threadName, Runnable job) {
        Thread t = new Thread(job, threadName);
        t.setDaemon(true);
        t.start();
    }
}
