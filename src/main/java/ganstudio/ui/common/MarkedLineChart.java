package ganstudio.ui.common;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.stage.FileChooser;

import javax.imageio.ImageIO;

/**
 * A line chart that also draws vertical markers at given steps: where a live edit (a new learning rate,
 * n_critic, clip) took effect, so its consequence can be read off the curves. The mouse: drag across the plot to
 * zoom to those steps, double-click to see the whole run again, hover for the step and every series' value there;
 * the context menu saves the chart as a PNG.
 */
public final class MarkedLineChart extends LineChart<Number, Number> {

    /** A drag shorter than this (pixels) is a click, not a zoom. */
    static final double MIN_DRAG = 6;

    private final List<Line> markerLines = new ArrayList<>();
    private List<Double> markers = List.of();
    private final Rectangle band = new Rectangle();
    private final Label readout = new Label();
    private BiConsumer<Double, Double> onZoom = (a, b) -> { };
    private Runnable onReset = () -> { };
    private double dragFromPx = Double.NaN;

    public MarkedLineChart(String title, String yLabel) {
        super(new NumberAxis(), new NumberAxis());
        setTitle(title);
        getXAxis().setLabel("step");
        getYAxis().setLabel(yLabel);
        ((NumberAxis) getXAxis()).setForceZeroInRange(false);
        ((NumberAxis) getYAxis()).setForceZeroInRange(false);
        setAnimated(false);
        getXAxis().setAnimated(false);
        getYAxis().setAnimated(false);
        setCreateSymbols(false);
        setLegendVisible(true);
        setMinHeight(140);
        band.getStyleClass().add("zoom-band");
        band.setManaged(false);
        band.setVisible(false);
        band.setMouseTransparent(true);
        readout.getStyleClass().add("chart-readout");
        readout.setManaged(false);
        readout.setVisible(false);
        readout.setMouseTransparent(true);
        getPlotChildren().addAll(band, readout);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && plotX(e) != null) {
                onReset.run();
            }
        });
        addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> readout.setVisible(false));
        MenuItem save = new MenuItem("Save chart as PNG…");
        save.setOnAction(e -> chooseAndSave());
        ContextMenu menu = new ContextMenu(save);
        setOnContextMenuRequested(e -> menu.show(this, e.getScreenX(), e.getScreenY()));
    }

    /** Where a drag across the plot sends its step range, and a double-click its reset. */
    public void onZoom(BiConsumer<Double, Double> zoom, Runnable reset) {
        this.onZoom = zoom;
        this.onReset = reset;
    }

    /** The event's x inside the plot (pixels from the plot's left edge), or null outside the plot. */
    private Double plotX(MouseEvent e) {
        NumberAxis x = (NumberAxis) getXAxis();
        Point2D px = x.sceneToLocal(e.getSceneX(), e.getSceneY());
        Point2D py = getYAxis().sceneToLocal(e.getSceneX(), e.getSceneY());
        if (px == null || py == null || px.getX() < 0 || px.getX() > x.getWidth() || py.getY() < 0
                || py.getY() > getYAxis().getHeight()) {
            return null;
        }
        return px.getX();
    }

    private void pressed(MouseEvent e) {
        Double px = e.getButton() == MouseButton.PRIMARY ? plotX(e) : null;
        dragFromPx = px == null ? Double.NaN : px;
    }

    private void dragged(MouseEvent e) {
        if (Double.isNaN(dragFromPx)) {
            return;
        }
        NumberAxis x = (NumberAxis) getXAxis();
        double to = Math.max(0, Math.min(x.getWidth(), x.sceneToLocal(e.getSceneX(), e.getSceneY()).getX()));
        band.setX(Math.min(dragFromPx, to));
        band.setWidth(Math.abs(to - dragFromPx));
        band.setY(0);
        band.setHeight(getYAxis().getHeight());
        band.setVisible(true);
        band.toFront();
    }

    private void released(MouseEvent e) {
        if (Double.isNaN(dragFromPx)) {
            return;
        }
        band.setVisible(false);
        NumberAxis x = (NumberAxis) getXAxis();
        double to = Math.max(0, Math.min(x.getWidth(), x.sceneToLocal(e.getSceneX(), e.getSceneY()).getX()));
        double from = dragFromPx;
        dragFromPx = Double.NaN;
        if (Math.abs(to - from) >= MIN_DRAG) {
            double a = x.getValueForDisplay(Math.min(from, to)).doubleValue();
            double b = x.getValueForDisplay(Math.max(from, to)).doubleValue();
            onZoom.accept(a, b);
        }
    }

    private void hover(MouseEvent e) {
        Double px = plotX(e);
        String text = px == null ? null : readoutAt(((NumberAxis) getXAxis()).getValueForDisplay(px).doubleValue());
        if (text == null) {
            readout.setVisible(false);
            return;
        }
        readout.setText(text);
        readout.autosize();
        Point2D py = getYAxis().sceneToLocal(e.getSceneX(), e.getSceneY());
        double w = readout.prefWidth(-1);
        double x = px + 12 + w > getXAxis().getWidth() ? px - 12 - w : px + 12;
        readout.relocate(Math.max(0, x), Math.max(0, py.getY() - 24));
        readout.setVisible(true);
        readout.toFront();
    }

    /** "step N" and each series' value at the drawn point nearest that step; null when nothing is drawn. */
    public String readoutAt(double step) {
        StringBuilder sb = new StringBuilder();
        double shown = Double.NaN;
        for (XYChart.Series<Number, Number> s : getData()) {
            XYChart.Data<Number, Number> d = nearest(s.getData(), step);
            if (d == null) {
                continue;
            }
            if (Double.isNaN(shown)) {
                shown = d.getXValue().doubleValue();
            }
            sb.append('\n').append(s.getName()).append("  ").append(SeriesMath.format(d.getYValue().doubleValue()));
        }
        return Double.isNaN(shown) ? null : String.format(Locale.ROOT, "step %.0f", shown) + sb;
    }

    private static XYChart.Data<Number, Number> nearest(List<XYChart.Data<Number, Number>> data, double x) {
        int lo = 0;
        int hi = data.size() - 1;
        if (hi < 0) {
            return null;
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (data.get(mid).getXValue().doubleValue() < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo > 0 && Math.abs(data.get(lo - 1).getXValue().doubleValue() - x)
                <= Math.abs(data.get(lo).getXValue().doubleValue() - x)) {
            lo--;
        }
        return data.get(lo);
    }

    private void chooseAndSave() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save chart as PNG");
        chooser.setInitialFileName(getTitle().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "")
                .toLowerCase(Locale.ROOT) + ".png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            try {
                savePng(file);
            } catch (IOException ex) {
                readout.setText("cannot write " + file + ": " + ex.getMessage());
                readout.relocate(0, 0);
                readout.setVisible(true);
            }
        }
    }

    /** The chart as it is on screen, as a PNG. */
    public void savePng(File file) throws IOException {
        readout.setVisible(false);
        if (!ImageIO.write(SwingFXUtils.fromFXImage(snapshot(null, null), null), "png", file)) {
            throw new IOException("no PNG writer");
        }
    }

    public void setMarkers(List<Double> steps) {
        markers = List.copyOf(steps);
        requestChartLayout();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        while (markerLines.size() < markers.size()) {
            Line line = new Line();
            line.getStyleClass().add("edit-marker");
            line.setManaged(false);
            markerLines.add(line);
            getPlotChildren().add(line);
        }
        NumberAxis x = (NumberAxis) getXAxis();
        double height = getYAxis().getHeight();
        for (int i = 0; i < markerLines.size(); i++) {
            Line line = markerLines.get(i);
            if (i >= markers.size()) {
                line.setVisible(false);
                continue;
            }
            double px = x.getDisplayPosition(markers.get(i));
            line.setVisible(px >= 0 && px <= x.getWidth());
            line.setStartX(px);
            line.setEndX(px);
            line.setStartY(0);
            line.setEndY(height);
            line.toFront();
        }
    }

    /**
     * The x axis from the first to the last step with round ticks. A panel gives all its charts the same range,
     * so a step sits at the same place on each (JavaFX's auto range picked 100,000 on one and 125,000 on the
     * next for the same rows). Call after {@link #showEmptyFrame}, which turns auto ranging back on.
     */
    void showStepRange(double first, double last) {
        NumberAxis x = (NumberAxis) getXAxis();
        double unit = SeriesMath.stepTickUnit(last - first, 4);
        double lower = Math.floor(first / unit) * unit;
        x.setAutoRanging(false);
        x.setTickUnit(unit);
        x.setLowerBound(lower);
        x.setUpperBound(Math.max(Math.ceil(last / unit) * unit, lower + unit));
    }

    /** A legend of fixed width: stacked charts with legends beside them then have plots of the same width. */
    void setLegendWidth(double width) {
        ((Region) getLegend()).setPrefWidth(width);
        ((Region) getLegend()).setMinWidth(width);
    }

    /** Empty, JavaFX's auto range invents 0..120; a plain 0..1 frame reads as "nothing yet". */
    public void showEmptyFrame(boolean empty) {
        for (NumberAxis axis : List.of((NumberAxis) getXAxis(), (NumberAxis) getYAxis())) {
            axis.setAutoRanging(!empty);
            if (empty) {
                axis.setLowerBound(0);
                axis.setUpperBound(1);
                axis.setTickUnit(1); // one-character labels: wider ones ran under the axis title
            }
            axis.requestAxisLayout();
        }
    }
}
