package ganstudio.media.video;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class FrameCanvasTest {

    private static VideoFrame frame(int w, int h, int argb, int captions) {
        int[] p = new int[w * h];
        java.util.Arrays.fill(p, argb);
        Caption c = new Caption("ring8-wgan", "wgan", 120, 300, -0.0123, 0.5, 0.0123);
        return new VideoFrame(120, w, h, p, captions == 1 ? List.of(c) : List.of(c, c));
    }

    @Test
    void smallPicturesGrowByAWholeFactorAndGetAnEvenStrip() {
        FrameCanvas c = FrameCanvas.forFirstFrame(frame(242, 242, 0xFF808080, 1), VideoSettings.defaults());
        assertEquals(484, c.width()); // 242 × 2: at least 480
        assertEquals(0, c.height() % 2);
        int[] px = c.render(frame(242, 242, 0xFF808080, 1), 0);
        assertEquals(0xFF808080, px[0] | 0xFF000000);
        assertEquals(0xFF808080, px[483 * 1 + 483 * c.width() / c.width()] | 0xFF000000);
    }

    @Test
    void largePicturesShrinkAndAFixedSizeIsKept() {
        FrameCanvas wide = FrameCanvas.forFirstFrame(frame(1600, 1000, 0xFF000000, 1), VideoSettings.defaults());
        assertEquals(1280, wide.width());
        FrameCanvas fixed = FrameCanvas.forFirstFrame(frame(512, 512, 0xFF000000, 2),
                VideoSettings.defaults().withSize(641, 481));
        assertEquals(642, fixed.width());
        assertEquals(482, fixed.height());
        assertEquals(642 * 482, fixed.render(frame(300, 100, 0xFFFFFFFF, 2), 5).length);
    }

    @Test
    void numbersStayReadableAtEveryScale() {
        assertEquals("0.5000", FrameCanvas.number(0.5));
        assertEquals("\u22120.0123", FrameCanvas.number(-0.0123));
        assertEquals("1.23e\u221205", FrameCanvas.number(1.234e-5));
        assertEquals("0.0000", FrameCanvas.number(0));
    }
}
