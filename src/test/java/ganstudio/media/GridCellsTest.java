package ganstudio.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class GridCellsTest {

    private static final int GUTTER = 0xFF202020;

    /**
     * Five 3x3 cells, three to a row, drawn by hand: gutter 2, so columns start at x = 2, 7, 12 and rows at y = 2,
     * 7; the picture is 17 x 12. Pixel (x, y) of cell i is 0xFF_ii_yy_xx, so a cell read at the wrong place, flipped
     * or transposed cannot pass.
     */
    private static int[] handMadeGrid() {
        int[] argb = new int[17 * 12];
        Arrays.fill(argb, GUTTER);
        for (int i = 0; i < 5; i++) {
            int ox = 2 + (i % 3) * 5;
            int oy = 2 + (i / 3) * 5;
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 3; x++) {
                    argb[(oy + y) * 17 + ox + x] = colour(i, x, y);
                }
            }
        }
        return argb;
    }

    private static int colour(int cell, int x, int y) {
        return 0xFF000000 | (cell + 1) << 16 | y << 8 | x;
    }

    private static final ImageGrid.Layout LAYOUT = ImageGrid.layout(5, 3);

    @Test
    void theLayoutOfFiveCellsOfThree() {
        assertEquals(3, LAYOUT.cols());
        assertEquals(2, LAYOUT.rows());
        assertEquals(17, LAYOUT.width());
        assertEquals(12, LAYOUT.height());
        assertEquals(12, LAYOUT.x(2));
        assertEquals(7, LAYOUT.y(4));
    }

    @Test
    void extractsEachCellsOwnPixels() {
        int[] grid = handMadeGrid();
        for (int i = 0; i < 5; i++) {
            int[] expected = new int[9];
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 3; x++) {
                    expected[y * 3 + x] = colour(i, x, y);
                }
            }
            assertArrayEquals(expected, GridCells.extract(grid, LAYOUT, i), "cell " + i);
        }
        assertThrows(IllegalArgumentException.class, () -> GridCells.extract(grid, LAYOUT, 5));
        assertThrows(IllegalArgumentException.class, () -> GridCells.extract(new int[10], LAYOUT, 0));
    }

    @Test
    void clicksOnCellEdgesHitTheCellAndGuttersHitNothing() {
        // {x, y, cell}: cell 0 spans x, y = 2..4 and both its first and last pixels are in it; the gutters left
        // of and above the picture, between cells 0 and 1 and between the rows are no cell; so are the right and
        // bottom gutters, the empty sixth slot of the second row and everything outside the picture.
        int[][] clicks = {
            {2, 2, 0}, {4, 4, 0}, {7, 2, 1}, {14, 4, 2}, {2, 7, 3}, {9, 9, 4},
            {0, 3, -1}, {1, 3, -1}, {3, 1, -1}, {5, 3, -1}, {6, 3, -1}, {3, 5, -1}, {3, 6, -1},
            {15, 3, -1}, {16, 3, -1}, {3, 10, -1}, {12, 7, -1}, {14, 9, -1},
            {17, 3, -1}, {-1, 3, -1}, {3, 12, -1},
        };
        for (int[] c : clicks) {
            assertEquals(c[2], LAYOUT.cellAt(c[0], c[1]), "at " + c[0] + "," + c[1]);
        }
    }

    @Test
    void aClickedPixelAndItsCellAgreeOnTheHandMadeGrid() {
        int[] grid = handMadeGrid();
        for (int py = 0; py < 12; py++) {
            for (int px = 0; px < 17; px++) {
                int cell = LAYOUT.cellAt(px, py);
                int pixel = grid[py * 17 + px];
                assertEquals(pixel == GUTTER ? -1 : (pixel >> 16 & 0xFF) - 1, cell, "at " + px + "," + py);
            }
        }
    }

    @Test
    void theRenderersGridIsTheLayouts() {
        // Image i is flat grey (i - 2) / 2 in [-1, 1]: 0, 64, 128, 191, 255 after rounding.
        float[] pixels = new float[5 * 9];
        for (int i = 0; i < 5; i++) {
            Arrays.fill(pixels, i * 9, i * 9 + 9, (i - 2) / 2f);
        }
        Frame f = ImageGrid.render(7, pixels, 5, 1, 3);
        assertEquals(LAYOUT, ImageGrid.layoutOf(5, f.width(), f.height()));
        int[] greys = {0, 64, 128, 191, 255};
        for (int i = 0; i < 5; i++) {
            int[] expected = new int[9];
            Arrays.fill(expected, 0xFF000000 | greys[i] * 0x010101);
            assertArrayEquals(expected, GridCells.extract(f.argb(), LAYOUT, i), "cell " + i);
        }
    }

    @Test
    void aPictureThatIsNoGridOfThatBankHasNoLayout() {
        assertNull(ImageGrid.layoutOf(512, 400, 400)); // the 2D view
        assertNull(ImageGrid.layoutOf(5, 18, 12));
        assertNull(ImageGrid.layoutOf(5, 17, 13));
        assertEquals(new ImageGrid.Layout(64, 8, 28), ImageGrid.layoutOf(64, 8 * 28 + 9 * 2, 8 * 28 + 9 * 2));
    }

    @Test
    void aStripLaysCellsInOneRowFirstOnTheLeft() {
        int[] a = {1, 2, 3, 4};
        int[] b = {5, 6, 7, 8};
        Frame strip = GridCells.strip(9, List.of(a, b), 2);
        assertEquals(2 * 2 + 3 * 2, strip.width());
        assertEquals(2 + 2 * 2, strip.height());
        assertEquals(9, strip.step());
        int w = strip.width();
        int[] row2 = Arrays.copyOfRange(strip.argb(), 2 * w, 3 * w);
        int[] row3 = Arrays.copyOfRange(strip.argb(), 3 * w, 4 * w);
        int g = GUTTER;
        assertArrayEquals(new int[] {g, g, 1, 2, g, g, 5, 6, g, g}, row2);
        assertArrayEquals(new int[] {g, g, 3, 4, g, g, 7, 8, g, g}, row3);
        assertEquals(g, strip.argb()[0]);
    }
}
