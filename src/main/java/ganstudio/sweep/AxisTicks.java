package ganstudio.sweep;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Round tick values for a plot axis (steps of 1, 2 or 5 times a power of ten), with the axis widened to the ticks
 * around the data so the first and last ticks sit on its ends.
 *
 * @param decimals the digits after the point every tick label needs (0 for steps of 1 or more)
 */
record AxisTicks(double lo, double hi, double step, List<Double> values, int decimals) {

    static AxisTicks of(double lo, double hi, int target) {
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
        long first = (long) Math.floor(lo / step + 1e-9);
        long last = (long) Math.ceil(hi / step - 1e-9);
        int decimals = Math.max(0, -(int) Math.floor(Math.log10(step) + 1e-9));
        List<Double> values = new ArrayList<>();
        for (long k = first; k <= last; k++) {
            // through the decimal text, so 3 x 0.1 is the tick 0.3 and not 0.30000000000000004
            values.add(new BigDecimal(k).multiply(BigDecimal.valueOf(step)).doubleValue());
        }
        return new AxisTicks(values.get(0), values.get(values.size() - 1), step, values, decimals);
    }

    /** A tick's label: thousands grouped (10,000), as many decimals as the step needs, never "-0". */
    String label(double v) {
        String s = String.format(Locale.ROOT, "%,." + decimals + "f", v);
        return s.matches("-0[.,]?0*") ? s.substring(1) : s;
    }
}
