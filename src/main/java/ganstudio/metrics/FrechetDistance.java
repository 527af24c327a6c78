package ganstudio.metrics;

/**
 * The Fréchet distance between Gaussians fitted to two feature sets (the FID recipe, here in a classifier's
 * feature space): |μ₁ − μ₂|² + Tr(Σ₁ + Σ₂ − 2·(Σ₁Σ₂)^½). The trace of the matrix square root is taken as
 * Σ √λ over the eigenvalues of Σ₁^½ Σ₂ Σ₁^½, which is symmetric and has the same eigenvalues as Σ₁Σ₂.
 */
public final class FrechetDistance {

    private FrechetDistance() {}

    /** Features as rows: {@code a[n][d]}, {@code b[m][d]}. */
    public static double between(double[][] a, double[][] b) {
        int d = a[0].length;
        double[] muA = mean(a);
        double[] muB = mean(b);
        double[][] covA = covariance(a, muA);
        double[][] covB = covariance(b, muB);
        double meanTerm = 0;
        for (int i = 0; i < d; i++) {
            meanTerm += (muA[i] - muB[i]) * (muA[i] - muB[i]);
        }
        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += covA[i][i] + covB[i][i];
        }
        double[][] rootA = sqrtPsd(covA);
        double[][] m = multiply(multiply(rootA, covB), rootA);
        symmetrize(m);
        double[] eig = SymmetricEigen.decompose(m, null);
        double traceRoot = 0;
        for (double v : eig) {
            traceRoot += Math.sqrt(Math.max(0, v));
        }
        return meanTerm + trace - 2 * traceRoot;
    }

    static double[] mean(double[][] x) {
        double[] mu = new double[x[0].length];
        for (double[] row : x) {
            for (int i = 0; i < mu.length; i++) {
                mu[i] += row[i];
            }
        }
        for (int i = 0; i < mu.length; i++) {
            mu[i] /= x.length;
        }
        return mu;
    }

    /** The unbiased (n − 1) covariance, as numpy.cov and the FID reference code use. */
    static double[][] covariance(double[][] x, double[] mu) {
        int d = mu.length;
        double[][] c = new double[d][d];
        for (double[] row : x) {
            for (int i = 0; i < d; i++) {
                double di = row[i] - mu[i];
                for (int j = i; j < d; j++) {
                    c[i][j] += di * (row[j] - mu[j]);
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                c[i][j] /= Math.max(1, x.length - 1);
                c[j][i] = c[i][j];
            }
        }
        return c;
    }

    /** V·diag(√max(λ, 0))·Vᵀ, as dot products of rows (a 2048-wide matrix stays in cache order). */
    static double[][] sqrtPsd(double[][] s) {
        int d = s.length;
        double[][] v = new double[d][d];
        double[] lambda = SymmetricEigen.decompose(s, v);
        double[][] scaled = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                scaled[i][k] = v[i][k] * Math.sqrt(Math.max(0, lambda[k]));
            }
        }
        double[][] r = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double sum = 0;
                for (int k = 0; k < d; k++) {
                    sum += scaled[i][k] * v[j][k];
                }
                r[i][j] = sum;
                r[j][i] = sum;
            }
        }
        return r;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        int k = b.length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < k; p++) {
                double aip = a[i][p];
                for (int j = 0; j < m; j++) {
                    c[i][j] += aip * b[p][j];
                }
            }
        }
        return c;
    }

    private static void symmetrize(double[][] m) {
        for (int i = 0; i < m.length; i++) {
            for (int j = i + 1; j < m.length; j++) {
                double v = (m[i][j] + m[j][i]) / 2;
                m[i][j] = v;
                m[j][i] = v;
            }
        }
    }
}
