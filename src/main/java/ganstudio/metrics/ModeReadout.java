package ganstudio.metrics;

import ganstudio.media.Frame;

import java.util.Locale;

/**
 * The 2D view's one-line score of a frame's generated points, as {@code ganstudio.data.ModeCoverage} counts them:
 * modes captured out of the mixture's modes, and the share of points within 3σ of some mode.
 */
public record ModeReadout(long step, int captured, int modes, double highQuality) {

    /** What the view shows when a frame's points were not scored (a run saved before frames carried it). */
    public static final String UNKNOWN = "modes captured — · high quality —";

    /** The frame's score, or null when it carries none. */
    public static ModeReadout of(Frame frame) {
        return frame.hasModeCoverage()
                ? new ModeReadout(frame.step(), frame.modesCaptured(), frame.modes(), frame.highQuality())
                : null;
    }

    public String text() {
        String share = Double.isNaN(highQuality) ? "—"
                : String.format(Locale.ROOT, "%.1f%%", highQuality * 100); // 1 of 512 points is 0.2%, not 0%
        return "modes captured " + captured + " / " + modes + " · high quality " + share;
    }
}
