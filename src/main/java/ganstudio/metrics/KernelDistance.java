package ganstudio.metrics;

import java.util.SplittableRandom;

/**
 * The kernel distance of two feature sets, as KID computes it (Bińkowski et al., 2018): the unbiased estimate of
 * the squared maximum mean discrepancy with the cubic polynomial kernel k(x, y) = (x·y/d + 1)³, averaged over
 * random subsets, with its standard error. Unlike the Fréchet distance it has no bias from the sample count, so
 * runs evaluated on different numbers of samples compare.
 *
 * @param mean the mean of the subsets' estimates
 * @param standardError their standard deviation over √(subsets)
 */
public record KernelDistance(double mean, double standardError) {

    /**
     * Subsets of min(1000, half the smaller set) rows each (at least 2, the fewest an unbiased estimate takes),
     * drawn without replacement from a generator seeded with {@code seed}. Half, not all, of a set of up to 2,000
     * rows: subsets of the whole set would all give the same estimate and a standard error of 0.
     */
    public static KernelDistance between(double[][] real, double[][] fake, int subsets, long seed) {
        int size = subsetSize(real.length, fake.length);
        SplittableRandom random = new SplittableRandom(seed);
        double[] estimates = new double[subsets];
        for (int s = 0; s < subsets; s++) {
            estimates[s] = mmd2(pick(real, size, random), pick(fake, size, random));
        }
        double mean = 0;
        for (double e : estimates) {
            mean += e;
        }
        mean /= subsets;
        double var = 0;
        for (double e : estimates) {
            var += (e - mean) * (e - mean);
        }
        double std = subsets > 1 ? Math.sqrt(var / (subsets - 1)) : 0;
        return new KernelDistance(mean, std / Math.sqrt(subsets));
    }

    static int subsetSize(int n, int m) {
        return Math.max(2, Math.min(1000, Math.min(n, m) / 2));
    }

    /** The unbiased MMD² of x and y under the cubic polynomial kernel. */
    static double mmd2(double[][] x, double[][] y) {
        int m = x.length;
        int n = y.length;
        double xx = 0;
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                xx += 2 * kernel(x[i], x[j]);
            }
        }
        double yy = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                yy += 2 * kernel(y[i], y[j]);
            }
        }
        double xy = 0;
        for (double[] a : x) {
            for (double[] b : y) {
                xy += kernel(a, b);
            }
        }
        return xx / ((double) m * (m - 1)) + yy / ((double) n * (n - 1)) - 2 * xy / ((double) m * n);
    }

    static double kernel(double[] a, double[] b) {
        double dot = 0;
        for (int t = 0; t < a.length; t++) {
            dot += a[t] * b[t];
        }
        double base = dot / a.length + 1;
        return base * base * base;
    }

    private static double[][] pick(double[][] rows, int size, SplittableRandom random) {
        int[] index = new int[rows.length];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        double[][] out = new double[size][];
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(index.length - i);
            int t = index[i];
            index[i] = index[j];
            index[j] = t;
            out[i] = rows[index[i]];
        }
        return out;
    }
}
