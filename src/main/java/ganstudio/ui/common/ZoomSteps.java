package ganstudio.ui.common;

/**
 * The zoom levels of a picture, as screen pixels per picture pixel. "Fit" (0) is the default and the floor:
 * zooming out of a level at or below the fitted scale returns to fit, so the picture never floats small.
 */
final class ZoomSteps {

    static final double FIT = 0;

    private static final double[] LEVELS = {0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 32};

    private ZoomSteps() {}

    /** The next level above the current scale (the largest level stays). */
    static double in(double scale) {
        for (double level : LEVELS) {
            if (level > scale * 1.001) {
                return level;
            }
        }
        return LEVELS[LEVELS.length - 1];
    }

    /** The next level below the current scale, or fit once that would not be larger than the fitted scale. */
    static double out(double scale, double fitScale) {
        for (int i = LEVELS.length - 1; i >= 0; i--) {
            if (LEVELS[i] < scale * 0.999) {
                return LEVELS[i] > fitScale * 1.001 ? LEVELS[i] : FIT;
            }
        }
        return FIT;
    }

    static String label(double zoom, double shownScale) {
        return zoom == FIT ? "Fit (" + Math.round(shownScale * 100) + "%)" : Math.round(zoom * 100) + "%";
    }
}
