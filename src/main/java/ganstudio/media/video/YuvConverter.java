package ganstudio.media.video;

/**
 * ARGB to 8-bit YUV 4:2:0 with BT.709 coefficients in limited range (Y 16..235, Cb/Cr 16..240), the
 * combination the Mp4Writer also signals in the stream, so every player shows the colours as drawn.
 * jcodec's own RGB transform produces full-range values without saying so, which players then show with
 * crushed blacks and too much contrast.
 */
final class YuvConverter {

    private static final double KR = 0.2126;
    private static final double KB = 0.0722;
    private static final double KG = 1 - KR - KB;

    private YuvConverter() {}

    /**
     * Fills y (width × height), u and v ((width/2) × (height/2)) with unsigned samples. Chroma is the mean of each
     * 2×2 block; width and height must be even.
     */
    static void convert(int[] argb, int width, int height, byte[] y, byte[] u, byte[] v) {
        int cw = width / 2;
        for (int row = 0; row < height; row += 2) {
            for (int col = 0; col < width; col += 2) {
                int r = 0;
                int g = 0;
                int b = 0;
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int i = (row + dy) * width + col + dx;
                        int p = argb[i];
                        int pr = p >> 16 & 0xFF;
                        int pg = p >> 8 & 0xFF;
                        int pb = p & 0xFF;
                        y[i] = (byte) luma(pr, pg, pb);
                        r += pr;
                        g += pg;
                        b += pb;
                    }
                }
                int ci = row / 2 * cw + col / 2;
                u[ci] = (byte) cb(r / 4.0, g / 4.0, b / 4.0);
                v[ci] = (byte) cr(r / 4.0, g / 4.0, b / 4.0);
            }
        }
    }

    static int luma(double r, double g, double b) {
        return clip(16 + (KR * r + KG * g + KB * b) * 219 / 255);
    }

    static int cb(double r, double g, double b) {
        double yy = KR * r + KG * g + KB * b;
        return clip(128 + (b - yy) / (2 * (1 - KB)) * 224 / 255);
    }

    static int cr(double r, double g, double b) {
        double yy = KR * r + KG * g + KB * b;
        return clip(128 + (r - yy) / (2 * (1 - KR)) * 224 / 255);
    }

    private static int clip(double d) {
        return (int) Math.max(0, Math.min(255, Math.round(d)));
    }
}
