package ganstudio.ui.common;

import static ganstudio.ui.common.MetricsStore.CLIP_FRACTION;
import static ganstudio.ui.common.MetricsStore.D_FAKE;
import static ganstudio.ui.common.MetricsStore.D_REAL;
import static ganstudio.ui.common.MetricsStore.GRAD_NORM_D;
import static ganstudio.ui.common.MetricsStore.GRAD_NORM_G;
import static ganstudio.ui.common.MetricsStore.LOSS_D;
import static ganstudio.ui.common.MetricsStore.LOSS_G;
import static ganstudio.ui.common.MetricsStore.LR_D;
import static ganstudio.ui.common.MetricsStore.LR_G;
import static ganstudio.ui.common.MetricsStore.PENALTY;
import static ganstudio.ui.common.MetricsStore.W_ESTIMATE;

import java.util.List;

/**
 * What one GAN chart draws: its lines (a name and a {@link MetricsStore} column each), its titles, and what it
 * says when the run's objective does not produce those numbers. Plain data, so the set of charts is checked
 * without a display.
 *
 * @param label the chart selector's button
 * @param emptyNote shown after the title when the run has rows but none for this chart; "" for never
 * @param shownAtStart whether the chart is on screen before the person picks
 */
record MetricChart(String label, String title, String yLabel, List<Line> lines, String emptyNote,
        boolean shownAtStart) {

    /** One series of a chart. */
    record Line(String name, int column) {}

    /**
     * Every per-step number the engine emits, except the bookkeeping (step, critic iterations, samples/s, time),
     * which the status bar shows. Learning rates are on a plain axis: a decay schedule ends at 0, which a log
     * axis cannot show. The first four are on screen at the start and fit a 1280x800 window.
     */
    static final List<MetricChart> GAN = List.of(
            new MetricChart("Losses", "Losses", "loss",
                    List.of(new Line("loss_D", LOSS_D), new Line("loss_G", LOSS_G)), "", true),
            new MetricChart("W", "Wasserstein estimate", "W",
                    List.of(new Line("W", W_ESTIMATE)), "none for this objective", true),
            new MetricChart("D outputs", "Critic outputs", "mean D",
                    List.of(new Line("D(x)", D_REAL), new Line("D(G(z))", D_FAKE)), "", true),
            new MetricChart("Grad norms", "Gradient norms", "L2",
                    List.of(new Line("G", GRAD_NORM_G), new Line("D", GRAD_NORM_D)), "", true),
            new MetricChart("Penalty", "Gradient penalty, before λ", "GP",
                    List.of(new Line("penalty", PENALTY)), "only for WGAN-GP", false),
            new MetricChart("Clip", "Critic weights at ±c", "share",
                    List.of(new Line("at ±c", CLIP_FRACTION)), "only for weight clipping", false),
            new MetricChart("LR", "Learning rates", "lr",
                    List.of(new Line("lr G", LR_G), new Line("lr D", LR_D)), "", false));

    /** The title to show: with a note when the run has rows but this chart has no points. */
    String titleFor(boolean runHasRows, int points) {
        return runHasRows && points == 0 && !emptyNote.isEmpty() ? title + " (" + emptyNote + ")" : title;
    }
}
