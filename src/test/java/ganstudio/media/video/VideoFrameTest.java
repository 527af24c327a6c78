package ganstudio.media.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoFrameTest {

    private static final Caption CAPTION = Caption.stepOnly("t", 7, 100);

    private static IntBuffer filled(int w, int h) {
        IntBuffer b = VideoFrame.newPixelBuffer(w, h);
        for (int i = 0; i < w * h; i++) {
            b.put(i, 0xFF000000 | i * 2654435);
        }
        return b;
    }

    @Test
    void offHeapPixelsLeaveTheHeapAndComeBackUnchanged() {
        IntBuffer px = filled(5, 3);
        assertTrue(px.isDirect(), "the pixels are outside the Java heap");
        assertEquals(15, px.capacity());
        VideoFrame f = VideoFrame.offHeap(7, 5, 3, px, List.of(CAPTION));
        int[] expected = new int[15];
        for (int i = 0; i < 15; i++) {
            expected[i] = 0xFF000000 | i * 2654435;
        }
        assertEquals(7, f.step());
        assertEquals(5, f.width());
        assertEquals(3, f.height());
        assertEquals(60, f.queuedBytes(), "4 bytes a pixel count against the recorder's queue");
        int[] first = f.argb();
        assertArrayEquals(expected, first);
        first[0] = 0; // the encoder may draw on its copy: the frame keeps its own pixels
        assertArrayEquals(expected, f.argb());
        assertNotSame(f.argb(), f.argb());
    }

    @Test
    void aBufferOfAnotherSizeIsRefused() {
        IntBuffer px = VideoFrame.newPixelBuffer(4, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VideoFrame.offHeap(1, 5, 3, px, List.of(CAPTION)));
        assertEquals("5x3 frame with 16 pixels", e.getMessage());
    }

    @Test
    void aRecorderEncodesOffHeapFrames(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("off-heap.mp4");
        Recorder r = Recorder.start(file, VideoSettings.defaults());
        for (int step = 1; step <= 3; step++) {
            assertTrue(r.offer(VideoFrame.offHeap(step, 64, 48, filled(64, 48), List.of(CAPTION))));
        }
        RecordingResult result = r.close();
        assertTrue(result.ok(), result.describe());
        assertEquals(3, result.frames(), "every off-heap frame reached the file: " + result.describe());
        assertTrue(Files.size(file) > 0);
    }
}
