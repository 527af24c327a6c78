package ganstudio.tricks;

import java.util.SplittableRandom;

/**
 * mixup (Zhang et al., 2018): x = λ·x + (1 − λ)·x[π], y = λ·y + (1 − λ)·y[π], one λ ~ Beta(α, α) per batch and
 * π a random permutation of the batch.
 */
public final class Mixup {

    private final double alpha;

    public Mixup(double alpha) {
        this.alpha = alpha;
    }

    public void apply(ImageBatch b, SplittableRandom random) {
        apply(b, BetaSampler.beta(random, alpha, alpha), permutation(b.n, random));
    }

    /** With a given λ and permutation: the exact rule, for tests. */
    public static void apply(ImageBatch b, double lambda, int[] perm) {
        float[] px = b.pixels.clone();
        float[] t = b.targets.clone();
        int len = b.imageLength();
        for (int i = 0; i < b.n; i++) {
            int j = perm[i];
            for (int p = 0; p < len; p++) {
                b.pixels[i * len + p] = (float) (lambda * px[i * len + p] + (1 - lambda) * px[j * len + p]);
            }
            for (int q = 0; q < b.k; q++) {
                b.targets[i * b.k + q] = (float) (lambda * t[i * b.k + q] + (1 - lambda) * t[j * b.k + q]);
            }
        }
    }

    static int[] permutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
