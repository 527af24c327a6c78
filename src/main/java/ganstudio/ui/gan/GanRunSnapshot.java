package ganstudio.ui.gan;

import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.data.Mixture2D;
import ganstudio.data.TrainingData;
import ganstudio.media.Frame;
import ganstudio.media.ImageGrid;
import ganstudio.metrics.EvaluationScores;
import ganstudio.metrics.ModeReadout;
import ganstudio.runs.RunDirectory;
import ganstudio.ui.common.MetricsStore;
import ganstudio.ui.common.OpenedRunSettings;
import ganstudio.ui.common.RunListing;
import ganstudio.config.ConfigSchema;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A GAN run's folder as the view shows it read-only, read in one go off the FX thread: its metrics, the steps
 * of its saved frames, its events, how it ended, and what its pictures are.
 *
 * @param layout the grid of its frames (which cell is which z), or null for 2D data or when none can be read
 * @param modes the mode coverage saved with each frame (2D data)
 * @param scoresModes whether its data has modes to score at all
 * @param evaluation its final evaluation, if its summary has one
 * @param settings what the setup shows of it: its config, its preset, how far it got
 */
record GanRunSnapshot(RunDirectory run, MetricsStore store, List<Long> frames, List<RunDirectory.Event> events,
        String status, String reason, ImageGrid.Layout layout, Map<Long, ModeReadout> modes, boolean scoresModes,
        Optional<EvaluationScores> evaluation, OpenedRunSettings settings) {

    static GanRunSnapshot read(Path dir) {
        RunDirectory run = RunDirectory.open(dir);
        MetricsStore store = new MetricsStore();
        store.appendAll(run.readMetrics());
        List<Long> frames = run.frameSteps();
        List<RunDirectory.Event> events = run.readEvents();
        String status = RunListing.row(dir).status();
        String reason = run.readSummary().has("reason") ? run.readSummary().get("reason").getAsString() : "";
        OpenedRunSettings settings = OpenedRunSettings.read(dir);
        RunConfig config = settings.config();
        Optional<Mixture2D> mixture = TrainingData.mixture(config);
        Map<Long, ModeReadout> modes = run.readModes();
        // A saved PNG does not say its cell size: the newest frame's size and the bank's give the grid.
        ImageGrid.Layout layout = null;
        if (mixture.isEmpty() && !frames.isEmpty()) {
            try {
                Frame newest = run.readFrame(frames.get(frames.size() - 1));
                layout = ImageGrid.layoutOf(config.getInt(ConfigSchema.LOG_NOISE_BANK), newest.width(),
                        newest.height());
            } catch (UserError e) {
                // an unreadable picture: the run opens, its cells cannot be followed
            }
        }
        return new GanRunSnapshot(run, store, frames, events, status, reason, layout, modes,
                mixture.map(Mixture2D::hasModes).orElse(false), run.readEvaluation(), settings);
    }
}
