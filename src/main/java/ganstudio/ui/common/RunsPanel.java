package ganstudio.ui.common;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The runs on disk, newest first, with their final figures in sortable columns. Read-only: opening one shows its
 * metrics and its saved frames. The folder is read again every few seconds while the panel is on screen (runs
 * appear, change status and get their evaluation as they train), on a worker thread; the table keeps its sort
 * and selection.
 */
public final class RunsPanel extends VBox {

    /** How often the folder is read again while the panel shows. */
    static final Duration REFRESH_EVERY = Duration.seconds(3);

    private final Path runsRoot;
    private final TableView<RunListing.Row> table = new TableView<>();
    private final Label info = new Label();
    private final HBox buttons;
    private String howToOpen = "Double-click or Open to view one.";
    private Consumer<Path> onOpen = p -> { };
    private boolean reading;

    public RunsPanel(Path runsRoot) {
        this.runsRoot = runsRoot;
        getStyleClass().add("runs-panel");
        table.getColumns().add(column("run", 190, RunListing.Row::name));
        table.getColumns().add(column("task", 70, RunListing.Row::task));
        table.getColumns().add(column("preset", 110, RunListing.Row::preset));
        table.getColumns().add(column("status", 70, RunListing.Row::status));
        table.getColumns().add(numberColumn("modes", 60, RunListing.Row::modes, "%.0f"));
        table.getColumns().add(numberColumn("HQ %", 60, RunListing.Row::highQuality, "%.1f"));
        table.getColumns().add(numberColumn("Fréchet", 70, RunListing.Row::frechet, "%.2f"));
        table.getColumns().add(numberColumn("top-1 %", 65, RunListing.Row::top1, "%.2f"));
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
        Timeline poll = new Timeline(new KeyFrame(REFRESH_EVERY, e -> {
            if (isShowing()) {
                refresh();
            }
        }));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
    }

    /** Whether the panel is on screen: in a window that shows, and in the selected tab (visible all the way up). */
    private boolean isShowing() {
        if (getScene() == null || getScene().getWindow() == null || !getScene().getWindow().isShowing()) {
            return false;
        }
        for (javafx.scene.Node n = this; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** A column of numbers, sorted as numbers; runs without the figure come first ascending, last descending. */
    private static TableColumn<RunListing.Row, Double> numberColumn(String title, double width,
            Function<RunListing.Row, Double> value, String format) {
        TableColumn<RunListing.Row, Double> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? "" : String.format(Locale.ROOT, format, v));
            }
        });
        c.getStyleClass().add("number-column");
        return c;
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

    /** Reads the folder again (unless a read is under way) and shows it, keeping the sort and the selection. */
    public void refresh() {
        if (reading) {
            return;
        }
        reading = true;
        if (table.getItems().isEmpty()) {
            info.setText("reading " + runsRoot + " ...");
        }
        Background.run("runs-listing", () -> RunListing.read(runsRoot), rows -> {
            reading = false;
            if (new java.util.HashSet<>(rows).equals(new java.util.HashSet<>(table.getItems()))) {
                return; // nothing changed: no repaint, the selection and scroll stay as they are
            }
            Set<Path> selected = table.getSelectionModel().getSelectedItems().stream().map(RunListing.Row::dir)
                    .collect(Collectors.toSet());
            table.getItems().setAll(rows);
            table.sort();
            for (int i = 0; i < table.getItems().size(); i++) {
                if (selected.contains(table.getItems().get(i).dir())) {
                    table.getSelectionModel().select(i);
                }
            }
            info.setText(rows.size() + " runs in " + runsRoot.toAbsolutePath() + ". " + howToOpen);
        }, e -> {
            reading = false;
            info.setText("cannot read " + runsRoot + ": " + e.getMessage());
        });
    }

    /** The rows as shown (sorted), for a test. */
    public List<RunListing.Row> rows() {
        return List.copyOf(table.getItems());
    }

    /** The table, for a test that sorts it. */
    TableView<RunListing.Row> table() {
        return table;
    }
}
