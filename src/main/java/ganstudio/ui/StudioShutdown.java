package ganstudio.ui;

import ganstudio.ui.session.TrainingRun;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Closing the studio while runs train: every session is told to stop at once (skipping its end-of-run
 * evaluation), and one waiter thread per session waits for its end on disk (checkpoint and summary), so the runs
 * stop in parallel and nobody waits on the FX thread. After {@link #limitMillis} the studio quits anyway: a run
 * still stopping keeps its last checkpoint and can be resumed. No JavaFX here: the dialog reads {@link #lines}
 * and {@link #headline}, and the callbacks say when to refresh and when to quit.
 */
final class StudioShutdown {

    /** How long closing waits for the runs to end before the studio quits anyway (-Dganstudio.closeLimitMillis). */
    static final long LIMIT_MILLIS = Long.getLong("ganstudio.closeLimitMillis", 15_000);

    private final List<TrainingRun> runs;
    private final long limitMillis;
    private final boolean[] ended;
    private final CountDownLatch allEnded;
    private volatile long began;
    private volatile boolean timedOut;

    StudioShutdown(List<TrainingRun> runs, long limitMillis) {
        this.runs = List.copyOf(runs);
        this.limitMillis = limitMillis;
        this.ended = new boolean[this.runs.size()];
        this.allEnded = new CountDownLatch(this.runs.size());
    }

    List<TrainingRun> runs() {
        return runs;
    }

    long limitMillis() {
        return limitMillis;
    }

    /**
     * Tells every session to stop, then waits for each on a thread of its own; returns at once.
     *
     * @param runEnded called (on a waiter thread) when a run's end is on disk, with its index
     * @param done called once (on a waiter thread) when every run ended or the limit passed: true when all ended
     */
    void begin(Consumer<Integer> runEnded, Consumer<Boolean> done) {
        began = System.nanoTime();
        for (TrainingRun r : runs) {
            r.session().control().stopForExit(); // all at once: they stop in parallel on their own threads
        }
        for (int i = 0; i < runs.size(); i++) {
            int index = i;
            Thread waiter = new Thread(() -> {
                try {
                    if (runs.get(index).session().awaitEnd(limitMillis, TimeUnit.MILLISECONDS)) {
                        synchronized (ended) {
                            ended[index] = true;
                        }
                        allEnded.countDown();
                        runEnded.accept(index);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "close-wait-" + index);
            waiter.setDaemon(true);
            waiter.start();
        }
        Thread deadline = new Thread(() -> {
            boolean all;
            try {
                all = allEnded.await(limitMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                all = false;
            }
            timedOut = !all;
            done.accept(all);
        }, "close-deadline");
        deadline.setDaemon(true);
        deadline.start();
    }

    boolean hasEnded(int index) {
        synchronized (ended) {
            return ended[index];
        }
    }

    int endedCount() {
        int n = 0;
        for (int i = 0; i < runs.size(); i++) {
            n += hasEnded(i) ? 1 : 0;
        }
        return n;
    }

    /** The confirmation's question: which runs are training. */
    static String question(List<TrainingRun> runs) {
        return runs.size() == 1 ? "1 run is training: stop it and quit?"
                : runs.size() + " runs are training: stop them and quit?";
    }

    /** The dialog's first line. */
    String headline() {
        int n = runs.size();
        if (timedOut) {
            int left = n - endedCount();
            return left + (left == 1 ? " run" : " runs") + " did not stop within " + limitMillis / 1000 + " s";
        }
        return "Stopping " + n + (n == 1 ? " run" : " runs") + ": saving checkpoints\u2026 (" + endedCount() + " of "
                + n + " done)";
    }

    /** One line per run: what it is doing now. */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            TrainingRun r = runs.get(i);
            String state;
            if (hasEnded(i)) {
                String status = r.session().getStatus();
                state = "failed".equals(status) ? "failed: " + r.session().getReason() : status
                        + " \u00b7 checkpoint and summary saved";
            } else if (timedOut) {
                state = "still stopping; its last checkpoint stays";
            } else {
                state = "stopping: " + r.stopping();
            }
            out.add(r.label() + ": " + state);
        }
        return out;
    }

    /** The note when the limit passed: where the unfinished runs are and how to go on with them. */
    String resumableNote() {
        StringBuilder s = new StringBuilder("The studio quits now. A run that was still stopping keeps its folder "
                + "and last checkpoint; continue it with train --resume RUN_DIR:");
        for (int i = 0; i < runs.size(); i++) {
            if (!hasEnded(i)) {
                Path dir = runs.get(i).session().getRunDir();
                s.append("\n  ").append(dir == null ? runs.get(i).label() + " (no run folder yet)" : dir.toString());
            }
        }
        return s.toString();
    }

    /** Seconds since begin(), for the dialog's countdown. */
    double elapsedSeconds() {
        return began == 0 ? 0 : (System.nanoTime() - began) / 1e9;
    }

    String countdown() {
        return String.format(Locale.ROOT, "%.1f s so far; the studio quits after at most %.0f s", elapsedSeconds(),
                limitMillis / 1000.0);
    }
}
