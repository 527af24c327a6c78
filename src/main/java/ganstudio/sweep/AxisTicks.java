package ganstudio.sweep;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Round tick values for a plot axis (steps of 1, 2 or 5 times a power of ten).
 *
 * @param lo the axis's start: the data's, or the tick below it when the axis is widened to its ticks
 * @param hi the axis's end, likewise
 * @param decimals the digits after the point every tick label needs (0 for steps of 1 or more)
 */
record AxisTicks(double lo, double hi, double step, List<Double> values, int decimals) {

    /** Ticks on an axis widened to the ticks around the data, so the first and last ticks sit on its ends. */
    static AxisTicks of(double lo, double hi, int target) {
        return of(lo, hi, target, true);
    }

    /**
     * Ticks inside [lo, hi], the axis kept there: for an axis whose ends mean something (generator iteration 0
     * to the run's last, 0 to the mode count), where widening would show a 1,600th step of a 1,500-step run or a
     * ninth mode of eight.
     */
    static AxisTicks within(double lo, double hi, int target) {
        return of(lo, hi, target, false);
    }

    private static AxisTicks of(double lo, double hi, int target, boolean widen) {
        if (!(hi > lo)) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        double rough = (hi - lo) / Math.max(1, target);
        int exponent = (int) Math.floor(Math.log10(rough));
        double magnitude = Math.pow(10, exponent);
        double r = rough / magnitude;
        double step = (r < 1.5 ? 1 : r < 3 ? 2 : r < 7 ? 5 : 10) * magnitude;
        long first = widen ? (long) Math.floor(lo / step + 1e-9) : (long) Math.ceil(lo / step - 1e-9);
        long last = widen ? (long) Math.ceil(hi / step - 1e-9) : (long) Math.floor(hi / step + 1e-9);
        int decimals = Math.max(0, -(int) Math.floor(Math.log10(step) + 1e-9));
        List<Double> values = new ArrayList<>();
        for (long k = first; k <= last; k++) {
            // through the decimal text, so 3 x 0.1 is the tick 0.3 and not 0.30000000000000004
            values.add(new BigDecimal(k).multiply(BigDecimal.valueOf(step)).doubleValue());
        }
        return widen ? new AxisTicks(values.get(0), values.get(values.size() - 1), step, values, decimals)
                : new AxisTicks(lo, hi, step, values, decimals);
    }

    /** A tick's label: thousands grouped (10,000), as many decimals as the step needs, never "-0". */
    String label(double v) {
        String s = String.format(Locale.ROOT, "%,." + decimals + "f", v);
        return s.matches("-0[.,]?0*") ? s.substring(1) : s;
    }
}
