package ganstudio.media.video;

import ganstudio.media.Frame;

import java.util.List;

/**
 * One picture handed to a recording, with one caption per column of the picture (two for a side-by-side
 * comparison). Either ARGB pixels (not copied: the producer must not change them afterwards) or a training
 * {@link Frame}, kept compact and drawn only when the encoder asks for {@link #argb()}, so a 2D frame costs the
 * training thread no drawing and the queue about 20 KB instead of a megabyte.
 */
public final class VideoFrame {

    private final long step;
    private final int width;
    private final int height;
    private final int[] pixels;
    private final Frame source;
    private final List<Caption> captions;

    public VideoFrame(long step, int width, int height, int[] argb, List<Caption> captions) {
        Frame.checkPixels(width, height, argb);
        this.step = step;
        this.width = width;
        this.height = height;
        this.pixels = argb;
        this.source = null;
        this.captions = List.copyOf(captions);
    }

    private VideoFrame(Frame source, Caption caption) {
        this.step = source.step();
        this.width = source.width();
        this.height = source.height();
        this.pixels = null;
        this.source = source.compact();
        this.captions = List.of(caption);
    }

    public static VideoFrame of(Frame frame, Caption caption) {
        return new VideoFrame(frame, caption);
    }

    public long step() {
        return step;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The pixels; a 2D training frame is drawn at the first call, on the caller's (the encoder's) thread. */
    public int[] argb() {
        return source == null ? pixels : source.argb();
    }

    public List<Caption> captions() {
        return captions;
    }

    /** What this frame keeps in memory while it waits in a queue. */
    public long queuedBytes() {
        return source == null ? 4L * pixels.length : source.retainedBytes();
    }
}
