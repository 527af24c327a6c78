package ganstudio.media;

/**
 * Draws the 2D view GAN Lab style: the critic's output as a heatmap (blue low, orange high, normalized per
 * frame), mode centres as white rings, generated points as dark dots.
 */
public final class PlaneRenderer {

    private PlaneRenderer() {}

    /** A 2D frame of {@code side}² pixels; they are drawn when first asked for ({@link Frame#argb()}). */
    public static Frame render(long step, float[] points, float[] heatmap, int heatmapSize, double extent,
            double[] means, int side) {
        return Frame.plane(step, side, points, heatmap, heatmapSize, extent, means);
    }

    /** Draws the view: side² ARGB pixels, row 0 at the top. */
    static int[] pixels(float[] points, float[] heatmap, int heatmapSize, double extent, double[] means, int side) {
        int[] argb = new int[side * side];
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : heatmap) {
            if (Float.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        float range = hi > lo ? hi - lo : 1f;
        // Colour each heatmap cell once and copy it to the pixels it covers: a 512-pixel frame of a 64-cell map
        // is 4,096 colours, not 262,144, which keeps the frame cheap wherever it is drawn.
        int cells = Math.max(1, heatmapSize);
        int[] cellColour = new int[cells * cells];
        for (int i = 0; i < cellColour.length; i++) {
            float t = heatmapSize == 0 ? 0.5f : (heatmap[i] - lo) / range;
            cellColour[i] = colour(Float.isFinite(t) ? t : 0.5f);
        }
        int[] column = new int[side];
        for (int x = 0; x < side; x++) {
            column[x] = Math.min(cells - 1, x * cells / side);
        }
        int previousRowStart = -1;
        for (int y = 0; y < side; y++) {
            int rowStart = Math.min(cells - 1, y * cells / side) * cells;
            int out = y * side;
            if (rowStart == previousRowStart) {
                System.arraycopy(argb, out - side, argb, out, side);
                continue;
            }
            for (int x = 0; x < side; x++) {
                argb[out + x] = cellColour[rowStart + column[x]];
            }
            previousRowStart = rowStart;
        }
        for (int i = 0; i + 1 < means.length; i += 2) {
            ring(argb, side, toPixel(means[i], extent, side), toPixel(-means[i + 1], extent, side), 5, 0xFFFFFFFF);
        }
        for (int i = 0; i + 1 < points.length; i += 2) {
            dot(argb, side, toPixel(points[i], extent, side), toPixel(-points[i + 1], extent, side), 0xFF101010);
        }
        return argb;
    }

    static int toPixel(double v, double extent, int side) {
        return (int) Math.floor((v + extent) / (2 * extent) * side);
    }

    private static int colour(float t) {
        // From a muted blue (critic says fake) through near white to orange (critic says real).
        float[] a = {0.16f, 0.38f, 0.66f};
        float[] m = {0.95f, 0.95f, 0.95f};
        float[] b = {0.96f, 0.55f, 0.16f};
        float[] c = new float[3];
        for (int i = 0; i < 3; i++) {
            c[i] = t < 0.5f ? a[i] + (m[i] - a[i]) * (t * 2) : m[i] + (b[i] - m[i]) * ((t - 0.5f) * 2);
        }
        return 0xFF000000 | (int) (c[0] * 255) << 16 | (int) (c[1] * 255) << 8 | (int) (c[2] * 255);
    }

    private static void dot(int[] argb, int side, int cx, int cy, int colour) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                set(argb, side, cx + dx, cy + dy, colour);
            }
        }
    }

    private static void ring(int[] argb, int side, int cx, int cy, int r, int colour) {
        for (int a = 0; a < 64; a++) {
            double t = a * 2 * Math.PI / 64;
            set(argb, side, cx + (int) Math.round(r * Math.cos(t)), cy + (int) Math.round(r * Math.sin(t)), colour);
        }
    }

    private static void set(int[] argb, int side, int x, int y, int colour) {
        if (x >= 0 && y >= 0 && x < side && y < side) {
            argb[y * side + x] = colour;
        }
    }
}
