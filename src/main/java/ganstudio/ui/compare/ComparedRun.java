package ganstudio.ui.compare;

import ganstudio.config.RunConfig;
import ganstudio.metrics.EvaluationScores;
import ganstudio.tricks.TwinConfig;
import ganstudio.runs.RunDirectory;
import ganstudio.train.gan.GanSession;
import ganstudio.ui.common.MetricsStore;
import ganstudio.ui.gan.GanRunFeed;
import ganstudio.config.ConfigSchema;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One run in the compare view: a finished run opened read-only, or a live one (a paired experiment's half)
 * fed by its session. FX thread only, like the {@link MetricsStore} it holds; a live run's saved-frame list is
 * re-read off the FX thread and handed over through a volatile field.
 */
final class ComparedRun {

    private final String letter;
    private final String name;
    private final RunConfig config;
    private final MetricsStore store = new MetricsStore();
    private final GanSession session;
    private final GanRunFeed feed;
    private volatile Path dir;
    private volatile List<Long> frameSteps = List.of();
    private String note = "";
    private String state = "";

    private Path twinOf;
    /** Its final evaluation, read off the FX thread: when opened, or once a live run has ended. */
    private volatile Optional<EvaluationScores> evaluation = Optional.empty();
    private boolean evaluationRead;

    private ComparedRun(String letter, String name, RunConfig config, Path dir, GanSession session,
            GanRunFeed feed) {
        this.letter = letter;
        this.name = name;
        this.config = config;
        this.dir = dir;
        this.session = session;
        this.feed = feed;
    }

    /** A run on disk; read its metrics and frames with {@link #load} (off the FX thread). */
    static ComparedRun opened(String letter, Path dir, RunConfig config) {
        return new ComparedRun(letter, dir.getFileName().toString(), config, dir, null, null);
    }

    /** A session about to start; the run directory becomes known when the feed says it started. */
    static ComparedRun live(String letter, String name, GanSession session) {
        GanRunFeed feed = new GanRunFeed();
        session.addListener(feed);
        return new ComparedRun(letter, name, session.getConfig(), null, session, feed);
    }

    String letter() {
        return letter;
    }

    /** "A · ring8-gan-20261125-101500 (nsgan)": the legend and caption of this run. */
    String label() {
        return letter + " · " + name + " (" + config.getString(ConfigSchema.OBJECTIVE_KIND) + ")";
    }

    RunConfig config() {
        return config;
    }

    int batchSize() {
        return config.getInt(ConfigSchema.BATCH_SIZE);
    }

    /** The run this one is the paired-experiment twin of, or null. */
    Path twinOf() {
        return twinOf;
    }

    void setTwinOf(Path source) {
        twinOf = source;
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

    GanSession session() {
        return session;
    }

    GanRunFeed feed() {
        return feed;
    }

    /** What this run changed against its pair (a twin's settings), shown under its picture; may be empty. */
    String note() {
        return note;
    }

    void setNote(String note) {
        this.note = note;
    }

    /** For a run on disk: "600 steps, finished" (its config's steps and its summary's status). */
    String state() {
        return state;
    }

    void setState(String state) {
        this.state = state;
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

    /** The PNG of a saved frame; only called for steps of {@link #frameSteps()}, so the directory is known. */
    Path framePath(long step) {
        return RunDirectory.framePath(dir, step);
    }

    /**
     * Re-reads the saved frames of the run directory once the frame of this step is on disk (the session's
     * writer thread saves it just after announcing it; 2 s at most). Blocking, for a worker thread.
     */
    void reloadFrameSteps(long announcedStep) {
        Path d = dir;
        if (d == null) {
            return;
        }
        try {
            for (int i = 0; i < 40 && !Files.exists(RunDirectory.framePath(d, announcedStep)); i++) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        frameSteps = RunDirectory.open(d).frameSteps();
    }

    /** Takes the run directory from the feed once the session has created it. */
    void noteStarted() {
        if (dir == null && feed != null && feed.isStarted()) {
            dir = feed.getRunDir();
        }
    }

    /**
     * What this run's settings change against run a ("B against A: objective.kind nsgan → wgan, ..."), and
     * for a's paired-experiment twin what they share.
     */
    String describeAgainst(ComparedRun a) {
        List<TwinConfig.Change> changes = TwinConfig.changes(a.config, config);
        String text = letter + " against " + a.letter + ": " + (changes.isEmpty() ? "the same settings"
                : changes.stream().map(TwinConfig.Change::toString).collect(Collectors.joining(", "))) + ".";
        if (twinOf != null && a.dir != null
                && twinOf.toAbsolutePath().normalize().equals(a.dir.toAbsolutePath().normalize())) {
            text += " " + letter + " is " + a.letter + "'s twin: same data, model, seed "
                    + config.getLong(ConfigSchema.SEED)
                    + ", batch " + batchSize() + ", the same real batches in the same order, and " + a.letter
                    + "'s fixed noise bank, so the pictures show the same z.";
        }
        return text;
    }

    Optional<EvaluationScores> evaluation() {
        return evaluation;
    }

    void setEvaluation(Optional<EvaluationScores> scores) {
        evaluation = scores;
    }

    /**
     * Whether a live run has ended and its evaluation is still to be read: true once only, so the caller reads
     * it once. FX thread.
     */
    boolean takeEndedUnread() {
        if (evaluationRead || !isLive() || !feed.isFinished() || dir == null) {
            return false;
        }
        evaluationRead = true;
        return true;
    }

    /** The last logged step, or 0. */
    long lastStep() {
        double s = store.last(MetricsStore.STEP);
        return Double.isNaN(s) ? 0 : (long) s;
    }
}
