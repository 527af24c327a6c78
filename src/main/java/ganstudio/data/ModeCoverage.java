package ganstudio.data;

/**
 * The mode-coverage protocol of the unrolled-GAN / VEEGAN / PacGAN papers for 2-D Gaussian mixtures: a sample is
 * high quality when it lies within 3 sigma (Euclidean) of its nearest mode; a mode is captured when it is the
 * nearest mode of at least one high-quality sample; KL compares the histogram of those assignments with the
 * uniform distribution over all modes.
 */
public final class ModeCoverage {

    private static final double QUALITY_SIGMAS = 3.0;

    private ModeCoverage() {
    }

    /**
     * @param modesCaptured       modes that are the nearest mode of at least one high-quality sample
     * @param modes               modes of the mixture
     * @param highQualityFraction high-quality samples / samples; NaN when there are no samples
     * @param kl                  sum_i p_i log(p_i K), p_i = modeCounts[i] / highQuality, 0 log 0 = 0; ranges from 0
     *                            (all modes equally hit) to log K (one mode); NaN when there are no high-quality
     *                            samples, because the histogram is then undefined, not merely bad
     * @param modeCounts          high-quality samples per mode
     * @param samples             points evaluated
     * @param highQuality         high-quality samples among them
     */
    public record Result(int modesCaptured, int modes, double highQualityFraction, double kl, int[] modeCounts,
                         int samples, int highQuality) {

        public Result {
            modeCounts = modeCounts.clone();
        }

        @Override
        public int[] modeCounts() {
            return modeCounts.clone();
        }
    }

    /**
     * Scores {@code points} (x0, y0, x1, y1, ...) against a mixture with modes. Non-finite points count as low
     * quality, so a diverged generator scores badly instead of failing. Ties go to the lower mode index.
     *
     * @throws IllegalArgumentException for spiral/swissroll (no modes) or an odd number of coordinates
     */
    public static Result evaluate(Mixture2D mix, float[] points) {
        if (!mix.hasModes()) {
            throw new IllegalArgumentException(mix.name() + " has no modes to cover");
        }
        if (points.length % 2 != 0) {
            throw new IllegalArgumentException("points must be x,y pairs; got " + points.length + " values");
        }
        double[][] means = mix.means();
        int k = means.length;
        double limit = QUALITY_SIGMAS * mix.sigma();
        double limitSquared = limit * limit;
        int[] counts = new int[k];
        int samples = points.length / 2;
        int highQuality = 0;
        for (int s = 0; s < samples; s++) {
            double x = points[2 * s];
            double y = points[2 * s + 1];
            int nearest = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int m = 0; m < k; m++) {
                double dx = x - means[m][0];
                double dy = y - means[m][1];
                double d = dx * dx + dy * dy;
                if (d < best) {
                    best = d;
                    nearest = m;
                }
            }
            if (nearest >= 0 && best <= limitSquared) {
                counts[nearest]++;
                highQuality++;
            }
        }
        int captured = 0;
        double kl = 0;
        for (int count : counts) {
            if (count > 0) {
                captured++;
                double p = (double) count / highQuality;
                kl += p * Math.log(p * k);
            }
        }
        if (highQuality == 0) {
            kl = Double.NaN;
        }
        double fraction = samples == 0 ? Double.NaN : (double) highQuality / samples;
        return new Result(captured, k, fraction, kl, counts, samples, highQuality);
    }
}
