package ganstudio.ui.classify;

import ganstudio.metrics.ClassificationReport;

import java.util.Locale;

/**
 * What the confusion heatmap draws, without JavaFX: the counts, each cell's share of its row (the true
 * class), the cell colour, a text colour that stays readable on it, and the tooltip text.
 *
 * <p>Colours are row-normalized, so a rare class is as readable as a common one, and pass through a square
 * root: a well-trained classifier puts ~90% on the diagonal and 1-5% in the cells that matter, which a
 * linear scale would paint all but the same as zero.
 */
public final class ConfusionMatrixModel {

    private final ClassificationReport report;
    private final long[] rowTotals;

    public ConfusionMatrixModel(ClassificationReport report) {
        this.report = report;
        long[][] c = report.confusion();
        rowTotals = new long[c.length];
        for (int i = 0; i < c.length; i++) {
            for (long v : c[i]) {
                rowTotals[i] += v;
            }
        }
    }

    public ClassificationReport report() {
        return report;
    }

    public int classes() {
        return report.classes();
    }

    public String name(int i) {
        return report.className(i);
    }

    public long count(int trueClass, int predicted) {
        return report.confusion()[trueClass][predicted];
    }

    public long rowTotal(int trueClass) {
        return rowTotals[trueClass];
    }

    /** The cell's share of its row: 0 for an empty row. */
    public double rowFraction(int trueClass, int predicted) {
        long total = rowTotals[trueClass];
        return total == 0 ? 0 : (double) count(trueClass, predicted) / total;
    }

    /** The colour scale position of a cell, sqrt of its row fraction (see the class comment). */
    public double intensity(int trueClass, int predicted) {
        return Math.sqrt(rowFraction(trueClass, predicted));
    }

    /** Per-class accuracy (recall), NaN for a class without samples. */
    public double classAccuracy(int trueClass) {
        return report.perClassAccuracy()[trueClass];
    }

    /**
     * A cell colour between the theme's low and high colour (0xRRGGBB each), channel by channel, rounded.
     *
     * @return 0xRRGGBB
     */
    public static int mix(int low, int high, double t) {
        double u = Math.max(0, Math.min(1, t));
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int a = (low >> shift) & 0xff;
            int b = (high >> shift) & 0xff;
            rgb |= (int) Math.round(a + (b - a) * u) << shift;
        }
        return rgb;
    }

    /** White or near-black, whichever contrasts more with a cell colour (WCAG relative luminance). */
    public static int textOn(int rgb) {
        double l = 0.2126 * linear((rgb >> 16) & 0xff) + 0.7152 * linear((rgb >> 8) & 0xff)
                + 0.0722 * linear(rgb & 0xff);
        double againstWhite = 1.05 / (l + 0.05);
        double againstBlack = (l + 0.05) / 0.05;
        return againstWhite >= againstBlack ? 0xffffff : 0x111111;
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** The tooltip of one cell, e.g. "true Shirt, predicted T-shirt/top: 123 of 1000 (12.3% of Shirt)". */
    public String tooltip(int trueClass, int predicted) {
        return String.format(Locale.ROOT, "true %s, predicted %s: %d of %d (%.1f%% of %s)%s", name(trueClass),
                name(predicted), count(trueClass, predicted), rowTotal(trueClass),
                100 * rowFraction(trueClass, predicted), name(trueClass),
                trueClass == predicted ? "\ncorrect" : "");
    }

    /** The headline of a report: "top-1 91.23%  ·  top-5 99.81%". */
    public static String headline(ClassificationReport r) {
        return String.format(Locale.ROOT, "top-1 %.2f%%  \u00b7  top-5 %.2f%%", 100 * r.top1(), 100 * r.top5());
    }

    /** The line above the heatmap: which set, how many images, the loss. */
    public static String caption(ClassificationReport r) {
        return String.format(Locale.ROOT, "%s: %,d images, loss %.4f. Rows: true class; colour: share of the row",
                "test".equals(r.set()) ? "Test set" : "Validation set", r.count(), r.loss());
    }
}
