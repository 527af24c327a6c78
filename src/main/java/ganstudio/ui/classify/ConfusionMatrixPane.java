package ganstudio.ui.classify;

import ganstudio.ui.common.Theme;

import java.util.Locale;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The confusion matrix as a heatmap on one Canvas: rows are the true class, columns the predicted class,
 * counts in the cells, colour by share of the row ({@link ConfusionMatrixModel}), class names on both axes
 * and each class's accuracy as a bar at the end of its row. One canvas instead of n² nodes keeps a redraw
 * cheap for 100 classes; a single tooltip follows the mouse.
 */
final class ConfusionMatrixPane extends Region {

    /** Colours of one theme; the canvas cannot look up CSS colours, so the view hands them over. */
    record Palette(int low, int high, Color text, Color muted, Color track, Color bar) {
        static final Palette DARK = new Palette(0x262a31, 0x4aa3ec, Color.web("#dfe3ea"), Color.web("#9aa3b2"),
                Color.web("#353a44"), Color.web("#e4572e"));
        static final Palette LIGHT = new Palette(0xf4f6f9, 0x1f6fb5, Color.web("#1d2430"), Color.web("#5b6472"),
                Color.web("#e6e8ec"), Color.web("#e4572e"));

        static Palette of(Theme theme) {
            return theme == Theme.LIGHT ? LIGHT : DARK;
        }
    }

    private static final double ANGLE = Math.toRadians(35);
    private static final double BARS_WIDTH = 150;
    private static final Font LABEL_FONT = Font.font("DejaVu Sans", 12);

    private final Canvas canvas = new Canvas();
    private final Tooltip tooltip = new Tooltip();
    private ConfusionMatrixModel model;
    private Palette palette = Palette.DARK;
    private String placeholder = "";
    // Geometry of the last drawing, for hit-testing the mouse.
    private double x0;
    private double y0;
    private double cell;

    ConfusionMatrixPane() {
        getStyleClass().add("confusion-pane");
        getChildren().add(canvas);
        setMinSize(200, 160);
        canvas.setOnMouseMoved(e -> hover(e.getX(), e.getY(), e.getScreenX(), e.getScreenY()));
        canvas.setOnMouseExited(e -> tooltip.hide());
    }

    void show(ConfusionMatrixModel m) {
        this.model = m;
        draw();
    }

    void setPlaceholder(String text) {
        this.placeholder = text;
        draw();
    }

    void setPalette(Palette p) {
        this.palette = p;
        draw();
    }

    ConfusionMatrixModel getModel() {
        return model;
    }

    // The canvas takes whatever size the pane is given; the pane must not ask for the canvas's size, or it
    // could never shrink again after the window was wide once.
    @Override
    protected double computePrefWidth(double height) {
        return 420;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 360;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        cell = 0;
        if (model == null || model.classes() == 0) {
            g.setFill(palette.muted());
            g.setFont(LABEL_FONT);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(placeholder, w / 2, h / 2);
            return;
        }
        int n = model.classes();
        double nameWidth = 0;
        for (int i = 0; i < n; i++) {
            nameWidth = Math.max(nameWidth, textWidth(model.name(i), LABEL_FONT));
        }
        double left = nameWidth + 12;
        double top = nameWidth * Math.sin(ANGLE) + 18;
        cell = Math.floor(Math.min((w - left - BARS_WIDTH - 8) / n, (h - top - 8) / n));
        if (cell < 6) {
            cell = 0;
            return;
        }
        // Centred in the free width, so a wide pane does not leave all its space on one side.
        x0 = left + Math.max(0, Math.floor((w - left - BARS_WIDTH - 8 - n * cell) / 2));
        y0 = top;
        drawCells(g, n);
        drawLabels(g, n);
        drawBars(g, n);
    }

    private void drawCells(GraphicsContext g, int n) {
        double size = Math.min(13, cell * 0.3);
        Font countFont = Font.font("DejaVu Sans", size);
        Font diagonalFont = Font.font("DejaVu Sans", FontWeight.BOLD, size);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int rgb = ConfusionMatrixModel.mix(palette.low(), palette.high(), model.intensity(i, j));
                double x = x0 + j * cell;
                double y = y0 + i * cell;
                g.setFill(rgb(rgb));
                g.fillRect(x, y, cell - 1, cell - 1);
                if (cell >= 18) {
                    g.setFill(rgb(ConfusionMatrixModel.textOn(rgb)));
                    g.setFont(i == j ? diagonalFont : countFont);
                    g.fillText(String.valueOf(model.count(i, j)), x + (cell - 1) / 2, y + (cell - 1) / 2);
                }
            }
        }
    }

    private void drawLabels(GraphicsContext g, int n) {
        g.setFont(LABEL_FONT);
        g.setFill(palette.text());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < n; i++) {
            g.fillText(model.name(i), x0 - 6, y0 + i * cell + cell / 2);
        }
        // Predicted-class names slanted above the columns, so long names fit over narrow cells.
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        for (int j = 0; j < n; j++) {
            g.save();
            g.translate(x0 + j * cell + cell / 2, y0 - 4);
            g.rotate(-Math.toDegrees(ANGLE));
            g.fillText(model.name(j), 0, 4);
            g.restore();
        }
        g.setFill(palette.muted());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("true \u2193  predicted \u2192", x0 - 6, y0 - 4);
    }

    private void drawBars(GraphicsContext g, int n) {
        double bx = x0 + n * cell + 10;
        double barMax = BARS_WIDTH - 58;
        g.setFont(LABEL_FONT);
        g.setFill(palette.muted());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("accuracy", bx, y0 - 4);
        g.setTextBaseline(VPos.CENTER);
        double barHeight = Math.max(4, Math.min(14, cell * 0.45));
        for (int i = 0; i < n; i++) {
            double acc = model.classAccuracy(i);
            double cy = y0 + i * cell + (cell - 1) / 2;
            g.setFill(palette.track());
            g.fillRect(bx, cy - barHeight / 2, barMax, barHeight);
            if (!Double.isNaN(acc)) {
                g.setFill(palette.bar());
                g.fillRect(bx, cy - barHeight / 2, barMax * acc, barHeight);
            }
            g.setFill(palette.text());
            g.fillText(Double.isNaN(acc) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * acc), bx + barMax + 6, cy);
        }
    }

    private void hover(double x, double y, double screenX, double screenY) {
        if (model == null || cell <= 0) {
            tooltip.hide();
            return;
        }
        int n = model.classes();
        int j = (int) Math.floor((x - x0) / cell);
        int i = (int) Math.floor((y - y0) / cell);
        if (x < x0 || y < y0 || i >= n || j >= n) {
            tooltip.hide();
            return;
        }
        tooltip.setText(model.tooltip(i, j));
        tooltip.show(canvas, screenX + 14, screenY + 14);
    }

    private static double textWidth(String s, Font font) {
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    private static Color rgb(int rgb) {
        return Color.rgb((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
    }
}
