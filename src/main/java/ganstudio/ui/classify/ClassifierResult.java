package ganstudio.ui.classify;

import ganstudio.metrics.ClassificationReport;
import ganstudio.metrics.ClassifierMetrics;

import java.util.Locale;

/**
 * What the right-hand side of the classifier view says at one moment: the headline (validation after an epoch,
 * or the test result in a larger type when the run ended), a note line, the caption over the heatmap, the
 * report whose confusion matrix is drawn, and the placeholder shown while there is none. Plain values, so the
 * wording is tested without a display.
 */
public record ClassifierResult(String headline, boolean isFinal, String note, String caption,
        ClassificationReport report, String placeholder) {

    static final String WAITING = "The confusion matrix appears after the first epoch's validation";

    public static ClassifierResult idle() {
        return new ClassifierResult("Press Start to train, or open a classifier run from the Runs tab", false, "", "",
                null, WAITING);
    }

    public static ClassifierResult training(String note) {
        return new ClassifierResult("Training\u2026 validation follows each epoch", false, note, "", null, WAITING);
    }

    /**
     * After a report: the test report is final; a validation report names its epoch (NaN when unknown).
     */
    public static ClassifierResult of(ClassificationReport r, double epoch, String note) {
        boolean test = "test".equals(r.set());
        String when = test ? "Test set" : Double.isNaN(epoch) ? "Validation"
                : String.format(Locale.ROOT, "Validation after epoch %.0f", epoch);
        return new ClassifierResult(when + ":  " + ConfusionMatrixModel.headline(r), test, note,
                ConfusionMatrixModel.caption(r), r, WAITING);
    }

    /** A run opened from disk: its test report, or else its last validation numbers and why there is no matrix. */
    public static ClassifierResult opened(ClassifierRunSnapshot snap) {
        ClassifierMetrics last = null;
        for (ClassifierMetrics m : snap.rows()) {
            if (m.hasValidation()) {
                last = m;
            }
        }
        String note = String.format(Locale.ROOT, "%s   \u00b7   %s, %d epochs logged", snap.name(), snap.status(),
                last == null ? 0 : Math.round(last.epoch()));
        if (snap.test() != null) {
            return of(snap.test(), Double.NaN, note);
        }
        String headline = last == null ? "No epoch finished in this run" : String.format(Locale.ROOT,
                "Validation after epoch %.0f:  top-1 %.2f%%  \u00b7  top-5 %.2f%%", last.epoch(),
                100 * last.valAccuracy(), 100 * last.valTop5());
        return new ClassifierResult(headline, false, note, "", null,
                "No test report in this run's summary (" + snap.status() + ")");
    }

    /** The run failed: say so in the headline, keep the last matrix (if an epoch finished) for the post-mortem. */
    public ClassifierResult failed() {
        return new ClassifierResult(report == null ? "Training failed before the first validation"
                : "Training failed; the last validation is shown", false, note, caption, report,
                "No confusion matrix: the run failed before an epoch finished");
    }

    public ClassifierResult withNote(String newNote) {
        return new ClassifierResult(headline, isFinal, newNote, caption, report, placeholder);
    }
}
