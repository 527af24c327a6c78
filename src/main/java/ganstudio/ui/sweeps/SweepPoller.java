package ganstudio.ui.sweeps;

import ganstudio.config.UserError;
import ganstudio.sweep.SweepFolder;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import javafx.application.Platform;

/**
 * The Sweeps tab's one background thread: it opens the sweep picked (its plan is a file to parse), looks at its
 * folder every {@link #EVERY_MILLIS} while the tab is on screen, and lists the sweeps folder every tenth look.
 * The FX thread gets the newest look through at most one pending runLater, never one per look, and never waits.
 */
final class SweepPoller {

    static final long EVERY_MILLIS = 1500;
    private static final int LIST_EVERY = 10;

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sweep-poll");
        t.setDaemon(true);
        return t;
    });
    private final Path sweepsRoot;
    private final Consumer<SweepSnapshot> onLook;
    private final Consumer<List<SweepListing.Row>> onListing;
    private final Consumer<String> onProblem;
    private final AtomicReference<SweepSnapshot> latest = new AtomicReference<>();
    private final AtomicBoolean delivering = new AtomicBoolean();
    private volatile boolean active;
    /** Touched on the poller's thread only. */
    private SweepWatch watch;
    private int looks;

    /**
     * @param onLook the newest look at the open sweep, on the FX thread
     * @param onListing the sweeps under sweepsRoot, on the FX thread
     * @param onProblem why a sweep could not be opened, on the FX thread
     */
    SweepPoller(Path sweepsRoot, Consumer<SweepSnapshot> onLook, Consumer<List<SweepListing.Row>> onListing,
            Consumer<String> onProblem) {
        this.sweepsRoot = sweepsRoot;
        this.onLook = onLook;
        this.onListing = onListing;
        this.onProblem = onProblem;
        thread.scheduleWithFixedDelay(this::tick, EVERY_MILLIS, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Whether the tab is on screen: looks stop while it is not, and one is taken at once when it comes back. */
    void setActive(boolean on) {
        boolean was = active;
        active = on;
        if (on && !was) {
            thread.execute(this::lookNow);
            relist();
        }
    }

    /** Opens the sweep in dir and looks at it at once; a folder that is not a sweep is reported. */
    void open(Path dir) {
        thread.execute(() -> {
            try {
                watch = new SweepWatch(SweepFolder.open(dir));
            } catch (UserError | IllegalArgumentException e) {
                watch = null;
                Platform.runLater(() -> onProblem.accept(e.getMessage()));
                return;
            }
            lookNow();
        });
    }

    /** Lists the sweeps folder again now. */
    void relist() {
        thread.execute(() -> {
            List<SweepListing.Row> rows = SweepListing.read(sweepsRoot);
            Platform.runLater(() -> onListing.accept(rows));
        });
    }

    void shutdown() {
        thread.shutdownNow();
    }

    private void tick() {
        if (!active) {
            return;
        }
        if (++looks % LIST_EVERY == 0) {
            List<SweepListing.Row> rows = SweepListing.read(sweepsRoot);
            Platform.runLater(() -> onListing.accept(rows));
        }
        lookNow();
    }

    private void lookNow() {
        if (watch == null) {
            return;
        }
        SweepSnapshot s;
        try {
            s = watch.look();
        } catch (RuntimeException e) {
            // the folder went away (deleted, a shared folder unmounted): say so, keep looking
            String problem = watch.folder().getPath() + ": cannot be read now (" + e.getMessage() + ")";
            Platform.runLater(() -> onProblem.accept(problem));
            return;
        }
        latest.set(s);
        if (delivering.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                delivering.set(false);
                SweepSnapshot newest = latest.get();
                if (newest != null) {
                    onLook.accept(newest);
                }
            });
        }
    }
}
