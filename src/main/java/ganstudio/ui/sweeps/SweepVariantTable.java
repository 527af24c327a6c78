package ganstudio.ui.sweeps;

import ganstudio.sweep.TaskState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The report as a table: one row per variant, each figure as mean ± std over the done seeds (hover for each seed's
 * value), the tasks done, failed and diverged, and the mean wall time. Every column sorts (a figure by its mean,
 * variants without a value last); rows select several at once for Compare.
 */
public final class SweepVariantTable extends TableView<LiveRow<VariantRow>> {

    private static final double HEADER_HEIGHT = 36;
    /** The variant and its three counts come before the figures. */
    private static final int FIRST_FIGURE = 4;
    /** A cell's insets and some air, around the text's own width. */
    private static final double CELL_PADDING = 26;

    private List<ReportTable.Column> figures = List.of();

    SweepVariantTable() {
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setPlaceholder(new Label("No variants"));
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        getStyleClass().add("sweep-report");
        rebuildColumns();
    }

    void show(List<ReportTable.Column> newFigures, List<VariantRow> rows) {
        if (!newFigures.equals(figures)) {
            figures = List.copyOf(newFigures);
            rebuildColumns();
        }
        LiveRow.update(this, rows, VariantRow::index);
        widenToFit(rows);
    }

    /**
     * Widens each figure column to its longest cell, so "6.25e-06 ± 4.42e-06" is read whole; never narrows one,
     * so the columns stay put while the values change.
     */
    private void widenToFit(List<VariantRow> rows) {
        for (int i = 0; i < figures.size(); i++) {
            TableColumn<LiveRow<VariantRow>, ?> c = getColumns().get(i + FIRST_FIGURE);
            String key = figures.get(i).key();
            // measured in the header's font, the stylesheet's (bold, so a little wide: never short)
            Font font = c.getGraphic() instanceof Label l ? l.getFont() : Font.getDefault();
            double widest = 0;
            for (VariantRow r : rows) {
                Text t = new Text(r.figureText(key));
                t.setFont(font);
                widest = Math.max(widest, t.getLayoutBounds().getWidth());
            }
            if (widest + CELL_PADDING > c.getPrefWidth()) {
                c.setPrefWidth(Math.ceil(widest + CELL_PADDING));
            }
        }
    }

    List<VariantRow> selectedVariants() {
        return LiveRow.selected(this);
    }

    private void rebuildColumns() {
        List<TableColumn<LiveRow<VariantRow>, ?>> columns = new ArrayList<>();
        columns.add(LiveRow.column("variant", 210, VariantRow::label, Comparator.comparingInt(VariantRow::index),
                VariantRow::label));
        // the counts first: whether a row's figures stand on all its seeds is read before the figures
        columns.add(count("done", TaskState.Kind.DONE));
        columns.add(count("failed", TaskState.Kind.FAILED));
        columns.add(count("diverged", TaskState.Kind.DIVERGED));
        for (ReportTable.Column f : figures) {
            TableColumn<LiveRow<VariantRow>, VariantRow> c = LiveRow.column("", 118, v -> v.figureText(f.key()),
                    Comparator.comparing(v -> v.figure(f.key())), v -> v.figure(f.key()).perSeed());
            // the label as a wrapping header, so "critic gap max-min (last 10%)" is read whole
            Label header = new Label(f.label());
            header.setWrapText(true);
            header.setTextAlignment(TextAlignment.CENTER);
            header.setAlignment(Pos.CENTER);
            // a header's height follows its graphic's height at no given width: room for two lines, at the
            // column's width, or a wrapped label is cut to one
            header.setPrefHeight(HEADER_HEIGHT);
            header.setMinHeight(HEADER_HEIGHT);
            header.prefWidthProperty().bind(c.widthProperty().subtract(10));
            header.setTooltip(new Tooltip(f.label() + " (" + (f.higherIsBetter() ? "higher" : "lower")
                    + " is better): mean ± sample std over the done seeds; hover a cell for each seed's value"));
            c.setGraphic(header);
            columns.add(c);
        }
        columns.add(LiveRow.column("wall time", 80, v -> Double.isFinite(v.wallSeconds())
                ? StudyEstimate.duration(v.wallSeconds()) : "—",
                Comparator.comparingDouble(v -> Double.isFinite(v.wallSeconds()) ? v.wallSeconds()
                        : Double.MAX_VALUE), v -> "mean wall time of the done tasks"));
        getColumns().setAll(columns);
    }

    private static TableColumn<LiveRow<VariantRow>, VariantRow> count(String title, TaskState.Kind kind) {
        return LiveRow.column(title, kind == TaskState.Kind.DONE ? 56 : kind == TaskState.Kind.FAILED ? 62 : 80,
                v -> kind == TaskState.Kind.DONE ? v.count(kind) + "/" + v.tasks().size() : String.valueOf(v.count(kind)),
                Comparator.comparingInt(v -> v.count(kind)), null);
    }
}
