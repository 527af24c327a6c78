package ganstudio.ui;

import ganstudio.runs.RunDirectory;
import ganstudio.train.TrainingSession;

import java.nio.file.Path;
import java.util.List;

/**
 * One run in the compare view: a finished run opened read-only, or a live one (a paired experiment's half)
 * fed by its session. FX thread only, like the {@link MetricsStore} it holds; a live run's saved-frame list is
 * re-read off the FX thread and handed over through a volatile field.
 */
final class ComparedRun {

    private final String letter;
    private final String name;
    private final String objective;
    private final int batchSize;
    private final MetricsStore store = new MetricsStore();
    private final TrainingSession session;
    private final LiveRunFeed feed;
    private volatile Path dir;
    private volatile List<Long> frameSteps = List.of();
    private String note = "";

    private ComparedRun(String letter, String name, String objective, int batchSize, Path dir,
            TrainingSession session, LiveRunFeed feed) {
        this.letter = letter;
        this.name = name;
        this.objective = objective;
        this.batchSize = batchSize;
        this.dir = dir;
        this.session = session;
        this.feed = feed;
    }

    /** A run on disk; read its metrics and frames with {@link #load} (off the FX thread). */
    static ComparedRun opened(String letter, Path dir, String objective, int batchSize) {
        return new ComparedRun(letter, dir.getFileName().toString(), objective, batchSize, dir, null, null);
    }

    /** A session about to start; the run directory becomes known when the feed says it started. */
    static ComparedRun live(String letter, String name, TrainingSession session) {
        LiveRunFeed feed = new LiveRunFeed();
        session.addListener(feed);
        return new ComparedRun(letter, name, session.getConfig().getString("objective.kind"),
                session.getConfig().getInt("batchSize"), null, session, feed);
    }

    String letter() {
        return letter;
    }

    /** "A · ring8-gan-20261125-101500 (nsgan)": the legend and caption of this run. */
    String label() {
        return letter + " · " + name + " (" + objective + ")";
    }

    String objective() {
        return objective;
    }

    int batchSize() {
        return batchSize;
    }

    MetricsStore store() {
        return store;
    }

    /** The run directory, or null for a live run that has not started yet. */
    Path dir() {
        return dir;
    }

    boolean isLive() {
        return feed != null;
    }

    TrainingSession session() {
        return session;
    }

    LiveRunFeed feed() {
        return feed;
    }

    /** What this run changed against its pair (a twin's settings), shown under its picture; may be empty. */
    String note() {
        return note;
    }

    void setNote(String note) {
        this.note = note;
    }

    List<Long> frameSteps() {
        return frameSteps;
    }

    /** The saved frame a timeline at this step shows for the run: the newest at or before it, or null. */
    Long frameAt(long step) {
        return RunDirectory.frameAtOrBefore(frameSteps, step);
    }

    void setFrameSteps(List<Long> steps) {
        frameSteps = List.copyOf(steps);
    }

    /** Re-reads the saved frames of the run directory; blocking, for a worker thread. */
    void reloadFrameSteps() {
        Path d = dir;
        if (d != null) {
            frameSteps = RunDirectory.open(d).frameSteps();
        }
    }

    /** Takes the run directory from the feed once the session has created it. */
    void noteStarted() {
        if (dir == null && feed != null && feed.isStarted()) {
            dir = feed.getRunDir();
        }
    }

    /** The last logged step, or 0. */
    long lastStep() {
        double s = store.last(MetricsStore.STEP);
        return Double.isNaN(s) ? 0 : (long) s;
    }
}
