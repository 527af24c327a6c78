package ganstudio.ui.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ganstudio.media.Frame;
import ganstudio.media.GridCells;
import ganstudio.media.ImageGrid;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FollowedCellTest {

    /** Four 2x2 images; every pixel of image i at a step is grey i + step. */
    private static Frame grid(long step) {
        float[] pixels = new float[4 * 4];
        for (int i = 0; i < 4; i++) {
            Arrays.fill(pixels, i * 4, i * 4 + 4, (i + step) / 127.5f - 1f);
        }
        return ImageGrid.render(step, pixels, 4, 1, 2);
    }

    private static int[] grey(int v) {
        int[] cell = new int[4];
        Arrays.fill(cell, 0xFF000000 | v * 0x010101);
        return cell;
    }

    @Test
    void keepsTheFollowedCellOfEachFrameByStep() {
        FollowedCell c = new FollowedCell(2, ImageGrid.layout(4, 2));
        c.add(grid(100));
        c.add(grid(0));
        c.add(Frame.image(50, 3, 3, new int[9])); // not this grid: ignored
        c.addAll(Map.of(200L, grey(7)));
        assertEquals(3, c.frames());
        assertArrayEquals(grey(2), c.at(0));
        assertArrayEquals(grey(102), c.at(100));
        assertArrayEquals(grey(102), c.at(150)); // the newest frame at or before the step on screen
        assertArrayEquals(grey(7), c.at(999));
        assertNull(c.at(-1));
        assertEquals(200L, c.newestStep());
        assertThrows(IllegalArgumentException.class, () -> new FollowedCell(4, ImageGrid.layout(4, 2)));
    }

    @Test
    void theStripIsOldestFirstAndThinnedEvenlyKeepingBothEnds() {
        FollowedCell c = new FollowedCell(0, ImageGrid.layout(4, 2));
        for (long s = 0; s <= 900; s += 100) {
            c.add(grid(s));
        }
        assertEquals(List.of(0L, 100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L, 900L), c.stripSteps(10));
        assertEquals(List.of(0L, 300L, 600L, 900L), c.stripSteps(4));
        assertEquals(List.of(0L, 900L), c.stripSteps(2));
        Frame strip = c.strip(List.of(0L, 900L));
        assertEquals(2 * 2 + 3 * 2, strip.width());
        assertEquals(900, strip.step());
        ImageGrid.Layout row = new ImageGrid.Layout(2, 2, 2);
        assertArrayEquals(grey(0), ganstudio.media.GridCells.extract(strip.argb(), row, 0));
        assertArrayEquals(grey(255), ganstudio.media.GridCells.extract(strip.argb(), row, 1));
    }
}
