package ganstudio.ui.common;

import java.util.Arrays;

/**
 * A running median for display: the WGAN paper plots its Wasserstein estimate median-filtered, because single
 * batches throw spikes that an average smears out while a median drops them. Pure function on double[], like
 * {@link SeriesMath}, so it is tested without a display.
 */
public final class MedianFilter {

    private MedianFilter() {}

    /**
     * The median of each point's window of {@code window} points centred on it.
     * <ul>
     * <li>Edges: the window shrinks symmetrically, so point i uses min(window / 2, i, count - 1 - i) neighbours on
     * each side and the first and last points stay as they are. Nothing is padded in (zero padding, as scipy's
     * medfilt does, would drag both ends towards 0).
     * <li>Non-finite values stay as they are and are left out of every window; when the finite values of a window
     * are even in number the median is the mean of the middle two.
     * </ul>
     * Example: window 3 over [1, 5, 2, 8, 3, 9] gives [1, 2, 5, 3, 8, 9].
     *
     * @param window odd, at least 1 (1 returns a copy)
     * @return a new array of length count
     */
    public static double[] apply(double[] values, int count, int window) {
        if (window < 1 || window % 2 == 0) {
            throw new IllegalArgumentException("median window must be odd and at least 1, not " + window);
        }
        double[] out = Arrays.copyOf(values, count);
        int half = window / 2;
        int firstFull = half;
        int lastFull = count - 1 - half;
        for (int i = 0; i < count; i++) {
            if ((i < firstFull || i > lastFull) && Double.isFinite(values[i])) {
                int h = Math.min(i, count - 1 - i);
                out[i] = medianOfRange(values, i - h, i + h);
            }
        }
        if (half == 0 || firstFull > lastFull) {
            return out;
        }
        // Inside, the full window slides: one value leaves, one enters, and a sorted copy is kept up to date by
        // shifting (O(window) per point) rather than sorted anew (O(window log window)).
        SortedWindow w = new SortedWindow(window);
        for (int j = 0; j < window; j++) {
            w.add(values[j]);
        }
        for (int i = firstFull; ; i++) {
            if (Double.isFinite(values[i])) {
                out[i] = w.median();
            }
            if (i == lastFull) {
                return out;
            }
            w.remove(values[i - half]);
            w.add(values[i + half + 1]);
        }
    }

    private static double medianOfRange(double[] values, int from, int to) {
        SortedWindow w = new SortedWindow(to - from + 1);
        for (int j = from; j <= to; j++) {
            w.add(values[j]);
        }
        return w.median();
    }

    /** The finite values of a window in ascending order. */
    private static final class SortedWindow {
        private final double[] sorted;
        private int size;

        SortedWindow(int capacity) {
            sorted = new double[capacity];
        }

        void add(double v) {
            if (!Double.isFinite(v)) {
                return;
            }
            int at = Arrays.binarySearch(sorted, 0, size, v);
            if (at < 0) {
                at = -at - 1;
            }
            System.arraycopy(sorted, at, sorted, at + 1, size - at);
            sorted[at] = v;
            size++;
        }

        /** Removes one copy of v, which {@link #add} was given before (a no-op for a non-finite v). */
        void remove(double v) {
            if (!Double.isFinite(v)) {
                return;
            }
            int at = Arrays.binarySearch(sorted, 0, size, v);
            System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
            size--;
        }

        double median() {
            return size % 2 == 1 ? sorted[size / 2] : (sorted[size / 2 - 1] + sorted[size / 2]) / 2;
        }
    }
}
