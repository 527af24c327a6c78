package ganstudio.ui.sweeps;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A sweep's tasks, one row each: variant, seed, state (with Slurm's word on its job), progress and the reason a
 * task failed. Double-click or Enter opens the task's run the way the Runs tab does.
 */
public final class SweepTaskTable extends TableView<LiveRow<TaskRow>> {

    /** Slurm's word on each task's latest job; shown for a sweep submitted there only. */
    private final TableColumn<LiveRow<TaskRow>, TaskRow> slurmJob = LiveRow.column("Slurm job", 150,
            TaskRow::slurm, Comparator.comparing(TaskRow::slurm), TaskRow::slurm);
    private final TableColumn<LiveRow<TaskRow>, TaskRow> variantColumn = LiveRow.column("variant", 170,
            this::variantText, Comparator.comparingInt(TaskRow::variant), TaskRow::variantLabel);
    /** "objective.kind=" when every variant is one value of that key: the column then shows the values alone. */
    private String sharedKey = "";
    private Consumer<TaskRow> onOpen = t -> { };

    SweepTaskTable() {
        getColumns().add(LiveRow.column("#", 40, t -> String.valueOf(t.index()),
                Comparator.comparingInt(TaskRow::index), null));
        getColumns().add(variantColumn);
        getColumns().add(LiveRow.column("seed", 46, t -> String.valueOf(t.seed()),
                Comparator.comparingLong(TaskRow::seed), null));
        getColumns().add(LiveRow.column("state", 80, t -> t.kind().toString(),
                Comparator.comparing(TaskRow::kind), TaskRow::stateText));
        getColumns().add(progressColumn());
        getColumns().add(slurmJob);
        slurmJob.setVisible(false);
        getColumns().add(LiveRow.column("detail", 200, TaskRow::detail,
                Comparator.comparing(TaskRow::detail), TaskRow::detail));
        setPlaceholder(new Label("Pick a sweep on the left"));
        // the columns share the pane's width and the detail (a failure's reason) takes what is left; a cell's
        // whole text is in its tooltip
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        double[] least = {36, 110, 40, 64, 140, 120, 60};
        for (int i = 0; i < least.length; i++) {
            getColumns().get(i).setMinWidth(least[i]);
        }
        setRowFactory(tv -> {
            TableRow<LiveRow<TaskRow>> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open(row.getItem().get());
                }
            });
            return row;
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                selectedTask().ifPresent(this::open);
                e.consume();
            }
        });
        getStyleClass().add("sweep-tasks");
    }

    private static TableColumn<LiveRow<TaskRow>, TaskRow> progressColumn() {
        TableColumn<LiveRow<TaskRow>, TaskRow> c = new TableColumn<>("progress");
        c.setPrefWidth(170);
        c.setCellValueFactory(cell -> cell.getValue().valueProperty());
        c.setComparator(Comparator.comparingDouble(TaskRow::fraction));
        c.setCellFactory(col -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar(0);
            private final Label text = new Label();
            private final HBox box = new HBox(6, bar, text);

            {
                bar.setMaxWidth(Double.MAX_VALUE);
                bar.setPrefWidth(90);
                HBox.setHgrow(bar, Priority.ALWAYS);
                text.setMinWidth(Label.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(TaskRow item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                bar.setProgress(item.fraction());
                text.setText(item.progressText());
                setGraphic(box);
            }
        });
        return c;
    }

    void onOpen(Consumer<TaskRow> onOpen) {
        this.onOpen = onOpen;
    }

    Optional<TaskRow> selectedTask() {
        List<TaskRow> rows = LiveRow.selected(this);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** The variant column's title: "variant", or the one key every variant is a value of. */
    public String variantTitle() {
        return variantColumn.getText();
    }

    void show(List<TaskRow> rows) {
        slurmJob.setVisible(rows.stream().anyMatch(t -> !t.slurm().isEmpty()));
        String shared = TaskRow.sharedKey(rows);
        if (!shared.equals(sharedKey)) {
            sharedKey = shared;
            variantColumn.setText(shared.isEmpty() ? "variant" : shared.substring(0, shared.length() - 1));
            refresh();
        }
        LiveRow.update(this, rows, TaskRow::index);
    }

    private String variantText(TaskRow t) {
        return !sharedKey.isEmpty() && t.variantLabel().startsWith(sharedKey)
                ? t.variantLabel().substring(sharedKey.length()) : t.variantLabel();
    }

    private void open(TaskRow t) {
        onOpen.accept(t);
    }
}
