package ganstudio.media.video;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes frames of one fixed size into a video file. A frame lasts a whole number of slots of 1/fps seconds,
 * so a frame that stands in for dropped ones can last longer while the video keeps its pacing.
 * {@link #close()} finalizes the file; until then an MP4 is not playable.
 */
public interface VideoWriter extends AutoCloseable {

    /**
     * @param argb width × height opaque ARGB pixels, row by row
     * @param slots how many 1/fps periods the frame stays on screen (1 normally)
     */
    void write(int[] argb, int slots) throws IOException;

    int width();

    int height();

    /** Frames written so far. */
    int frames();

    @Override
    void close() throws IOException;

    /** A writer for the file's type (.mp4 or .gif); width and height must be even. */
    static VideoWriter open(Path file, int width, int height, int fps) throws IOException {
        return switch (VideoFormat.of(file)) {
            case MP4 -> new Mp4Writer(file, width, height, fps);
            case GIF -> new GifWriter(file, width, height, fps);
        };
    }
}
