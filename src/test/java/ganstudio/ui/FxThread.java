package ganstudio.ui;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * How a UI test talks to the FX thread from its own: run something there and wait for it, or poll a condition
 * there until it holds. Polling with generous limits, never a fixed sleep, so a busy machine only makes the test
 * slower, not wrong.
 */
final class FxThread {

    private static final long CALL_SECONDS = 30;

    private FxThread() {}

    static <T> T call(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(CALL_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the FX thread did not answer within " + CALL_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The studio's window on a new stage, started on the FX thread as JavaFX's launcher would; open until closed. */
    static StudioApp startStudio(List<String> args) {
        StudioApp app = new StudioApp(args);
        Platform.setImplicitExit(false);
        run(() -> app.start(new Stage()));
        return app;
    }

    static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Polls condition on the FX thread every 50 ms until it holds.
     *
     * @param state what to show when it never holds: the state that was seen, read on the FX thread
     */
    static void await(String what, Duration limit, Supplier<Boolean> condition, Supplier<String> state) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!call(condition::get)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + limit.toSeconds() + " s for " + what + "; saw: " + call(state::get));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
