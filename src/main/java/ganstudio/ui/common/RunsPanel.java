package ganstudio.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The runs on disk, newest first. Read-only: opening one shows its metrics and its saved frames. The folder is
 * read on a worker thread, and the table filled with one runLater.
 */
public final class RunsPanel extends VBox {

    private final Path runsRoot;
    private final TableView<RunListing.Row> table = new TableView<>();
    private final Label info = new Label();
    private final HBox buttons;
    private String howToOpen = "Double-click or Open to view one.";
    private Consumer<Path> onOpen = p -> { };

    public RunsPanel(Path runsRoot) {
        this.runsRoot = runsRoot;
        getStyleClass().add("runs-panel");
        table.getColumns().add(column("run", 190, RunListing.Row::name));
        table.getColumns().add(column("task", 70, RunListing.Row::task));
        table.getColumns().add(column("preset", 110, RunListing.Row::preset));
        table.getColumns().add(column("status", 70, RunListing.Row::status));
        table.setPlaceholder(new Label("No runs in " + runsRoot.toAbsolutePath()));
        table.setRowFactory(tv -> {
            var row = new javafx.scene.control.TableRow<RunListing.Row>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    onOpen.accept(row.getItem().dir());
                }
            });
            return row;
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> refresh());
        Button open = new Button("Open");
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> onOpen.accept(table.getSelectionModel().getSelectedItem().dir()));
        info.getStyleClass().add("hint");
        info.setWrapText(true);
        info.setMinHeight(Region.USE_PREF_SIZE);
        buttons = new HBox(8, refresh, open);
        getChildren().addAll(buttons, table, info);
        refresh();
    }

    private static TableColumn<RunListing.Row, String> column(String title, double width,
            java.util.function.Function<RunListing.Row, String> value) {
        TableColumn<RunListing.Row, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    public void onOpen(Consumer<Path> onOpen) {
        this.onOpen = onOpen;
    }

    /** For the compare view: several runs selectable at once (Ctrl/Shift-click), and its own buttons. */
    public void allowMultipleSelection(String howToUse, Button... extra) {
        table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        HBox row = new HBox(8, extra);
        for (Button b : extra) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        getChildren().add(getChildren().indexOf(buttons) + 1, row);
        howToOpen = howToUse;
    }

    /** The selected rows, in table order. */
    public List<RunListing.Row> selectedRows() {
        return List.copyOf(table.getSelectionModel().getSelectedItems());
    }

    public void refresh() {
        info.setText("reading " + runsRoot + " ...");
        Background.run("runs-listing", () -> RunListing.read(runsRoot), rows -> {
            table.getItems().setAll(rows);
            info.setText(rows.size() + " runs in " + runsRoot.toAbsolutePath() + ". " + howToOpen);
        });
    }
}
