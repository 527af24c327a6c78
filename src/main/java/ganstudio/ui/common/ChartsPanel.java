package ganstudio.ui.common;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Side;
import javafx.scene.chart.XYChart;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The GAN training charts ({@link MetricChart#GAN}), a selector of which are on screen, and the display
 * controls that apply to all of them: EMA smoothing, and a median filter for the Wasserstein estimate. They
 * draw a filtered and decimated copy of a {@link MetricsStore}: at most MAX_POINTS per series whatever the run
 * length, rebuilt at most ten times a second (the caller's timer asks; this panel only redraws when the store,
 * a control or the markers changed and 100 ms passed). Hidden charts are not filled.
 */
public final class ChartsPanel extends VBox {

    public static final int MAX_POINTS = 1500;
    private static final long MIN_REDRAW_NANOS = 100_000_000L;
    private static final double LEGEND_WIDTH = 92;

    private final List<Slot> slots = new ArrayList<>();
    private final Slider smoothing = new Slider(0, 0.99, 0.6);
    private final CheckBox median = new CheckBox("Median W");
    private final Spinner<Integer> medianWindow = new Spinner<>(3, 999, 21, 2);

    private MetricsStore store = new MetricsStore();
    private List<Double> markers = new ArrayList<>();
    private long drawnVersion = -1;
    private boolean dirty = true;
    private long lastDraw;
    /** The step range every chart shows, or null for the whole run. */
    private double[] zoom;
    private final Label zoomHint = new Label();

    /** One chart on screen or off, and its series (new ones for every store, see {@link #newSeries}). */
    private static final class Slot {
        final MetricChart spec;
        final MarkedLineChart chart;
        final ToggleButton toggle;
        List<XYChart.Series<Number, Number>> series = List.of();

        Slot(MetricChart spec) {
            this.spec = spec;
            this.chart = new MarkedLineChart(spec.title(), spec.yLabel());
            this.toggle = new ToggleButton(spec.label());
            // Beside the plot, not below it: JavaFX drops a bottom legend when less than 150 px would be left for
            // the plot, which four charts in a 1280x800 window are. One width for all, so the plots line up.
            chart.setLegendSide(Side.RIGHT);
            chart.setLegendWidth(LEGEND_WIDTH);
            toggle.setTooltip(new Tooltip("Show or hide: " + spec.title()));
            toggle.setSelected(spec.shownAtStart());
            chart.visibleProperty().bind(toggle.selectedProperty());
            chart.managedProperty().bind(toggle.selectedProperty());
            VBox.setVgrow(chart, Priority.ALWAYS);
        }
    }

    public ChartsPanel() {
        getStyleClass().add("charts");
        setSpacing(4);
        setPadding(new Insets(4));
        VBox column = new VBox(4);
        FlowPane selector = new FlowPane(4, 4);
        selector.getStyleClass().add("chart-selector");
        for (MetricChart spec : MetricChart.GAN) {
            Slot slot = new Slot(spec);
            slots.add(slot);
            column.getChildren().add(slot.chart);
            selector.getChildren().add(slot.toggle);
            slot.toggle.selectedProperty().addListener((o, a, b) -> dirty = true);
            slot.chart.onZoom(this::zoomTo, this::resetZoom);
        }
        newSeries();
        // Fit to the height while the shown charts fit; below their minimum heights (140 px) the column scrolls.
        ScrollPane scroll = new ScrollPane(column);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("charts-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        // In the wrapping row, not beside the slider: a narrow window wraps it instead of clipping the panel.
        selector.getChildren().add(medianControls());
        zoomHint.getStyleClass().add("hint");
        zoomHint.setVisible(false);
        zoomHint.managedProperty().bind(zoomHint.visibleProperty());
        getChildren().addAll(smoothingControls(), selector, zoomHint, scroll);
    }

    /** Every chart shows steps from..to (a drag across one of them); the curves are cut, not filtered again. */
    public void zoomTo(double from, double to) {
        if (!(to > from)) {
            return;
        }
        zoom = new double[] {from, to};
        zoomHint.setText(String.format(java.util.Locale.ROOT, "Steps %.0f to %.0f. Double-click a chart for the whole "
                + "run.", from, to));
        zoomHint.setVisible(true);
        dirty = true;
        redrawIfDue(true);
    }

    /** Back to the whole run (a double-click on a chart). */
    public void resetZoom() {
        zoom = null;
        zoomHint.setVisible(false);
        dirty = true;
        redrawIfDue(true);
    }

    /** The zoomed step range, or null (for a test). */
    public double[] zoom() {
        return zoom == null ? null : zoom.clone();
    }

    private HBox smoothingControls() {
        Label label = new Label("Smoothing");
        Label value = new Label();
        value.textProperty().bind(smoothing.valueProperty().asString("%.2f"));
        label.setMinWidth(Region.USE_PREF_SIZE);
        value.setMinWidth(Region.USE_PREF_SIZE);
        smoothing.setMinWidth(80);
        smoothing.setShowTickMarks(true);
        smoothing.setMajorTickUnit(0.25);
        smoothing.setTooltip(new Tooltip("EMA smoothing of every chart (0 = raw)"));
        smoothing.valueProperty().addListener((o, a, b) -> dirty = true);
        HBox.setHgrow(smoothing, Priority.ALWAYS);
        HBox controls = new HBox(8, label, smoothing, value);
        controls.getStyleClass().add("chart-controls");
        return controls;
    }

    private HBox medianControls() {
        median.setMinWidth(Region.USE_PREF_SIZE);
        median.setTooltip(new Tooltip("Median-filter the Wasserstein estimate before smoothing, as the WGAN paper "
                + "plots it: drops single-batch spikes. The window counts logged rows."));
        median.selectedProperty().addListener((o, a, b) -> dirty = true);
        medianWindow.setEditable(true);
        medianWindow.setPrefWidth(72);
        medianWindow.setMinWidth(Region.USE_PREF_SIZE);
        medianWindow.disableProperty().bind(median.selectedProperty().not());
        medianWindow.setTooltip(new Tooltip("Median window in logged rows (odd)"));
        medianWindow.valueProperty().addListener((o, a, b) -> {
            if (b % 2 == 0) { // typed in: the median of an even window has no middle value
                medianWindow.getValueFactory().setValue(b + 1);
            }
            dirty = true;
        });
        HBox controls = new HBox(6, median, medianWindow);
        controls.getStyleClass().add("median-controls");
        return controls;
    }

    /**
     * Fresh series objects for a new store. Emptying an existing series left its old line on screen
     * (JavaFX 21 keeps the path of a series whose data became empty), so a new run starts with new series.
     */
    private void newSeries() {
        for (Slot slot : slots) {
            List<XYChart.Series<Number, Number>> series = new ArrayList<>();
            for (MetricChart.Line line : slot.spec.lines()) {
                XYChart.Series<Number, Number> s = new XYChart.Series<>();
                s.setName(line.name());
                series.add(s);
            }
            slot.series = series;
            slot.chart.getData().setAll(series);
        }
    }

    /** Shows another store (a live run, or a run opened from disk). */
    public void setStore(MetricsStore store) {
        this.store = store;
        this.zoom = null;
        zoomHint.setVisible(false);
        this.markers = new ArrayList<>();
        newSeries();
        dirty = true;
        redrawIfDue(true);
    }

    public MetricsStore getStore() {
        return store;
    }

    /** A vertical marker at this step on every chart (a live edit). */
    public void addMarker(double step) {
        markers.add(step);
        for (Slot slot : slots) {
            slot.chart.setMarkers(markers);
        }
    }

    /** Called by the UI timer; redraws when something changed and the last redraw is 100 ms old. */
    public void redrawIfDue(boolean force) {
        long now = System.nanoTime();
        boolean changed = dirty || store.version() != drawnVersion;
        if (!changed || (!force && now - lastDraw < MIN_REDRAW_NANOS)) {
            return;
        }
        lastDraw = now;
        dirty = false;
        drawnVersion = store.version();
        double weight = smoothing.getValue();
        for (Slot slot : slots) {
            if (!slot.toggle.isSelected()) {
                continue; // filled when shown: the toggle marks the panel dirty
            }
            int points = 0;
            int medianOf = 1;
            for (int i = 0; i < slot.series.size(); i++) {
                int column = slot.spec.lines().get(i).column();
                int window = medianWindowFor(column);
                medianOf = Math.max(medianOf, window);
                points += fill(slot.series.get(i), zoom == null
                        ? store.displaySeries(column, window, weight, MAX_POINTS)
                        : store.displaySeries(column, window, weight, MAX_POINTS, zoom[0], zoom[1]));
            }
            String title = slot.spec.titleFor(store.size() > 0, points);
            slot.chart.setTitle(medianOf > 1 && points > 0 ? title + ", median of " + medianOf : title);
            slot.chart.setMarkers(markers);
            slot.chart.showEmptyFrame(points == 0);
            if (zoom != null) {
                slot.chart.showStepRange(zoom[0], zoom[1]);
            } else if (points > 0) {
                slot.chart.showStepRange(store.get(MetricsStore.STEP, 0), store.last(MetricsStore.STEP));
            }
            slot.chart.setAccessibleText(accessibleText(slot, title));
        }
    }

    /** What a screen reader says of a chart: its title and each series' latest drawn value with its step. */
    private static String accessibleText(Slot slot, String title) {
        StringBuilder sb = new StringBuilder(title);
        for (XYChart.Series<Number, Number> s : slot.series) {
            if (!s.getData().isEmpty()) {
                XYChart.Data<Number, Number> last = s.getData().get(s.getData().size() - 1);
                sb.append(String.format(java.util.Locale.ROOT, "; %s %s at step %.0f", s.getName(),
                        SeriesMath.format(last.getYValue().doubleValue()), last.getXValue().doubleValue()));
            }
        }
        return sb.toString();
    }

    /** The median filter is for the Wasserstein estimate only (the curve the WGAN paper filters). */
    private int medianWindowFor(int column) {
        return median.isSelected() && column == MetricsStore.W_ESTIMATE ? medianWindow.getValue() : 1;
    }

    private static int fill(XYChart.Series<Number, Number> s, double[][] xy) {
        List<XYChart.Data<Number, Number>> points = new ArrayList<>(xy[0].length);
        for (int i = 0; i < xy[0].length; i++) {
            points.add(new XYChart.Data<>(xy[0][i], xy[1][i]));
        }
        s.getData().setAll(points);
        return points.size();
    }
}
