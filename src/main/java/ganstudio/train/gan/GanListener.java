package ganstudio.train.gan;

import ganstudio.media.Frame;
import ganstudio.metrics.StepMetrics;
import ganstudio.train.SessionListener;

import java.nio.file.Path;

/**
 * What a training session reports. Called on the training thread: implementations hand the value over
 * (latest-value slot, queue) and return at once.
 */
public interface GanListener extends SessionListener {

    /** The run directory exists and training is about to begin (or continue from a checkpoint). */
    default void onStarted(Path runDir, String device, String data, long step, long steps) {}

    default void onMetrics(StepMetrics metrics) {}

    default void onFrame(Frame frame) {}

    /**
     * Whether this listener needs a frame after the given step even though the run would not save one (a
     * video's pacing). The session renders one frame for all who ask and sends it through onFrame.
     */
    default boolean wantsFrame(long step) {
        return false;
    }
}
