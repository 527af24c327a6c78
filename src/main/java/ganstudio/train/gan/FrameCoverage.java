package ganstudio.train.gan;

import ganstudio.data.Mixture2D;
import ganstudio.data.ModeCoverage;
import ganstudio.media.Frame;

/**
 * Scores a 2D frame's generated points by the mode-coverage protocol on the training side, where the mixture's σ
 * is known, so the frame carries only the two numbers a view shows and need not carry σ.
 */
final class FrameCoverage {

    private FrameCoverage() {}

    /** The frame with its points' mode coverage, or the frame unchanged for a mixture without modes. */
    static Frame score(Frame frame, Mixture2D mix) {
        if (!mix.hasModes()) {
            return frame;
        }
        ModeCoverage.Result coverage = ModeCoverage.evaluate(mix, frame.points());
        return frame.withModeCoverage(coverage.modesCaptured(), coverage.highQualityFraction());
    }
}
