package ganstudio.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Both eigen solvers against values worked out by hand, and against each other on a random matrix. */
class SymmetricEigenTest {

    @Test
    void aTwoByTwoHasItsValuesAndVectors() {
        // [[2, 1], [1, 2]]: 1 along (1, -1)/√2, 3 along (1, 1)/√2
        double[][] vectors = new double[2][2];
        double[] values = SymmetricEigen.decompose(new double[][] {{2, 1}, {1, 2}}, vectors);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        assertArrayEquals(new double[] {1, 3}, sorted, 1e-12);
        int three = values[0] > values[1] ? 0 : 1;
        assertEquals(1 / Math.sqrt(2), Math.abs(vectors[0][three]), 1e-12);
        assertEquals(vectors[0][three], vectors[1][three], 1e-12);
        assertEquals(-vectors[0][1 - three], vectors[1][1 - three], 1e-12);
    }

    @Test
    void aDiagonalMatrixAndAOneByOneAreTheirOwnValues() {
        double[] values = SymmetricEigen.decompose(new double[][] {{4, 0, 0}, {0, -1, 0}, {0, 0, 0}}, null);
        Arrays.sort(values);
        assertArrayEquals(new double[] {-1, 0, 4}, values, 1e-12);
        assertArrayEquals(new double[] {7}, SymmetricEigen.decompose(new double[][] {{7}}, new double[1][1]));
    }

    @Test
    void qlAgreesWithJacobiAndReconstructsTheMatrix() {
        int n = 40;
        SplittableRandom random = new SplittableRandom(3);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = random.nextDouble(-1, 1);
                a[j][i] = a[i][j];
            }
        }
        double[][] v = new double[n][n];
        double[] ql = SymmetricEigen.decompose(a, v);
        double[] jacobi = SymmetricEigen.jacobi(a, new double[n][n]);
        double[] qlSorted = ql.clone();
        Arrays.sort(qlSorted);
        Arrays.sort(jacobi);
        assertArrayEquals(jacobi, qlSorted, 1e-10);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += v[i][k] * ql[k] * v[j][k];
                }
                assertEquals(a[i][j], sum, 1e-10, "V·diag(λ)·Vᵀ at " + i + "," + j);
            }
        }
    }
}
