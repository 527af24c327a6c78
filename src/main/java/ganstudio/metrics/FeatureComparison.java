package ganstudio.metrics;

/**
 * Generated images against real ones in one feature space (a classifier's penultimate layer, or a network the user
 * supplies): the Fréchet distance, precision, recall, density, coverage and the kernel distance, all from the same
 * feature rows, plus the Fréchet distance between the training and the test images, the floor a perfect generator
 * would reach with this many samples.
 *
 * @param frechetTrainVsTest NaN when there is no test set
 * @param dimension the length of a feature row
 */
public record FeatureComparison(double frechet, double frechetTrainVsTest, ManifoldMetrics manifold,
        KernelDistance kernel, int dimension) {

    /**
     * @param test the test images' features, or null
     * @param kernelSubsets subsets for the kernel distance's mean and standard error
     * @param seed draws the kernel distance's subsets
     */
    public static FeatureComparison of(double[][] train, double[][] generated, double[][] test, int kernelSubsets,
            long seed) {
        return new FeatureComparison(FrechetDistance.between(train, generated),
                test == null ? Double.NaN : FrechetDistance.between(train, test),
                ManifoldMetrics.of(train, generated),
                KernelDistance.between(train, generated, kernelSubsets, seed), generated[0].length);
    }
}
