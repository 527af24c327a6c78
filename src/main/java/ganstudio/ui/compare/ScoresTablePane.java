package ganstudio.ui.compare;

import java.util.List;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/**
 * The compared runs' final evaluations as a table under their pictures (see {@link ScoresTable}); out of the
 * layout while no run has one. As tall as its rows, so nothing scrolls out of sight.
 */
final class ScoresTablePane extends VBox {

    private static final double ROW_HEIGHT = 24;
    private static final double HEADER_HEIGHT = 40;
    /** A cell's insets and some air around its text; the font the text is measured in may be a little narrower. */
    private static final double CELL_PADDING = 24;
    /** Room for the horizontal scroll bar a narrow window shows, so it never covers the last row. */
    private static final double SCROLL_BAR = 16;

    private final TableView<ScoresTable.Row> table = new TableView<>();
    private ScoresTable shown = ScoresTable.of(List.of(), List.of());

    ScoresTablePane() {
        super(4);
        Label title = new Label("Final evaluation");
        title.getStyleClass().add("section-title");
        table.getStyleClass().add("scores-table");
        table.setFixedCellSize(ROW_HEIGHT);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        getChildren().addAll(title, table);
        show(shown);
    }

    void show(ScoresTable scores) {
        shown = scores;
        setVisible(!scores.isEmpty());
        setManaged(!scores.isEmpty());
        TableColumn<ScoresTable.Row, String> name = new TableColumn<>("score");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(widest("score", scores.rows().stream().map(ScoresTable.Row::name).toList()));
        name.setSortable(false);
        table.getColumns().setAll(List.of(name));
        for (int i = 0; i < scores.runs().size(); i++) {
            int run = i;
            TableColumn<ScoresTable.Row, String> c = new TableColumn<>(scores.runs().get(i));
            c.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().values().get(run)));
            c.setPrefWidth(widest(c.getText(), scores.rows().stream().map(r -> r.values().get(run)).toList()));
            c.setSortable(false);
            table.getColumns().add(c);
        }
        table.getItems().setAll(scores.rows());
        double height = scores.rows().size() * ROW_HEIGHT + HEADER_HEIGHT + SCROLL_BAR;
        table.setMinHeight(height);
        table.setPrefHeight(height);
        table.setMaxHeight(height);
        setMinHeight(Region.USE_PREF_SIZE);
    }

    /** A column as wide as its widest text, so no name or value is cut short. */
    private static double widest(String header, List<String> cells) {
        double widest = new Text(header).getLayoutBounds().getWidth();
        for (String cell : cells) {
            widest = Math.max(widest, new Text(cell).getLayoutBounds().getWidth());
        }
        return Math.ceil(widest * 1.05 + CELL_PADDING);
    }

    /** The table as shown, for a test. */
    ScoresTable shown() {
        return shown;
    }
}
