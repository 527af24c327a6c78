package ganstudio.media;

import java.util.Arrays;

/** Tiles a batch of images in [−1, 1] (NCHW floats) into one ARGB grid with a 2-pixel gutter. */
public final class ImageGrid {

    static final int GUTTER = 2;
    static final int GUTTER_ARGB = 0xFF202020;

    private ImageGrid() {}

    /**
     * Where each cell of a grid lies: count cells of size² pixels, cols to a row, a gutter before, between and
     * after them. The one definition of the geometry, shared by the renderer, a view that maps a click to a cell
     * and the filmstrip of one cell.
     */
    public record Layout(int count, int cols, int size) {

        public Layout {
            if (count < 1 || cols < 1 || size < 1) {
                throw new IllegalArgumentException("a grid needs cells, columns and a size: " + count + ", " + cols
                        + ", " + size);
            }
        }

        public int rows() {
            return (count + cols - 1) / cols;
        }

        public int width() {
            return cols * size + (cols + 1) * GUTTER;
        }

        public int height() {
            return rows() * size + (rows() + 1) * GUTTER;
        }

        /** Left edge of cell i's first pixel. */
        public int x(int i) {
            return GUTTER + (i % cols) * (size + GUTTER);
        }

        /** Top edge of cell i's first pixel. */
        public int y(int i) {
            return GUTTER + (i / cols) * (size + GUTTER);
        }

        /** The cell under a pixel, or −1 on a gutter, an empty slot of the last row or outside. */
        public int cellAt(int px, int py) {
            if (px < GUTTER || py < GUTTER || px >= width() || py >= height()
                    || (px - GUTTER) % (size + GUTTER) >= size || (py - GUTTER) % (size + GUTTER) >= size) {
                return -1;
            }
            int index = (py - GUTTER) / (size + GUTTER) * cols + (px - GUTTER) / (size + GUTTER);
            return index < count ? index : -1;
        }
    }

    /** Columns of a near-square grid for n images. */
    public static int columns(int n) {
        return (int) Math.ceil(Math.sqrt(n));
    }

    /** The near-square layout {@link #render} uses for count images of size² pixels. */
    public static Layout layout(int count, int size) {
        return new Layout(count, columns(count), size);
    }

    /**
     * The layout of a rendered grid of count images, recovered from its pixel size (a saved PNG does not say how
     * large a cell is), or null when no cell size gives exactly that picture.
     */
    public static Layout layoutOf(int count, int width, int height) {
        if (count < 1) {
            return null;
        }
        int cols = columns(count);
        int size = (width - (cols + 1) * GUTTER) / cols;
        if (size < 1) {
            return null;
        }
        Layout l = new Layout(count, cols, size);
        return l.width() == width && l.height() == height ? l : null;
    }

    public static Frame render(long step, float[] pixels, int count, int channels, int size) {
        Layout layout = layout(count, size);
        int width = layout.width();
        int[] argb = new int[width * layout.height()];
        Arrays.fill(argb, GUTTER_ARGB);
        int plane = size * size;
        for (int i = 0; i < count; i++) {
            int ox = layout.x(i);
            int oy = layout.y(i);
            int base = i * channels * plane;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int p = y * size + x;
                    int r = toByte(pixels[base + p]);
                    int g = channels == 3 ? toByte(pixels[base + plane + p]) : r;
                    int b = channels == 3 ? toByte(pixels[base + 2 * plane + p]) : r;
                    argb[(oy + y) * width + ox + x] = 0xFF000000 | r << 16 | g << 8 | b;
                }
            }
        }
        return Frame.image(step, width, layout.height(), argb);
    }

    static int toByte(float v) {
        int b = Math.round((v + 1f) * 127.5f);
        return Math.max(0, Math.min(255, b));
    }
}
