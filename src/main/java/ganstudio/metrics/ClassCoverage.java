package ganstudio.metrics;

/**
 * How generated images spread over a classifier's classes: the histogram of predicted classes, how many classes
 * get at least a fifth of their uniform share (a class below that is counted as dropped, the image analogue of a
 * missed mode), KL(histogram ‖ uniform) and the mean top-class probability.
 */
public record ClassCoverage(int[] counts, int classesCovered, double klToUniform, double meanConfidence) {

    /** Share of the uniform count a class must reach to count as covered. */
    public static final double COVERED_SHARE = 0.2;

    /**
     * @param probabilities softmax rows [n][k]
     */
    public static ClassCoverage of(double[][] probabilities) {
        int k = probabilities[0].length;
        int n = probabilities.length;
        int[] counts = new int[k];
        double confidence = 0;
        for (double[] p : probabilities) {
            int best = 0;
            for (int j = 1; j < k; j++) {
                if (p[j] > p[best]) {
                    best = j;
                }
            }
            counts[best]++;
            confidence += p[best];
        }
        int covered = 0;
        double kl = 0;
        for (int c : counts) {
            if (c >= COVERED_SHARE * n / k) {
                covered++;
            }
            if (c > 0) {
                double q = (double) c / n;
                kl += q * Math.log(q * k);
            }
        }
        return new ClassCoverage(counts, covered, kl, confidence / n);
    }
}
