package ganstudio.tricks;

/**
 * Per-image operations on one [c, h, w] image at {@code off} in a pixel array with values in [−1, 1]
 * (−1 is black, the background of the MNIST family and what torchvision pads with).
 */
public final class PixelOps {

    public static final float BLACK = -1f;

    private PixelOps() {}

    /** Pads by {@code pad} with black and crops back at (dx, dy) ∈ [0, 2·pad]²: a shift by (dx − pad, dy − pad). */
    public static void padCrop(float[] px, int off, int c, int h, int w, int pad, int dx, int dy) {
        translate(px, off, c, h, w, dx - pad, dy - pad);
    }

    /** Shifts the content by (sx, sy) pixels; what comes in is black. */
    public static void translate(float[] px, int off, int c, int h, int w, int sx, int sy) {
        float[] src = java.util.Arrays.copyOfRange(px, off, off + c * h * w);
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                int yy = y - sy;
                for (int x = 0; x < w; x++) {
                    int xx = x - sx;
                    boolean inside = yy >= 0 && yy < h && xx >= 0 && xx < w;
                    px[off + (ch * h + y) * w + x] = inside ? src[(ch * h + yy) * w + xx] : BLACK;
                }
            }
        }
    }

    public static void flipHorizontal(float[] px, int off, int c, int h, int w) {
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                int row = off + (ch * h + y) * w;
                for (int x = 0; x < w / 2; x++) {
                    float t = px[row + x];
                    px[row + x] = px[row + w - 1 - x];
                    px[row + w - 1 - x] = t;
                }
            }
        }
    }

    /**
     * An affine warp about the centre with bilinear sampling: the output at p takes the input at
     * M·(p − centre) + centre − (tx, ty), with M = [[a, b], [d, e]]; outside is black.
     */
    public static void affine(float[] px, int off, int c, int h, int w, double a, double b, double d, double e,
            double tx, double ty) {
        float[] src = java.util.Arrays.copyOfRange(px, off, off + c * h * w);
        double cx = (w - 1) / 2.0;
        double cy = (h - 1) / 2.0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double u = a * (x - cx) + b * (y - cy) + cx - tx;
                double v = d * (x - cx) + e * (y - cy) + cy - ty;
                int x0 = (int) Math.floor(u);
                int y0 = (int) Math.floor(v);
                double fx = u - x0;
                double fy = v - y0;
                for (int ch = 0; ch < c; ch++) {
                    int base = ch * h * w;
                    double s = (1 - fx) * (1 - fy) * at(src, base, h, w, x0, y0)
                            + fx * (1 - fy) * at(src, base, h, w, x0 + 1, y0)
                            + (1 - fx) * fy * at(src, base, h, w, x0, y0 + 1)
                            + fx * fy * at(src, base, h, w, x0 + 1, y0 + 1);
                    px[off + base + y * w + x] = (float) s;
                }
            }
        }
    }

    private static float at(float[] src, int base, int h, int w, int x, int y) {
        return x < 0 || y < 0 || x >= w || y >= h ? BLACK : src[base + y * w + x];
    }

    /** Rotation by {@code degrees} counter-clockwise about the centre. */
    public static void rotate(float[] px, int off, int c, int h, int w, double degrees) {
        double r = Math.toRadians(degrees);
        double cos = Math.cos(r);
        double sin = Math.sin(r);
        // The inverse map: output p samples the input at R(−θ)·p.
        affine(px, off, c, h, w, cos, -sin, sin, cos, 0, 0);
    }

    /** Fills the rectangle [x0, x0 + rw) × [y0, y0 + rh), clipped to the image, in every channel. */
    public static void fillRect(float[] px, int off, int c, int h, int w, int x0, int y0, int rw, int rh, float value) {
        for (int ch = 0; ch < c; ch++) {
            for (int y = Math.max(0, y0); y < Math.min(h, y0 + rh); y++) {
                for (int x = Math.max(0, x0); x < Math.min(w, x0 + rw); x++) {
                    px[off + (ch * h + y) * w + x] = value;
                }
            }
        }
    }

    /** Contrast then brightness in [0, 1] units: p' = (p − mean)·factor + mean + shift, clipped. */
    public static void contrastBrightness(float[] px, int off, int len, double factor, double shift) {
        double mean = 0;
        for (int i = 0; i < len; i++) {
            mean += px[off + i];
        }
        mean /= len;
        for (int i = 0; i < len; i++) {
            px[off + i] = clip((px[off + i] - mean) * factor + mean + 2 * shift);
        }
    }

    /** Adds a per-channel shift (in [−1, 1] pixel units), clipped. */
    public static void shiftChannels(float[] px, int off, int c, int h, int w, double[] shift) {
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < h * w; i++) {
                int j = off + ch * h * w + i;
                px[j] = clip(px[j] + shift[ch]);
            }
        }
    }

    public static float clip(double v) {
        return (float) Math.max(-1, Math.min(1, v));
    }
}
