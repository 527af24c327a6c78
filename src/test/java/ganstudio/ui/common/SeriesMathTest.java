package ganstudio.ui.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeriesMathTest {

    @Test
    void smoothingIsTensorBoardsDebiasedEma() {
        // acc: 0.5, 1.25, 2.125; debias 1 - 0.5^k: 0.5, 0.75, 0.875 → 1, 5/3, 17/7
        double[] s = SeriesMath.smooth(new double[] {1, 2, 3}, 3, 0.5);
        assertArrayEquals(new double[] {1.0, 5.0 / 3.0, 17.0 / 7.0}, s, 1e-12);
    }

    @Test
    void weightZeroLeavesValuesAlone() {
        assertArrayEquals(new double[] {1, 2, 3}, SeriesMath.smooth(new double[] {1, 2, 3, 99}, 3, 0), 0);
    }

    @Test
    void constantSeriesStaysConstantFromTheFirstPoint() {
        double[] s = SeriesMath.smooth(new double[] {4, 4, 4, 4}, 4, 0.99);
        assertArrayEquals(new double[] {4, 4, 4, 4}, s, 1e-9);
    }

    @Test
    void nanPassesThroughWithoutPoisoningTheAverage() {
        double[] s = SeriesMath.smooth(new double[] {1, Double.NaN, 2}, 3, 0.5);
        assertEquals(1.0, s[0], 1e-12);
        assertTrue(Double.isNaN(s[1]));
        assertEquals(5.0 / 3.0, s[2], 1e-12);
    }

    @Test
    void decimationKeepsFirstAndLastAndAtMostN() {
        int n = 150_000;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.sin(i / 1000.0);
        }
        v[77_777] = 50; // a spike must survive
        int[] idx = SeriesMath.decimate(v, n, 1500);
        assertTrue(idx.length <= 1500, "at most 1500 points, got " + idx.length);
        assertTrue(idx.length > 1000, "uses the budget, got " + idx.length);
        assertEquals(0, idx[0]);
        assertEquals(n - 1, idx[idx.length - 1]);
        boolean spike = false;
        for (int i = 1; i < idx.length; i++) {
            assertTrue(idx[i] > idx[i - 1], "ascending");
            spike |= idx[i] == 77_777;
        }
        assertTrue(spike, "the spike is kept");
    }

    @Test
    void shortSeriesAreKeptWholeAndNanSkipped() {
        assertArrayEquals(new int[] {0, 1, 2}, SeriesMath.decimate(new double[] {1, 2, 3}, 3, 1500));
        assertArrayEquals(new int[] {1, 3}, SeriesMath.decimate(new double[] {Double.NaN, 2, Double.NaN, 3}, 4, 1500));
        assertArrayEquals(new int[0], SeriesMath.decimate(new double[] {Double.NaN, Double.NaN}, 2, 1500));
    }

    @Test
    void stepTickUnitsAreRoundAndWhole() {
        assertEquals(25_000, SeriesMath.stepTickUnit(100_000, 4));
        assertEquals(10, SeriesMath.stepTickUnit(29, 4));
        assertEquals(5, SeriesMath.stepTickUnit(20, 4));
        assertEquals(2, SeriesMath.stepTickUnit(7, 4)); // 1.75 per interval: 2.5 would not be whole
        assertEquals(1, SeriesMath.stepTickUnit(3, 4));
        assertEquals(1, SeriesMath.stepTickUnit(0, 4));
        assertEquals(50, SeriesMath.stepTickUnit(120, 4)); // 30 per interval: 2.5 x 10 is too small, 5 x 10 fits
        assertEquals(1_000_000, SeriesMath.stepTickUnit(3_500_000, 4)); // 875,000 rounds up to 10^6
    }
}
