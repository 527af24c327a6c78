package ganstudio.tricks;

import ganstudio.metrics.SymmetricEigen;

import java.util.SplittableRandom;

/**
 * AlexNet's PCA colour augmentation: every pixel of an image gets Σ αᵢ·λᵢ·vᵢ added, with (λᵢ, vᵢ) the eigen
 * pairs of the RGB covariance of the training set and αᵢ ~ N(0, σ²) drawn per image.
 */
public final class PcaColour {

    private final double sigma;
    private final double[] eigenvalues;
    private final double[][] eigenvectors;

    public PcaColour(double sigma, double[] eigenvalues, double[][] eigenvectors) {
        this.sigma = sigma;
        this.eigenvalues = eigenvalues.clone();
        this.eigenvectors = eigenvectors;
    }

    /** From a sample of RGB images [count, 3, h, w]. */
    public static PcaColour fit(double sigma, float[] pixels, int count, int h, int w) {
        int plane = h * w;
        double[] mean = new double[3];
        double[][] cov = new double[3][3];
        long total = (long) count * plane;
        for (int n = 0; n < count; n++) {
            for (int i = 0; i < plane; i++) {
                for (int a = 0; a < 3; a++) {
                    mean[a] += pixels[(n * 3 + a) * plane + i];
                }
            }
        }
        for (int a = 0; a < 3; a++) {
            mean[a] /= total;
        }
        for (int n = 0; n < count; n++) {
            for (int i = 0; i < plane; i++) {
                for (int a = 0; a < 3; a++) {
                    double da = pixels[(n * 3 + a) * plane + i] - mean[a];
                    for (int b = a; b < 3; b++) {
                        cov[a][b] += da * (pixels[(n * 3 + b) * plane + i] - mean[b]);
                    }
                }
            }
        }
        for (int a = 0; a < 3; a++) {
            for (int b = a; b < 3; b++) {
                cov[a][b] /= total;
                cov[b][a] = cov[a][b];
            }
        }
        double[][] vectors = new double[3][3];
        double[] values = SymmetricEigen.jacobi(cov, vectors);
        return new PcaColour(sigma, values, vectors);
    }

    public void apply(float[] px, int off, int h, int w, SplittableRandom random) {
        double[] shift = new double[3];
        for (int i = 0; i < 3; i++) {
            double alpha = BetaSampler.gaussian(random) * sigma;
            for (int ch = 0; ch < 3; ch++) {
                shift[ch] += alpha * eigenvalues[i] * eigenvectors[ch][i];
            }
        }
        PixelOps.shiftChannels(px, off, 3, h, w, shift);
    }
}
