package ganstudio.media.video;

import ganstudio.media.Frame;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.List;

/**
 * One picture handed to a recording, with one caption per column of the picture (two for a side-by-side
 * comparison). Either ARGB pixels (not copied: the producer must not change them afterwards) or a training
 * {@link Frame}, kept compact and drawn only when the encoder asks for {@link #argb()}, so a 2D frame costs the
 * training thread no drawing and the queue about 20 KB instead of a megabyte. Or pixels outside the Java heap
 * ({@link #offHeap}), for frames too large to wait in it.
 */
public final class VideoFrame {

    private final long step;
    private final int width;
    private final int height;
    private final int[] pixels;
    private final IntBuffer offHeap;
    private final Frame source;
    private final List<Caption> captions;

    public VideoFrame(long step, int width, int height, int[] argb, List<Caption> captions) {
        Frame.checkPixels(width, height, argb);
        this.step = step;
        this.width = width;
        this.height = height;
        this.pixels = argb;
        this.offHeap = null;
        this.source = null;
        this.captions = List.copyOf(captions);
    }

    private VideoFrame(long step, int width, int height, IntBuffer pixels, List<Caption> captions) {
        if (pixels.capacity() != width * height) {
            throw new IllegalArgumentException(width + "x" + height + " frame with " + pixels.capacity() + " pixels");
        }
        this.step = step;
        this.width = width;
        this.height = height;
        this.pixels = null;
        this.offHeap = pixels;
        this.source = null;
        this.captions = List.copyOf(captions);
    }

    /**
     * A frame whose ARGB pixels ({@link #newPixelBuffer}, filled by the producer and not changed afterwards) stay
     * outside the Java heap while the frame waits. A studio window of 1400x900 is 5 MB: as an int[] every such
     * frame was a "humongous" object for G1, and each one started a young collection and a concurrent marking of
     * the whole heap, whose safepoints stopped the training thread at its next native call.
     */
    public static VideoFrame offHeap(long step, int width, int height, IntBuffer argb, List<Caption> captions) {
        return new VideoFrame(step, width, height, argb, captions);
    }

    /** Room for width × height ARGB pixels outside the heap, for {@link #offHeap}. */
    public static IntBuffer newPixelBuffer(int width, int height) {
        return ByteBuffer.allocateDirect(4 * width * height).order(ByteOrder.nativeOrder()).asIntBuffer();
    }

    private VideoFrame(Frame source, Caption caption) {
        this.step = source.step();
        this.width = source.width();
        this.height = source.height();
        this.pixels = null;
        this.offHeap = null;
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

    /**
     * The pixels; a 2D training frame is drawn at the first call, and an off-heap one copied into a new array
     * at each call, on the caller's (the encoder's) thread.
     */
    public int[] argb() {
        if (source != null) {
            return source.argb();
        }
        if (offHeap != null) {
            int[] copy = new int[offHeap.capacity()];
            offHeap.get(0, copy);
            return copy;
        }
        return pixels;
    }

    public List<Caption> captions() {
        return captions;
    }

    /** What this frame keeps in memory while it waits in a queue. */
    public long queuedBytes() {
        if (source != null) {
            return source.retainedBytes();
        }
        return 4L * (offHeap != null ? offHeap.capacity() : pixels.length);
    }
}
