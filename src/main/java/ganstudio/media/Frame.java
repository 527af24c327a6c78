package ganstudio.media;

/**
 * A picture of the generator at one step, rendered on the training thread to ARGB pixels so it can cross to
 * the UI, the PNG writer and the video encoder. For 2D data it also carries the raw points and the critic's
 * heatmap so a view can draw them at its own scale.
 *
 * @param points generated points x0,y0,x1,y1,... (2D data), else an empty array
 * @param heatmap critic outputs on a heatmapSize² grid over [−extent, extent]², row 0 at the top (2D data)
 * @param means the mixture's mode centres x0,y0,... (2D data with modes)
 * @param modesCaptured modes captured by the points under {@code ganstudio.data.ModeCoverage}'s rules, or −1 when
 *                      not scored (image data, a mixture without modes); scored where σ is known, on the training
 *                      thread, so the frame need not carry σ
 * @param highQuality share of the points within 3σ of a mode (same rules), NaN when not scored
 */
public record Frame(
        long step,
        int width,
        int height,
        int[] argb,
        float[] points,
        float[] heatmap,
        int heatmapSize,
        double extent,
        double[] means,
        int modesCaptured,
        double highQuality) {

    public static Frame image(long step, int width, int height, int[] argb) {
        return new Frame(step, width, height, argb, new float[0], new float[0], 0, 0, new double[0], -1, Double.NaN);
    }

    /** This frame with the mode-coverage score of its points. */
    public Frame withModeCoverage(int captured, double highQualityShare) {
        return new Frame(step, width, height, argb, points, heatmap, heatmapSize, extent, means, captured,
                highQualityShare);
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
}
