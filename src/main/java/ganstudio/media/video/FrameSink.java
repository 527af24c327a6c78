package ganstudio.media.video;

import java.io.IOException;

/** Where the Recorder's encoder thread puts frames: normally a {@link FrameEncoder}. */
interface FrameSink extends AutoCloseable {

    /**
     * @param slots 1/fps periods this frame covers (more than 1 when frames before it were dropped)
     * @param dropped frames dropped so far, for the overlay
     */
    void accept(VideoFrame frame, int slots, int dropped) throws IOException;

    int frames();

    long slots();

    int width();

    int height();

    @Override
    void close() throws IOException;
}
