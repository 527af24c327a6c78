package ganstudio.metrics;

/**
 * How generated samples sit against real ones in a feature space, judged by k-nearest-neighbour balls around each
 * sample: precision and recall (Kynkäänniemi et al., 2019, k = 3) and density and coverage (Naeem et al., 2020,
 * k = 5). Precision: the share of generated samples inside some real sample's ball (fidelity); recall: the share
 * of real samples inside some generated sample's ball (diversity); density counts how many real balls each
 * generated sample falls in, over k (1 on average when both sets match, above 1 where samples crowd the real
 * modes); coverage: the share of real samples whose ball holds a generated one (robust to outliers).
 *
 * @param precision in [0, 1]
 * @param recall in [0, 1]
 * @param density 0 and up
 * @param coverage in [0, 1]
 */
public record ManifoldMetrics(double precision, double recall, double density, double coverage) {

    /** The published settings: k = 3 for precision and recall, k = 5 for density and coverage. */
    public static ManifoldMetrics of(double[][] real, double[][] fake) {
        return of(real, fake, 3, 5);
    }

    /** Features as rows, {@code real[n][d]} and {@code fake[m][d]}; each set needs more than the larger k rows. */
    public static ManifoldMetrics of(double[][] real, double[][] fake, int kRecall, int kDensity) {
        double[][] realToReal = distances(real, real);
        double[][] fakeToReal = distances(fake, real);
        double[] realBallsPr = kthNeighbour(realToReal, kRecall);
        double[] fakeBallsPr = kthNeighbour(distances(fake, fake), kRecall);
        double[] realBallsDc = kthNeighbour(realToReal, kDensity);
        int n = real.length;
        int m = fake.length;
        int precise = 0;
        long inBalls = 0;
        for (int j = 0; j < m; j++) {
            boolean inside = false;
            for (int i = 0; i < n; i++) {
                inside |= fakeToReal[j][i] <= realBallsPr[i];
                if (fakeToReal[j][i] <= realBallsDc[i]) {
                    inBalls++;
                }
            }
            precise += inside ? 1 : 0;
        }
        int recalled = 0;
        int covered = 0;
        for (int i = 0; i < n; i++) {
            boolean inFake = false;
            double nearestFake = Double.POSITIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                inFake |= fakeToReal[j][i] <= fakeBallsPr[j];
                nearestFake = Math.min(nearestFake, fakeToReal[j][i]);
            }
            recalled += inFake ? 1 : 0;
            covered += nearestFake <= realBallsDc[i] ? 1 : 0;
        }
        return new ManifoldMetrics((double) precise / m, (double) recalled / n, (double) inBalls / ((long) kDensity * m),
                (double) covered / n);
    }

    /** Euclidean distances between every row of a and every row of b. */
    static double[][] distances(double[][] a, double[][] b) {
        double[][] out = new double[a.length][b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                double s = 0;
                for (int t = 0; t < a[i].length; t++) {
                    double diff = a[i][t] - b[j][t];
                    s += diff * diff;
                }
                out[i][j] = Math.sqrt(s);
            }
        }
        return out;
    }

    /** Each row's distance to its k-th nearest other point of the same set (the radius of its ball). */
    static double[] kthNeighbour(double[][] selfDistances, int k) {
        int n = selfDistances.length;
        if (n <= k) {
            throw new IllegalArgumentException(n + " samples, k = " + k + ": each set needs more than k");
        }
        double[] radii = new double[n];
        for (int i = 0; i < n; i++) {
            double[] row = selfDistances[i].clone();
            java.util.Arrays.sort(row);
            radii[i] = row[k]; // row[0] is the point itself, at distance 0
        }
        return radii;
    }
}
