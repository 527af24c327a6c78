package ganstudio.ui.classify;

import ganstudio.ui.common.ChartsPanel;
import ganstudio.ui.common.MarkedLineChart;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The classifier's three charts against the epoch: train and validation loss, train and validation accuracy,
 * the learning rate. Training curves have a point per logged row (decimated to MAX_POINTS); validation has one
 * per epoch and draws a dot at each, since one epoch's line would otherwise be invisible.
 */
final class ClassifierCharts extends VBox {

    private static final long MIN_REDRAW_NANOS = 150_000_000L;

    private final MarkedLineChart loss = new MarkedLineChart("Loss", "loss");
    private final MarkedLineChart accuracy = new MarkedLineChart("Accuracy", "accuracy");
    private final MarkedLineChart lr = new MarkedLineChart("Learning rate", "lr");
    private XYChart.Series<Number, Number> trainLoss;
    private XYChart.Series<Number, Number> valLoss;
    private XYChart.Series<Number, Number> trainAcc;
    private XYChart.Series<Number, Number> valAcc;
    private XYChart.Series<Number, Number> rate;
    private ClassifierSeries store = new ClassifierSeries();
    private final List<Double> markers = new ArrayList<>();
    private long drawnVersion = -1;
    private long lastDraw;

    ClassifierCharts() {
        getStyleClass().add("charts");
        setSpacing(2);
        setPadding(new Insets(4));
        for (MarkedLineChart c : List.of(loss, accuracy, lr)) {
            c.getXAxis().setLabel("epoch");
            VBox.setVgrow(c, Priority.ALWAYS);
        }
        newSeries();
        getChildren().addAll(loss, accuracy, lr);
    }

    /** New series objects per store: JavaFX 21 keeps the old path of a series emptied in place. */
    private void newSeries() {
        trainLoss = series("train");
        valLoss = series("validation");
        trainAcc = series("train");
        valAcc = series("validation");
        rate = series("learning rate");
        loss.getData().setAll(List.of(trainLoss, valLoss));
        accuracy.getData().setAll(List.of(trainAcc, valAcc));
        lr.getData().setAll(List.of(rate));
    }

    private static XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        return s;
    }

    void setStore(ClassifierSeries store) {
        this.store = store;
        markers.clear();
        newSeries();
        drawnVersion = -1;
        redrawIfDue(true);
    }

    ClassifierSeries getStore() {
        return store;
    }

    /** A dashed marker at this epoch on every chart (a live learning-rate edit). */
    void addMarker(double epoch) {
        markers.add(epoch);
        for (MarkedLineChart c : List.of(loss, accuracy, lr)) {
            c.setMarkers(markers);
        }
    }

    void redrawIfDue(boolean force) {
        long now = System.nanoTime();
        if (store.version() == drawnVersion || (!force && now - lastDraw < MIN_REDRAW_NANOS)) {
            return;
        }
        lastDraw = now;
        drawnVersion = store.version();
        fill(trainLoss, ClassifierSeries.TRAIN_LOSS, false);
        fill(valLoss, ClassifierSeries.VAL_LOSS, true);
        fill(trainAcc, ClassifierSeries.TRAIN_ACC, false);
        fill(valAcc, ClassifierSeries.VAL_ACC, true);
        fill(rate, ClassifierSeries.LR, false);
        boolean empty = store.size() == 0;
        for (MarkedLineChart c : List.of(loss, accuracy, lr)) {
            c.setMarkers(markers);
            c.showEmptyFrame(empty);
        }
    }

    private void fill(XYChart.Series<Number, Number> s, int column, boolean dots) {
        double[][] xy = store.series(column, ChartsPanel.MAX_POINTS);
        List<XYChart.Data<Number, Number>> points = new ArrayList<>(xy[0].length);
        for (int i = 0; i < xy[0].length; i++) {
            XYChart.Data<Number, Number> d = new XYChart.Data<>(xy[0][i], xy[1][i]);
            if (dots) {
                Region dot = new Region();
                dot.getStyleClass().add("validation-dot");
                d.setNode(dot);
            }
            points.add(d);
        }
        s.getData().setAll(points);
    }
}
