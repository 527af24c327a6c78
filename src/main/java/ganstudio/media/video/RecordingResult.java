package ganstudio.media.video;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What a finished recording holds.
 *
 * @param dropped frames the encoder could not keep up with; their time went to the frame after them
 * @param error why the recording ended early, or empty
 */
public record RecordingResult(Path file, int frames, int dropped, long slots, int fps, int width, int height,
        String error) {

    public double seconds() {
        return (double) slots / fps;
    }

    public boolean ok() {
        return error.isEmpty() && frames > 0;
    }

    /** One line for the console and the status bar. */
    public String describe() {
        if (frames == 0) {
            return file + ": no frames recorded" + (error.isEmpty() ? "" : " (" + error + ")");
        }
        return String.format(Locale.ROOT, "%s: %d frames, %.1f s at %d fps, %dx%d, %d dropped%s", file, frames,
                seconds(), fps, width, height, dropped, error.isEmpty() ? "" : " (stopped early: " + error + ")");
    }
}
