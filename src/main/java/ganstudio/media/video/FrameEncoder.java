package ganstudio.media.video;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Lays out and encodes frames into one file, synchronously: the Recorder runs it on its own thread, the
 * `video` command directly. The file is opened at the first frame, when the picture's size is known.
 */
public final class FrameEncoder implements FrameSink {

    private final Path file;
    private final VideoSettings settings;
    private FrameCanvas canvas;
    private VideoWriter writer;
    private long slots;

    public FrameEncoder(Path file, VideoSettings settings) {
        this.file = file;
        this.settings = settings;
    }

    @Override
    public void accept(VideoFrame frame, int frameSlots, int dropped) throws IOException {
        if (writer == null) {
            canvas = FrameCanvas.forFirstFrame(frame, settings);
            writer = VideoWriter.open(file, canvas.width(), canvas.height(), settings.fps());
        }
        writer.write(canvas.render(frame, dropped), frameSlots);
        slots += frameSlots;
    }

    public void accept(VideoFrame frame) throws IOException {
        accept(frame, 1, 0);
    }

    @Override
    public int frames() {
        return writer == null ? 0 : writer.frames();
    }

    @Override
    public long slots() {
        return slots;
    }

    @Override
    public int width() {
        return canvas == null ? 0 : canvas.width();
    }

    @Override
    public int height() {
        return canvas == null ? 0 : canvas.height();
    }

    public Path file() {
        return file;
    }

    public VideoSettings settings() {
        return settings;
    }

    /** Finalizes the file (for MP4 this is what makes it playable). */
    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
        }
    }
}
