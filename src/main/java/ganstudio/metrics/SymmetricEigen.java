package ganstudio.metrics;

/**
 * Eigen decomposition of a symmetric matrix: cyclic Jacobi rotations for small ones (a 3x3 colour covariance), and
 * Householder tridiagonalization followed by the implicit QL iteration for large ones (a 2048-wide Inception
 * covariance, where Jacobi's many sweeps of n² rotations would take hours).
 */
public final class SymmetricEigen {

    private static final double EPS = Math.ulp(1.0);

    private SymmetricEigen() {}

    /**
     * The eigenvalues, and with {@code vectorsOut} non-null the eigenvectors as its columns, in the order of the
     * values, by tridiagonalization and QL (EISPACK's tred2 and tql2); O(n³), whatever the matrix.
     */
    public static double[] decompose(double[][] matrix, double[][] vectorsOut) {
        int n = matrix.length;
        double[][] vt = new double[n][];
        for (int i = 0; i < n; i++) {
            vt[i] = matrix[i].clone();
        }
        double[] d = new double[n];
        double[] e = new double[n];
        // Held transposed: the rotations of QL act on pairs of columns of V, here two contiguous rows.
        tridiagonalize(vt, d, e);
        ql(d, e, vectorsOut == null ? null : vt);
        if (vectorsOut != null) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    vectorsOut[i][j] = vt[j][i];
                }
            }
        }
        return d;
    }

    /**
     * Householder reduction of the symmetric w to tridiagonal form: the diagonal into d, the sub-diagonal into
     * e[1..n-1], and w replaced by the orthogonal transformation, transposed. EISPACK's tred2 with every index
     * pair swapped: its inner loops walk down columns, which here are rows, so they stream through memory.
     */
    private static void tridiagonalize(double[][] w, double[] d, double[] e) {
        int n = w.length;
        for (int j = 0; j < n; j++) {
            d[j] = w[j][n - 1];
        }
        for (int i = n - 1; i > 0; i--) {
            double scale = 0;
            double h = 0;
            for (int k = 0; k < i; k++) {
                scale += Math.abs(d[k]);
            }
            if (scale == 0) {
                e[i] = d[i - 1];
                for (int j = 0; j < i; j++) {
                    d[j] = w[j][i - 1];
                    w[j][i] = 0;
                    w[i][j] = 0;
                }
            } else {
                for (int k = 0; k < i; k++) {
                    d[k] /= scale;
                    h += d[k] * d[k];
                }
                double f = d[i - 1];
                double g = Math.sqrt(h);
                if (f > 0) {
                    g = -g;
                }
                e[i] = scale * g;
                h -= f * g;
                d[i - 1] = f - g;
                java.util.Arrays.fill(e, 0, i, 0);
                for (int j = 0; j < i; j++) {
                    f = d[j];
                    w[i][j] = f;
                    double[] wj = w[j];
                    g = e[j] + wj[j] * f;
                    for (int k = j + 1; k <= i - 1; k++) {
                        g += wj[k] * d[k];
                        e[k] += wj[k] * f;
                    }
                    e[j] = g;
                }
                f = 0;
                for (int j = 0; j < i; j++) {
                    e[j] /= h;
                    f += e[j] * d[j];
                }
                double hh = f / (h + h);
                for (int j = 0; j < i; j++) {
                    e[j] -= hh * d[j];
                }
                for (int j = 0; j < i; j++) {
                    f = d[j];
                    g = e[j];
                    double[] wj = w[j];
                    for (int k = j; k <= i - 1; k++) {
                        wj[k] -= f * e[k] + g * d[k];
                    }
                    d[j] = wj[i - 1];
                    wj[i] = 0;
                }
            }
            d[i] = h;
        }
        for (int i = 0; i < n - 1; i++) {
            w[i][n - 1] = w[i][i];
            w[i][i] = 1;
            double h = d[i + 1];
            double[] next = w[i + 1];
            if (h != 0) {
                for (int k = 0; k <= i; k++) {
                    d[k] = next[k] / h;
                }
                for (int j = 0; j <= i; j++) {
                    double[] wj = w[j];
                    double g = 0;
                    for (int k = 0; k <= i; k++) {
                        g += next[k] * wj[k];
                    }
                    for (int k = 0; k <= i; k++) {
                        wj[k] -= g * d[k];
                    }
                }
            }
            java.util.Arrays.fill(next, 0, i + 1, 0);
        }
        for (int j = 0; j < n; j++) {
            d[j] = w[j][n - 1];
            w[j][n - 1] = 0;
        }
        w[n - 1][n - 1] = 1;
        e[0] = 0;
    }

    /**
     * The implicit QL iteration on the tridiagonal (d, e): d becomes the eigenvalues; vt, when not null, holds
     * the tridiagonalization's transformation transposed and becomes the eigenvectors as rows.
     */
    private static void ql(double[] d, double[] e, double[][] vt) {
        int n = d.length;
        System.arraycopy(e, 1, e, 0, n - 1);
        e[n - 1] = 0;
        double f = 0;
        double tst1 = 0;
        for (int l = 0; l < n; l++) {
            tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
            int m = l;
            while (m < n - 1 && Math.abs(e[m]) > EPS * tst1) {
                m++;
            }
            if (m > l) {
                do {
                    double g = d[l];
                    double p = (d[l + 1] - g) / (2 * e[l]);
                    double r = Math.hypot(p, 1);
                    if (p < 0) {
                        r = -r;
                    }
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    double dl1 = d[l + 1];
                    double h = g - d[l];
                    for (int i = l + 2; i < n; i++) {
                        d[i] -= h;
                    }
                    f += h;
                    p = d[m];
                    double c = 1;
                    double c2 = c;
                    double c3 = c;
                    double el1 = e[l + 1];
                    double s = 0;
                    double s2 = 0;
                    for (int i = m - 1; i >= l; i--) {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = Math.hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                        if (vt != null) {
                            double[] a = vt[i];
                            double[] b = vt[i + 1];
                            for (int k = 0; k < n; k++) {
                                double bk = b[k];
                                b[k] = s * a[k] + c * bk;
                                a[k] = c * a[k] - s * bk;
                            }
                        }
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                } while (Math.abs(e[l]) > EPS * tst1);
            }
            d[l] += f;
            e[l] = 0;
        }
    }

    /**
     * @param vectorsOut receives the eigenvectors as columns
     * @return the eigenvalues, in the order of the columns
     */
    public static double[] jacobi(double[][] matrix, double[][] vectorsOut) {
        int n = matrix.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = matrix[i].clone();
            java.util.Arrays.fill(vectorsOut[i], 0);
            vectorsOut[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off < 1e-30) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (Math.abs(a[p][q]) < 1e-300) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = vectorsOut[k][p];
                        double vkq = vectorsOut[k][q];
                        vectorsOut[k][p] = c * vkp - s * vkq;
                        vectorsOut[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = a[i][i];
        }
        return values;
    }
}
