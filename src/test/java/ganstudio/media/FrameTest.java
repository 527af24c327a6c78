package ganstudio.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class FrameTest {

    private static Frame plane() {
        // 1 point (2 floats), a 2×2 heatmap (4 floats), 1 mode centre (2 doubles), drawn on a 4-pixel side.
        return PlaneRenderer.render(3, new float[] {0f, 0f}, new float[] {0, 1, 2, 3}, 2, 1.0,
                new double[] {0.5, 0.5}, 4);
    }

    @Test
    void aTwoDimensionalFrameHoldsItsDataUntilAConsumerAsksForPixels() {
        Frame f = plane();
        assertEquals(4 * 2 + 4 * 4 + 8 * 2, f.retainedBytes(), "points, heatmap and means only: 40 bytes");
        int[] px = f.argb();
        assertEquals(16, px.length);
        assertEquals(40 + 4 * 16, f.retainedBytes(), "then also its 16 pixels");
        assertSame(px, f.argb(), "drawn once");
        assertArrayEquals(PlaneRenderer.pixels(f.points(), f.heatmap(), 2, 1.0, f.means(), 4), px);
    }

    @Test
    void compactDropsDrawnPixelsButKeepsScoreAndDrawsTheSamePicture() {
        Frame f = plane().withModeCoverage(1, 0.25);
        int[] px = f.argb();
        Frame c = f.compact();
        assertEquals(40, c.retainedBytes());
        assertEquals(1, c.modesCaptured());
        assertEquals(0.25, c.highQuality());
        assertEquals(3, c.step());
        assertNotSame(px, c.argb());
        assertArrayEquals(px, c.argb());
        assertEquals(40 + 64, f.retainedBytes(), "the original keeps what it drew");
    }

    @Test
    void anImageFrameIsItsPixels() {
        int[] px = {1, 2, 3, 4, 5, 6};
        Frame f = Frame.image(9, 3, 2, px);
        assertSame(f, f.compact());
        assertSame(px, f.argb());
        assertEquals(24, f.retainedBytes());
        assertThrows(IllegalArgumentException.class, () -> Frame.image(9, 3, 3, px));
        assertThrows(IllegalArgumentException.class,
                () -> Frame.plane(0, 4, new float[0], new float[3], 2, 1.0, new double[0]));
    }

    @Test
    void threadsAskingAtOnceGetOneDrawing() throws Exception {
        Frame f = plane();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<int[]>> got = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                got.add(pool.submit(f::argb));
            }
            for (Future<int[]> g : got) {
                assertSame(f.argb(), g.get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
