package ganstudio.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KernelDistanceTest {

    @Test
    void unbiasedMmdOfTwoTinySetsByHand() {
        // d = 1, k(a, b) = (ab + 1)³. XX: k(0,1) = 1 → 2·1/(2·1) = 1. YY: k(1,2) = 27 → 27.
        // XY: k(0,1) + k(0,2) + k(1,1) + k(1,2) = 1 + 1 + 8 + 27 = 37 → 2·37/4 = 18.5. MMD² = 1 + 27 − 18.5 = 9.5.
        double[][] x = {{0}, {1}};
        double[][] y = {{1}, {2}};
        assertEquals(9.5, KernelDistance.mmd2(x, y), 1e-12);
        KernelDistance k = KernelDistance.between(x, y, 4, 7);
        assertEquals(9.5, k.mean(), 1e-12); // two rows are the fewest a subset takes: every subset is the whole set
        assertEquals(0, k.standardError(), 1e-12);
    }

    @Test
    void theKernelDividesTheDotProductByTheDimension() {
        assertEquals(Math.pow(2.0 / 2 + 1, 3), KernelDistance.kernel(new double[] {1, 1}, new double[] {1, 1}), 1e-12);
    }

    @Test
    void twoSamplesOfOneDistributionAreNearZeroAndShiftedOnesAreNot() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        double[][] a = new double[400][2];
        double[][] b = new double[400][2];
        double[][] c = new double[400][2];
        for (int i = 0; i < 400; i++) {
            for (int t = 0; t < 2; t++) {
                a[i][t] = r.nextGaussian();
                b[i][t] = r.nextGaussian();
                c[i][t] = r.nextGaussian() + 1;
            }
        }
        KernelDistance same = KernelDistance.between(a, b, 5, 3);
        KernelDistance shifted = KernelDistance.between(a, c, 5, 3);
        assertEquals(200, KernelDistance.subsetSize(400, 400));
        assertEquals(1000, KernelDistance.subsetSize(5000, 2000));
        assertEquals(true, same.standardError() > 0, "subsets of half the set differ");
        assertEquals(0, same.mean(), 4 * same.standardError() + 0.05);
        assertEquals(true, shifted.mean() > 1, "shifted by 1 in each axis: " + shifted.mean());
    }
}
