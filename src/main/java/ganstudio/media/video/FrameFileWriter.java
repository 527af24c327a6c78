package ganstudio.media.video;

import java.io.IOException;

/**
 * What the MP4 and GIF writers share: the fixed frame size and rate, the frame count, the checks on each frame,
 * and a close that finalizes the file only when it holds a frame and releases it whatever happens.
 */
abstract class FrameFileWriter implements VideoWriter {

    protected final int width;
    protected final int height;
    protected final int fps;
    /** Frames written so far; the subclass's writeFrame sees the count before its frame. */
    protected int frames;
    private boolean closed;

    protected FrameFileWriter(int width, int height, int fps) {
        if (width <= 0 || height <= 0 || fps <= 0) {
            throw new IllegalArgumentException("a video needs a positive size and fps, not " + width + "x" + height
                    + " at " + fps + " fps");
        }
        this.width = width;
        this.height = height;
        this.fps = fps;
    }

    @Override
    public final void write(int[] argb, int slots) throws IOException {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (argb.length != width * height || slots < 1) {
            throw new IllegalArgumentException("expected " + width + "x" + height + " pixels and slots >= 1");
        }
        writeFrame(argb, slots);
        frames++;
    }

    /** Encodes one checked frame lasting slots periods of 1/fps seconds. */
    protected abstract void writeFrame(int[] argb, int slots) throws IOException;

    /** Writes what makes the file complete (an MP4's index, a GIF's trailer); called only if it holds a frame. */
    protected abstract void finishFile() throws IOException;

    /** Closes the file and frees the encoder. */
    protected abstract void release() throws IOException;

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int frames() {
        return frames;
    }

    @Override
    public final void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (frames > 0) {
                finishFile();
            }
        } finally {
            release();
        }
    }
}
