package ganstudio.metrics;

import java.util.Locale;

/** One metrics row as CSV: integer columns as integers, NaN as an empty cell, the rest with six digits. */
final class CsvRow {

    private CsvRow() {}

    static String of(double[] values, boolean[] integer) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            double v = values[i];
            sb.append(integer[i] ? String.valueOf((long) v)
                    : Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v));
        }
        return sb.toString();
    }
}
