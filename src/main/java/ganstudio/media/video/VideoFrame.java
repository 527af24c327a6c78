package ganstudio.media.video;

import java.util.List;

/**
 * One picture handed to a recording: ARGB pixels (not copied: the producer must not change them afterwards)
 * and one caption per column of the picture (two for a side-by-side comparison).
 */
public record VideoFrame(long step, int width, int height, int[] argb, List<Caption> captions) {

    public VideoFrame {
        if (argb.length != width * height) {
            throw new IllegalArgumentException(width + "x" + height + " frame with " + argb.length + " pixels");
        }
        captions = List.copyOf(captions);
    }

    public static VideoFrame of(ganstudio.media.Frame frame, Caption caption) {
        return new VideoFrame(frame.step(), frame.width(), frame.height(), frame.argb(), List.of(caption));
    }
}
