package ganstudio.ui.gan;

import java.util.List;

/**
 * The frames an opened run's timeline offers when that run is still training: those saved since it was opened
 * join, except the newest one on disk while training goes on (its PNG may be half written; it joins on the
 * next look).
 */
final class TimelineSteps {

    private TimelineSteps() {}

    /**
     * @param shown the steps the timeline has now
     * @param onDisk the steps with a saved frame now, ascending
     * @param training whether the run is still writing frames
     * @return the steps to show, or null when nothing new joined
     */
    static List<Long> grown(List<Long> shown, List<Long> onDisk, boolean training) {
        List<Long> complete = training && !onDisk.isEmpty() ? onDisk.subList(0, onDisk.size() - 1) : onDisk;
        return complete.size() > shown.size() ? List.copyOf(complete) : null;
    }

    /** Whether the slider sits on the newest frame, so it should move on with the new ones. */
    static boolean atNewest(double sliderValue, int shownCount) {
        return Math.round(sliderValue) >= shownCount - 1;
    }
}
