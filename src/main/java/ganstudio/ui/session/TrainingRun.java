package ganstudio.ui.session;

import ganstudio.train.Session;
import ganstudio.config.ConfigSchema;

import java.nio.file.Path;

/**
 * A session a view trains, as closing the studio stops it: how the dialog names it, and what it does while it
 * stops.
 *
 * @param stopping e.g. "finishing its step, saving a checkpoint…"
 */
public record TrainingRun(String label, Session<?> session, String stopping) {

    public static final String GAN = "finishing its step, saving a checkpoint\u2026";

    public TrainingRun(String label, Session<?> session) {
        this(label, session, GAN);
    }

    /** The run's folder name, or its config's name before the folder exists. */
    public static String nameOf(Session<?> s) {
        Path dir = s.getRunDir();
        return dir != null ? dir.getFileName().toString() : s.getConfig().getString(ConfigSchema.NAME);
    }
}
