package ganstudio.ui.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class MedianFilterTest {

    private static final double[] SIX = {1, 5, 2, 8, 3, 9};

    @Test
    void windowThreeShrinksAtTheEdgesAndKeepsTheEndpoints() {
        // [1] [1 5 2] [5 2 8] [2 8 3] [8 3 9] [9]
        assertArrayEquals(new double[] {1, 2, 5, 3, 8, 9}, MedianFilter.apply(SIX, 6, 3), 0);
    }

    @Test
    void windowFiveUsesTheWidestSymmetricWindowThatFits() {
        // [1] [1 5 2] [1 5 2 8 3] [5 2 8 3 9] [8 3 9] [9]
        assertArrayEquals(new double[] {1, 2, 3, 5, 8, 9}, MedianFilter.apply(SIX, 6, 5), 0);
    }

    @Test
    void aWindowWiderThanTheSeriesStillWorks() {
        assertArrayEquals(new double[] {1, 2, 3, 5, 8, 9}, MedianFilter.apply(SIX, 6, 99), 0);
        assertArrayEquals(new double[] {4}, MedianFilter.apply(new double[] {4}, 1, 7), 0);
        assertArrayEquals(new double[0], MedianFilter.apply(new double[8], 0, 3), 0);
    }

    @Test
    void nonFiniteValuesStayAndAreLeftOutOfWindows() {
        double[] v = {1, Double.NaN, 2, 8, 3};
        // i = 2 sees {NaN, 2, 8}: two finite values, so their mean
        assertArrayEquals(new double[] {1, Double.NaN, 5, 3, 3}, MedianFilter.apply(v, 5, 3), 0);
    }

    @Test
    void onlyTheFirstCountValuesAreRead() {
        assertArrayEquals(new double[] {1, 2, 5, 5}, MedianFilter.apply(new double[] {1, 5, 2, 5, 1000}, 4, 3), 0);
    }

    @Test
    void aSingleSpikeIsRemoved() {
        double[] v = {2, 2, 2, 40, 2, 2, 2};
        assertArrayEquals(new double[] {2, 2, 2, 2, 2, 2, 2}, MedianFilter.apply(v, 7, 3), 0);
    }

    @Test
    void windowOneIsACopyAndEvenWindowsAreRefused() {
        assertArrayEquals(SIX, MedianFilter.apply(SIX, 6, 1), 0);
        assertThrows(IllegalArgumentException.class, () -> MedianFilter.apply(SIX, 6, 4));
        assertThrows(IllegalArgumentException.class, () -> MedianFilter.apply(SIX, 6, 0));
    }

    @Test
    void theSlidingWindowMatchesSortingEveryWindow() {
        SplittableRandom r = new SplittableRandom(7);
        double[] v = new double[2000];
        for (int i = 0; i < v.length; i++) {
            // rounded so that equal values (duplicates in a window) occur, and a few NaNs
            v[i] = i % 97 == 5 ? Double.NaN : Math.round(r.nextGaussian() * 4) / 2.0;
        }
        for (int window : new int[] {3, 21, 101}) {
            assertArrayEquals(bruteForce(v, window), MedianFilter.apply(v, v.length, window), 0, "window " + window);
        }
    }

    private static double[] bruteForce(double[] v, int window) {
        double[] out = v.clone();
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                continue;
            }
            int h = Math.min(window / 2, Math.min(i, v.length - 1 - i));
            double[] w = Arrays.stream(v, i - h, i + h + 1).filter(Double::isFinite).sorted().toArray();
            out[i] = w.length % 2 == 1 ? w[w.length / 2] : (w[w.length / 2 - 1] + w[w.length / 2]) / 2;
        }
        return out;
    }
}
