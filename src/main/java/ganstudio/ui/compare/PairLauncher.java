package ganstudio.ui.compare;

import ganstudio.config.Presets;
import ganstudio.config.RunConfig;
import ganstudio.tricks.TwinConfig;
import ganstudio.train.gan.GanSession;
import ganstudio.ui.gan.GanRunFeed;
import ganstudio.ui.session.StudioThreads;
import ganstudio.config.ConfigSchema;

import java.nio.file.Path;
import java.util.List;

/**
 * Starts the two halves of a paired experiment. From a setup (a config not yet trained): the source session
 * starts at once, the twin as soon as the source has written its run directory and fixed noise bank
 * ({@link #startPendingTwin}, called by the view's timer), so the twin reads that bank. From a run on disk:
 * only the twin trains, the source is shown read-only. Each session has its own thread and NDManager; the FX
 * thread only creates them and drains their feeds.
 */
final class PairLauncher {

    private final Path runsRoot;
    private final Presets presets;
    private ComparedRun waitingSource;
    private TwinConfig.Twin waitingTwin;

    PairLauncher(Path runsRoot, Presets presets) {
        this.runsRoot = runsRoot;
        this.presets = presets;
    }

    /**
     * The twin a source would get: derived now, so a missing preset is reported before anything starts.
     *
     * @param objective the twin's objective.kind, or null for the default (WGAN for a GAN, nsgan for a WGAN)
     */
    TwinConfig.Twin twinOf(RunConfig source, String sourcePreset, String objective) {
        String o = objective != null ? objective
                : TwinConfig.defaultObjective(source.getString(ConfigSchema.OBJECTIVE_KIND));
        return TwinConfig.derive(source, sourcePreset, o, presets);
    }

    /** Starts the source; its twin follows once the source's run directory exists. Returns the source. */
    ComparedRun startPair(RunConfig source, String sourcePreset, TwinConfig.Twin twin) {
        GanSession session = GanSession.create(StudioThreads.resolve(source, 2), runsRoot, sourcePreset);
        ComparedRun run = ComparedRun.live("A", source.getString(ConfigSchema.NAME), session);
        waitingSource = run;
        waitingTwin = twin;
        session.start();
        return run;
    }

    /** Starts the twin of a run on disk; returns it (the caller shows the source from disk). */
    ComparedRun startTwinOf(Path sourceRun, TwinConfig.Twin twin) {
        return startTwin(sourceRun, twin);
    }

    /**
     * When a source started by {@link #startPair} has its run directory, starts the twin on its fixed noise and
     * returns it; null otherwise. A source that failed before creating its directory cancels the twin.
     */
    ComparedRun startPendingTwin() {
        if (waitingSource == null) {
            return null;
        }
        GanRunFeed feed = waitingSource.feed();
        if (feed.isStarted()) {
            ComparedRun twin = startTwin(feed.getRunDir(), waitingTwin);
            waitingSource = null;
            return twin;
        }
        if (feed.isFinished()) {
            waitingSource = null;
        }
        return null;
    }

    private ComparedRun startTwin(Path sourceRun, TwinConfig.Twin twin) {
        RunConfig c = StudioThreads.resolve(twin.config(), 2).withValue("description", "twin of "
                + sourceRun.getFileName() + " (" + twin.preset() + " settings)");
        GanSession session = GanSession.twin(c, runsRoot, twin.preset(), sourceRun);
        ComparedRun run = ComparedRun.live("B", c.getString(ConfigSchema.NAME), session);
        run.setTwinOf(sourceRun);
        run.setNote("twin (settings of " + twin.preset() + ")");
        session.start();
        return run;
    }

    /** The objectives a twin can have, for the selector ("auto" first). */
    static List<String> objectiveChoices() {
        return List.of("auto", "wgan", "wgan-gp", "nsgan");
    }

    boolean isWaitingForSource() {
        return waitingSource != null;
    }

    /** Forgets a twin that has not started (its source was stopped before it created its run directory). */
    void cancelPendingTwin() {
        waitingSource = null;
    }
}
