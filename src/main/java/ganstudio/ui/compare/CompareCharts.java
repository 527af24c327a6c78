package ganstudio.ui.compare;

import ganstudio.ui.common.ChartsPanel;
import ganstudio.ui.common.MarkedLineChart;
import ganstudio.ui.common.MetricsStore;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The compare view's curves: one line per run on each chart (critic loss, generator loss, Wasserstein
 * estimate), series i in colour i on every chart, on the x axis the selector picks. Like {@link ChartsPanel}
 * it draws a smoothed, decimated copy of each run's {@link MetricsStore} and redraws at most ten times a
 * second, only when a store, the axis or the smoothing changed.
 */
final class CompareCharts extends VBox {

    private static final long MIN_REDRAW_NANOS = 100_000_000L;

    private final MarkedLineChart lossD = new MarkedLineChart("Critic loss (loss_D)", "loss_D");
    private final MarkedLineChart lossG = new MarkedLineChart("Generator loss (loss_G)", "loss_G");
    private final MarkedLineChart wEstimate = new MarkedLineChart("Wasserstein estimate", "W");
    private final ChoiceBox<CompareAxis> axis = new ChoiceBox<>();
    private final Slider smoothing = new Slider(0, 0.99, 0.6);
    private final Label hint = new Label();

    private List<ComparedRun> runs = List.of();
    private long drawnVersions = -1;
    private boolean dirty = true;
    private long lastDraw;

    CompareCharts() {
        getStyleClass().add("charts");
        setSpacing(4);
        setPadding(new Insets(4));
        axis.getItems().setAll(CompareAxis.values());
        axis.setValue(CompareAxis.GENERATOR_ITERATION);
        axis.valueProperty().addListener((o, a, b) -> dirty = true);
        smoothing.valueProperty().addListener((o, a, b) -> dirty = true);
        smoothing.setMinWidth(60);
        HBox.setHgrow(smoothing, Priority.ALWAYS);
        Label x = new Label("x axis");
        Label smooth = new Label("Smoothing");
        x.setMinWidth(Region.USE_PREF_SIZE);
        smooth.setMinWidth(Region.USE_PREF_SIZE);
        HBox controls = new HBox(8, x, axis, smooth, smoothing);
        controls.getStyleClass().add("chart-controls");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        for (MarkedLineChart c : charts()) {
            VBox.setVgrow(c, Priority.ALWAYS);
        }
        getChildren().addAll(controls, hint, lossD, lossG, wEstimate);
    }

    private List<MarkedLineChart> charts() {
        return List.of(lossD, lossG, wEstimate);
    }

    /** The x axis the selector shows (the demo and tests may set it). */
    void setAxis(CompareAxis a) {
        axis.setValue(a);
    }

    void setRuns(List<ComparedRun> runs) {
        this.runs = List.copyOf(runs);
        dirty = true;
        redrawIfDue(true);
    }

    /** Called by the view's timer. */
    void redrawIfDue(boolean force) {
        long now = System.nanoTime();
        long versions = 0;
        for (ComparedRun r : runs) {
            versions = versions * 31 + r.store().version();
        }
        if (!(dirty || versions != drawnVersions) || (!force && now - lastDraw < MIN_REDRAW_NANOS)) {
            return;
        }
        lastDraw = now;
        dirty = false;
        drawnVersions = versions;
        CompareAxis a = axis.getValue();
        fill(lossD, MetricsStore.LOSS_D, a);
        fill(lossG, MetricsStore.LOSS_G, a);
        int wPoints = fill(wEstimate, MetricsStore.W_ESTIMATE, a);
        boolean empty = runs.stream().allMatch(r -> r.store().size() == 0);
        for (MarkedLineChart c : charts()) {
            c.getXAxis().setLabel(a.label());
            c.showEmptyFrame(empty);
        }
        hint.setText(runs.isEmpty() ? "Select two or more runs and press Compare, or start a paired experiment."
                : !empty && wPoints < runs.size() ? "A standard GAN has no Wasserstein estimate: its line is absent "
                        + "from the third chart; its critic loss is a cross-entropy, the WGAN's −W: compare shapes, not levels."
                        : "");
    }

    /** One fresh series per run (emptied series keep their old path on screen in JavaFX 21, see ChartsPanel). */
    private int fill(MarkedLineChart chart, int column, CompareAxis a) {
        List<XYChart.Series<Number, Number>> all = new ArrayList<>();
        int withPoints = 0;
        double w = smoothing.getValue();
        for (ComparedRun r : runs) {
            double[][] xy = a.series(r.store(), column, r.batchSize(), w, ChartsPanel.MAX_POINTS / 2);
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(r.label());
            for (int i = 0; i < xy[0].length; i++) {
                if (Double.isFinite(xy[0][i])) {
                    s.getData().add(new XYChart.Data<>(xy[0][i], xy[1][i]));
                }
            }
            withPoints += s.getData().isEmpty() ? 0 : 1;
            all.add(s);
        }
        chart.getData().setAll(all);
        ((NumberAxis) chart.getXAxis()).setForceZeroInRange(false);
        return withPoints;
    }
}
