package ganstudio.media;

/** Tiles a batch of images in [−1, 1] (NCHW floats) into one ARGB grid with a 2-pixel gutter. */
public final class ImageGrid {

    private static final int GUTTER = 2;
    private static final int GUTTER_ARGB = 0xFF202020;

    private ImageGrid() {}

    /** Columns of a near-square grid for n images. */
    public static int columns(int n) {
        return (int) Math.ceil(Math.sqrt(n));
    }

    public static Frame render(long step, float[] pixels, int count, int channels, int size) {
        int cols = columns(count);
        int rows = (count + cols - 1) / cols;
        int width = cols * size + (cols + 1) * GUTTER;
        int height = rows * size + (rows + 1) * GUTTER;
        int[] argb = new int[width * height];
        java.util.Arrays.fill(argb, GUTTER_ARGB);
        int plane = size * size;
        for (int i = 0; i < count; i++) {
            int ox = GUTTER + (i % cols) * (size + GUTTER);
            int oy = GUTTER + (i / cols) * (size + GUTTER);
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
        return Frame.image(step, width, height, argb);
    }

    static int toByte(float v) {
        int b = Math.round((v + 1f) * 127.5f);
        return Math.max(0, Math.min(255, b));
    }

    /** The grid cell under a pixel, or −1 on a gutter or outside; lets a view follow one noise vector. */
    public static int cellAt(int px, int py, int count, int size) {
        int cols = columns(count);
        int cx = (px - GUTTER) / (size + GUTTER);
        int cy = (py - GUTTER) / (size + GUTTER);
        if (px < GUTTER || py < GUTTER || (px - GUTTER) % (size + GUTTER) >= size
                || (py - GUTTER) % (size + GUTTER) >= size || cx >= cols) {
            return -1;
        }
        int index = cy * cols + cx;
        return index < count ? index : -1;
    }
}
