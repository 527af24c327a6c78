package ganstudio.ui;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The three training charts. They draw a smoothed and decimated copy of a {@link MetricsStore}: at most
 * MAX_POINTS per series whatever the run length, rebuilt at most ten times a second (the caller's timer
 * asks; this panel only redraws when the store, the smoothing or the markers changed and 100 ms passed).
 */
final class ChartsPanel extends VBox {

    static final int MAX_POINTS = 1500;
    private static final long MIN_REDRAW_NANOS = 100_000_000L;

    private final MarkedLineChart losses = new MarkedLineChart("Losses", "loss");
    private final MarkedLineChart wasserstein = new MarkedLineChart("Wasserstein estimate", "W");
    private final MarkedLineChart critic = new MarkedLineChart("Critic outputs", "mean D");
    private XYChart.Series<Number, Number> lossD;
    private XYChart.Series<Number, Number> lossG;
    private XYChart.Series<Number, Number> wEstimate;
    private XYChart.Series<Number, Number> dReal;
    private XYChart.Series<Number, Number> dFake;
    private final Slider smoothing = new Slider(0, 0.99, 0.6);
    private final Label wEmpty = new Label();

    private MetricsStore store = new MetricsStore();
    private List<Double> markers = new ArrayList<>();
    private long drawnVersion = -1;
    private boolean dirty = true;
    private long lastDraw;

    ChartsPanel() {
        getStyleClass().add("charts");
        setSpacing(4);
        setPadding(new Insets(4));
        newSeries();
        Label label = new Label("Smoothing");
        Label value = new Label();
        value.textProperty().bind(smoothing.valueProperty().asString("%.2f"));
        label.setMinWidth(Region.USE_PREF_SIZE);
        value.setMinWidth(Region.USE_PREF_SIZE);
        smoothing.setMinWidth(80);
        smoothing.setShowTickMarks(true);
        smoothing.setMajorTickUnit(0.25);
        smoothing.valueProperty().addListener((o, a, b) -> dirty = true);
        HBox.setHgrow(smoothing, Priority.ALWAYS);
        HBox controls = new HBox(8, label, smoothing, value, wEmpty);
        controls.getStyleClass().add("chart-controls");
        wEmpty.getStyleClass().add("hint");
        for (MarkedLineChart c : List.of(losses, wasserstein, critic)) {
            VBox.setVgrow(c, Priority.ALWAYS);
        }
        getChildren().addAll(controls, losses, wasserstein, critic);
    }

    /**
     * Fresh series objects for a new store. Emptying an existing series left its old line on screen
     * (JavaFX 21 keeps the path of a series whose data became empty), so a new run starts with new series.
     */
    private void newSeries() {
        lossD = series("loss_D");
        lossG = series("loss_G");
        wEstimate = series("W estimate");
        dReal = series("D(x)");
        dFake = series("D(G(z))");
        losses.getData().setAll(List.of(lossD, lossG));
        wasserstein.getData().setAll(List.of(wEstimate));
        critic.getData().setAll(List.of(dReal, dFake));
    }

    private static XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        return s;
    }

    /** Shows another store (a live run, or a run opened from disk). */
    void setStore(MetricsStore store) {
        this.store = store;
        this.markers = new ArrayList<>();
        newSeries();
        dirty = true;
        redrawIfDue(true);
    }

    MetricsStore getStore() {
        return store;
    }

    /** A vertical marker at this step on every chart (a live edit). */
    void addMarker(double step) {
        markers.add(step);
        for (MarkedLineChart c : List.of(losses, wasserstein, critic)) {
            c.setMarkers(markers);
        }
    }

    /** Called by the UI timer; redraws when something changed and the last redraw is 100 ms old. */
    void redrawIfDue(boolean force) {
        long now = System.nanoTime();
        boolean changed = dirty || store.version() != drawnVersion;
        if (!changed || (!force && now - lastDraw < MIN_REDRAW_NANOS)) {
            return;
        }
        lastDraw = now;
        dirty = false;
        drawnVersion = store.version();
        double w = smoothing.getValue();
        fill(lossD, MetricsStore.LOSS_D, w);
        fill(lossG, MetricsStore.LOSS_G, w);
        int wPoints = fill(wEstimate, MetricsStore.W_ESTIMATE, w);
        wEmpty.setText(store.size() > 0 && wPoints == 0 ? "(no Wasserstein estimate for this objective)" : "");
        fill(dReal, MetricsStore.D_REAL, w);
        fill(dFake, MetricsStore.D_FAKE, w);
        for (MarkedLineChart c : List.of(losses, wasserstein, critic)) {
            c.setMarkers(markers);
            c.showEmptyFrame(store.size() == 0);
        }
    }

    private int fill(XYChart.Series<Number, Number> s, int column, double weight) {
        double[][] xy = store.displaySeries(column, weight, MAX_POINTS);
        List<XYChart.Data<Number, Number>> points = new ArrayList<>(xy[0].length);
        for (int i = 0; i < xy[0].length; i++) {
            points.add(new XYChart.Data<>(xy[0][i], xy[1][i]));
        }
        s.getData().setAll(points);
        return points.size();
    }
}
