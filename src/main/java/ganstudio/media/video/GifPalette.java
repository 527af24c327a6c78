package ganstudio.media.video;

import java.awt.image.IndexColorModel;

/**
 * One fixed 256-colour palette for every frame: the 6×6×6 colour cube plus 40 extra greys (46 grey levels in
 * all), with 8×8 ordered dithering. Fixed and ordered rather than adaptive and error-diffused because a video
 * must not flicker: the same colour maps to the same pattern in every frame, and unchanged regions stay
 * byte-identical, which also lets the GifWriter store only what changed. Greyscale sample grids and the
 * overlay's white-on-dark text land on the fine grey ramp.
 */
final class GifPalette {

    static final int GREY_LEVELS = 46;
    private static final int CUBE_STEP = 51;
    /** Channels within this many levels of each other count as grey. */
    private static final int GREY_TOLERANCE = 6;

    private static final int[] BAYER8 = {
        0, 32, 8, 40, 2, 34, 10, 42,
        48, 16, 56, 24, 50, 18, 58, 26,
        12, 44, 4, 36, 14, 46, 6, 38,
        60, 28, 52, 20, 62, 30, 54, 22,
        3, 35, 11, 43, 1, 33, 9, 41,
        51, 19, 59, 27, 49, 17, 57, 25,
        15, 47, 7, 39, 13, 45, 5, 37,
        63, 31, 55, 23, 61, 29, 53, 21};

    /** Dither offsets in [−0.5, 0.5), as fractions of one palette step. */
    private static final float[] THRESHOLD = new float[64];
    private static final byte[] GREY_INDEX = new byte[GREY_LEVELS];

    static {
        for (int i = 0; i < 64; i++) {
            THRESHOLD[i] = (BAYER8[i] + 0.5f) / 64f - 0.5f;
        }
        int extra = 216;
        for (int k = 0; k < GREY_LEVELS; k++) {
            if (k % 9 == 0) {
                int level = k / 9; // cube grey (level, level, level)
                GREY_INDEX[k] = (byte) (level * 36 + level * 6 + level);
            } else {
                GREY_INDEX[k] = (byte) extra++;
            }
        }
    }

    private GifPalette() {}

    static IndexColorModel colorModel() {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        for (int i = 0; i < 216; i++) {
            r[i] = (byte) (i / 36 * CUBE_STEP);
            g[i] = (byte) (i / 6 % 6 * CUBE_STEP);
            b[i] = (byte) (i % 6 * CUBE_STEP);
        }
        for (int k = 0; k < GREY_LEVELS; k++) {
            int i = GREY_INDEX[k] & 0xFF;
            byte grey = (byte) Math.round(k * 255f / (GREY_LEVELS - 1));
            r[i] = grey;
            g[i] = grey;
            b[i] = grey;
        }
        return new IndexColorModel(8, 256, r, g, b);
    }

    /** Maps ARGB pixels to palette indexes with the dither pattern anchored at the frame's top-left corner. */
    static void quantize(int[] argb, int width, int height, byte[] out) {
        for (int y = 0; y < height; y++) {
            int row = (y & 7) << 3;
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                int p = argb[i];
                int r = p >> 16 & 0xFF;
                int g = p >> 8 & 0xFF;
                int b = p & 0xFF;
                float t = THRESHOLD[row | (x & 7)];
                int max = Math.max(r, Math.max(g, b));
                int min = Math.min(r, Math.min(g, b));
                if (max - min <= GREY_TOLERANCE) {
                    float grey = (r + g + b) / 3f;
                    out[i] = GREY_INDEX[level(grey * (GREY_LEVELS - 1) / 255f + t, GREY_LEVELS - 1)];
                } else {
                    int lr = level(r / (float) CUBE_STEP + t, 5);
                    int lg = level(g / (float) CUBE_STEP + t, 5);
                    int lb = level(b / (float) CUBE_STEP + t, 5);
                    out[i] = (byte) (lr * 36 + lg * 6 + lb);
                }
            }
        }
    }

    private static int level(float v, int max) {
        int l = (int) Math.floor(v + 0.5f);
        return l < 0 ? 0 : Math.min(max, l);
    }
}
