package ganstudio.train.classify;

import ganstudio.metrics.ClassificationReport;
import ganstudio.metrics.ClassifierMetrics;
import ganstudio.train.SessionListener;

import java.nio.file.Path;

/** What a classifier session reports, on its training thread; implementations hand values over and return. */
public interface ClassifierListener extends SessionListener {

    /**
     * @param tricks the tricks that are on, in words
     */
    default void onStarted(Path runDir, String device, String data, String tricks, long parameters, int epochs,
            int batchesPerEpoch) {}

    /** A running row during an epoch, or the row that closes an epoch (with validation values). */
    default void onMetrics(ClassifierMetrics metrics) {}

    /** The validation report after each epoch, and the test report at the end. */
    default void onReport(ClassificationReport report) {}
}
