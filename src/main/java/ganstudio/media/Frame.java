package ganstudio.media;

/**
 * A picture of the generator at one step, made on the training thread so it can cross to the UI, the PNG
 * writer and the video encoder. An image frame is its ARGB pixels. A 2D frame is its raw data, the generated
 * points and the critic's heatmap (about 20 KB), and is drawn to pixels ({@link PlaneRenderer}) only when a
 * consumer first asks for {@link #argb()}: on the writer, encoder or FX thread, not on the training thread, and
 * a video's queue of waiting frames holds the small data rather than a megabyte of pixels each (issue 5: those
 * pixels, kept alive by the queue, were copied at every young GC).
 *
 * <p>Immutable apart from that memoized drawing; safe to share between threads. Nobody may change the arrays.
 */
public final class Frame {

    private final long step;
    private final int width;
    private final int height;
    private final float[] points;
    private final float[] heatmap;
    private final int heatmapSize;
    private final double extent;
    private final double[] means;
    private final int modesCaptured;
    private final double highQuality;
    private volatile int[] argb;

    private Frame(long step, int width, int height, int[] argb, float[] points, float[] heatmap, int heatmapSize,
            double extent, double[] means, int modesCaptured, double highQuality) {
        this.step = step;
        this.width = width;
        this.height = height;
        this.argb = argb;
        this.points = points;
        this.heatmap = heatmap;
        this.heatmapSize = heatmapSize;
        this.extent = extent;
        this.means = means;
        this.modesCaptured = modesCaptured;
        this.highQuality = highQuality;
    }

    public static Frame image(long step, int width, int height, int[] argb) {
        checkPixels(width, height, argb);
        return new Frame(step, width, height, argb, new float[0], new float[0], 0, 0, new double[0], -1, Double.NaN);
    }

    /** Throws IllegalArgumentException unless {@code argb} holds exactly width × height pixels. */
    public static void checkPixels(int width, int height, int[] argb) {
        if (argb.length != width * height) {
            throw new IllegalArgumentException(width + "x" + height + " frame with " + argb.length + " pixels");
        }
    }

    /**
     * A 2D view of {@code side}² pixels, drawn on first use.
     *
     * @param points generated points x0,y0,x1,y1,...
     * @param heatmap critic outputs on a heatmapSize² grid over [−extent, extent]², row 0 at the top
     * @param means the mixture's mode centres x0,y0,... (empty when it has none)
     */
    public static Frame plane(long step, int side, float[] points, float[] heatmap, int heatmapSize, double extent,
            double[] means) {
        if (heatmap.length != heatmapSize * heatmapSize) {
            throw new IllegalArgumentException(heatmap.length + " heatmap values for a " + heatmapSize + "² grid");
        }
        return new Frame(step, side, side, null, points, heatmap, heatmapSize, extent, means, -1, Double.NaN);
    }

    /** This frame with the mode-coverage score of its points (and the pixels, if already drawn). */
    public Frame withModeCoverage(int captured, double highQualityShare) {
        return new Frame(step, width, height, argb, points, heatmap, heatmapSize, extent, means, captured,
                highQualityShare);
    }

    /**
     * A 2D frame as its data only, with its own drawing: what a queue that may hold it for a while keeps, since
     * another consumer drawing the shared frame would otherwise pin its pixels there. An image frame is its
     * pixels and comes back as it is.
     */
    public Frame compact() {
        return isTwoDimensional() ? new Frame(step, width, height, null, points, heatmap, heatmapSize, extent, means,
                modesCaptured, highQuality) : this;
    }

    /** Bytes this frame holds on to now (pixels once drawn, and the 2D data). */
    public long retainedBytes() {
        int[] px = argb;
        return 4L * (px == null ? 0 : px.length) + 4L * (points.length + heatmap.length) + 8L * means.length;
    }

    public long step() {
        return step;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The pixels, row by row; a 2D frame draws them at the first call (on the caller's thread). */
    public int[] argb() {
        int[] px = argb;
        if (px == null) {
            synchronized (this) {
                px = argb;
                if (px == null) {
                    argb = px = PlaneRenderer.pixels(points, heatmap, heatmapSize, extent, means, width);
                }
            }
        }
        return px;
    }

    /** Generated points x0,y0,x1,y1,... (2D data), else an empty array. */
    public float[] points() {
        return points;
    }

    /** Critic outputs on a heatmapSize² grid over [−extent, extent]², row 0 at the top (2D data). */
    public float[] heatmap() {
        return heatmap;
    }

    public int heatmapSize() {
        return heatmapSize;
    }

    public double extent() {
        return extent;
    }

    /** The mixture's mode centres x0,y0,... (2D data with modes). */
    public double[] means() {
        return means;
    }

    /**
     * Modes captured by the points under {@code ganstudio.data.ModeCoverage}'s rules, or −1 when not scored (image
     * data, a mixture without modes); scored where σ is known, on the training thread, so the frame need not
     * carry σ.
     */
    public int modesCaptured() {
        return modesCaptured;
    }

    /** Share of the points within 3σ of a mode (same rules), NaN when not scored. */
    public double highQuality() {
        return highQuality;
    }

    public boolean hasModeCoverage() {
        return modesCaptured >= 0;
    }

    /** Modes of the mixture (K in "captured k / K"). */
    public int modes() {
        return means.length / 2;
    }

    public boolean isTwoDimensional() {
        return heatmapSize > 0;
    }

    @Override
    public String toString() {
        return "Frame[step " + step + ", " + width + "x" + height + (isTwoDimensional() ? ", 2D" : "") + "]";
    }
}
