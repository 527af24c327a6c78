package ganstudio.sweep;

import ganstudio.config.RunConfig;
import ganstudio.data.Mixture2D;
import ganstudio.data.TrainingData;
import ganstudio.config.ConfigSchema;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A number a sweep's report aggregates over seeds: a final-evaluation figure from a task's summary.json, or a
 * stability figure computed from its logs. The key is the name report.json and report.csv use.
 */
public enum Figure {
    MODES("modes", "modes captured", true, Source.EVALUATION, 1, false),
    HIGH_QUALITY("highQuality", "high-quality %", true, Source.EVALUATION, 1, false),
    KL("kl", "KL to uniform", false, Source.EVALUATION, 3, false),
    CLASSES("classes", "classes covered", true, Source.EVALUATION, 1, false),
    FRECHET("frechet", "Fréchet distance", false, Source.EVALUATION, 2, false),
    PRECISION("precision", "precision", true, Source.EVALUATION, 3, false),
    RECALL("recall", "recall", true, Source.EVALUATION, 3, false),
    DENSITY("density", "density", true, Source.EVALUATION, 3, false),
    COVERAGE("coverage", "coverage", true, Source.EVALUATION, 3, false),
    KID("kid", "KID", false, Source.EVALUATION, 4, false),
    TOP1("top1", "test top-1 %", true, Source.EVALUATION, 2, false),
    TOP5("top5", "test top-5 %", true, Source.EVALUATION, 2, false),
    ALL_MODES_STEP("allModesStep", "step all modes first captured", false, Source.STABILITY, 0, false),
    GAP_STD("gapStd", "critic gap std (last 10%)", false, Source.STABILITY, 3, true),
    GAP_RANGE("gapRange", "critic gap max-min (last 10%)", false, Source.STABILITY, 3, true);

    /** Where a figure comes from, which decides the report table it sits in. */
    public enum Source { EVALUATION, STABILITY }

    private final String key;
    private final String label;
    private final boolean higherIsBetter;
    private final Source source;
    private final int digits;
    private final boolean significant;

    /**
     * @param significant digits counts significant digits, not decimals: the critic gap's scale differs by
     *     orders of magnitude between objectives (a clipped WGAN critic moves in thousandths), so a fixed number
     *     of decimals would print most spreads as 0.000
     */
    Figure(String key, String label, boolean higherIsBetter, Source source, int digits, boolean significant) {
        this.key = key;
        this.label = label;
        this.higherIsBetter = higherIsBetter;
        this.source = source;
        this.digits = digits;
        this.significant = significant;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public Source source() {
        return source;
    }

    /** The value as the report's tables print it; a whole count (8 modes, not 8.0) without decimals. */
    public String format(double v) {
        boolean count = this == MODES || this == CLASSES || this == ALL_MODES_STEP;
        if (count && v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%." + digits + (significant ? "g" : "f"), v);
    }

    /** The figures a task of this config yields, in report order. */
    public static List<Figure> forConfig(RunConfig c) {
        if ("classifier".equals(c.getString(ConfigSchema.TASK))) {
            return List.of(TOP1, TOP5);
        }
        Optional<Mixture2D> mixture = TrainingData.mixture(c);
        if (mixture.isEmpty()) {
            return List.of(CLASSES, FRECHET, PRECISION, RECALL, DENSITY, COVERAGE, KID, GAP_STD, GAP_RANGE);
        }
        if (!mixture.get().hasModes()) {
            return List.of(GAP_STD, GAP_RANGE);
        }
        return List.of(MODES, HIGH_QUALITY, KL, ALL_MODES_STEP, GAP_STD, GAP_RANGE);
    }
}
