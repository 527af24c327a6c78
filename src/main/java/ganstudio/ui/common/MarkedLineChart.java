package ganstudio.ui.common;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;

/**
 * A line chart that also draws vertical markers at given steps: where a live edit (a new learning rate,
 * n_critic, clip) took effect, so its consequence can be read off the curves.
 */
public final class MarkedLineChart extends LineChart<Number, Number> {

    private final List<Line> markerLines = new ArrayList<>();
    private List<Double> markers = List.of();

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
