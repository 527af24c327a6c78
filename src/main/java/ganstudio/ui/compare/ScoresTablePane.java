package ganstudio.ui.compare;

import java.util.List;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The compared runs' final evaluations as a table under their pictures (see {@link ScoresTable}); out of the
 * layout while no run has one. As tall as its rows, so nothing scrolls out of sight.
 */
final class ScoresTablePane extends VBox {

    private static final double ROW_HEIGHT = 24;

    private final TableView<ScoresTable.Row> table = new TableView<>();
    private ScoresTable shown = ScoresTable.of(List.of(), List.of());

    ScoresTablePane() {
        super(4);
        Label title = new Label("Final evaluation");
        title.getStyleClass().add("section-title");
        table.getStyleClass().add("scores-table");
        table.setFixedCellSize(ROW_HEIGHT);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFocusTraversable(false);
        getChildren().addAll(title, table);
        show(shown);
    }

    void show(ScoresTable scores) {
        shown = scores;
        setVisible(!scores.isEmpty());
        setManaged(!scores.isEmpty());
        TableColumn<ScoresTable.Row, String> name = new TableColumn<>("score");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(300);
        name.setSortable(false);
        table.getColumns().setAll(List.of(name));
        for (int i = 0; i < scores.runs().size(); i++) {
            int run = i;
            TableColumn<ScoresTable.Row, String> c = new TableColumn<>(scores.runs().get(i));
            c.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().values().get(run)));
            c.setPrefWidth(150);
            c.setSortable(false);
            table.getColumns().add(c);
        }
        table.getItems().setAll(scores.rows());
        double height = (scores.rows().size() + 1) * ROW_HEIGHT + 8;
        table.setMinHeight(height);
        table.setPrefHeight(height);
        table.setMaxHeight(height);
        setMinHeight(Region.USE_PREF_SIZE);
    }

    /** The table as shown, for a test. */
    ScoresTable shown() {
        return shown;
    }
}
