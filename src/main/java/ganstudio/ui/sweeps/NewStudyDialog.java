package ganstudio.ui.sweeps;

import ganstudio.config.ConfigSchema;
import ganstudio.config.Presets;
import ganstudio.config.RunConfig;
import ganstudio.sweep.LocalExecutor;
import ganstudio.ui.common.Background;
import ganstudio.ui.common.FormLayout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * "New study…": a study of the setup on screen. The person picks keys to vary and types their values
 * (comma-separated, each checked against the config schema as typed), the seeds and where it runs; the dialog
 * shows the task count and a time estimate from this machine's earlier runs, and Start (Enter) writes the sweep
 * file into the new sweep's folder and starts it. Escape closes it. The expansion check (the CLI's: every task's
 * config, the preset read from disk) and the estimate run on a worker thread, the newest edit winning.
 */
public final class NewStudyDialog {

    private static final List<String> NOT_VARIED = List.of("name", "seed", "task");

    private final String task;
    private final String preset;
    private final RunConfig setup;
    private final Path sweepsRoot;
    private final StudyLauncher launcher;
    private final Presets presets = Presets.locate();
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ButtonType startType = new ButtonType("Start", ButtonBar.ButtonData.OK_DONE);
    private final TextField name = new TextField();
    private final VBox axisRows = new VBox(6);
    private final List<AxisRow> axes = new ArrayList<>();
    private final Button addKey = new Button("Add a key to vary");
    private final Spinner<Integer> seeds = new Spinner<>(1, 1000, 3);
    private final Label taskCount = new Label();
    private final Label estimate = new Label();
    private final Label basis = new Label();
    private final Label common = new Label();
    private final RadioButton local = new RadioButton("This machine:");
    private final Spinner<Integer> parallel;
    private final RadioButton slurm = new RadioButton("Slurm:");
    private final TextField partition = new TextField();
    private final TextField time = new TextField();
    private final TextField mem = new TextField();
    private final Label slurmNote = new Label();
    private final Label problem = new Label();
    private final Label destination = new Label();
    private final List<String> keys;
    private final PauseTransition debounce = new PauseTransition(Duration.millis(200));
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "new-study-check");
        t.setDaemon(true);
        return t;
    });
    private final Consumer<StudyLauncher.Started> onStarted;
    private final Consumer<String> onError;
    private final Optional<String> slurmMissing = StudyLauncher.slurmMissing();
    /** Written on the worker only. */
    private List<MachineRates.MeasuredRun> rates;
    private int generation;
    private StudyDraft.Checked checked;

    /**
     * @param task gan or classifier: which setup the study starts from
     * @param onStarted told on the FX thread once the sweep's folder exists and its tasks were started
     * @param onError told on the FX thread when starting failed
     */
    public NewStudyDialog(Window owner, String task, String preset, RunConfig setup, Path runsRoot, Path sweepsRoot,
            StudyLauncher launcher, Consumer<StudyLauncher.Started> onStarted, Consumer<String> onError) {
        this.task = task;
        this.preset = preset;
        this.setup = setup;
        this.sweepsRoot = sweepsRoot;
        this.launcher = launcher;
        this.onStarted = onStarted;
        this.onError = onError;
        int cores = Runtime.getRuntime().availableProcessors();
        parallel = new Spinner<>(1, Math.max(64, cores), LocalExecutor.defaultParallel(cores));
        keys = keysOf(task);
        dialog.initOwner(owner);
        dialog.setTitle("New study");
        dialog.setHeaderText("A study of the " + ("classifier".equals(task) ? "Classifier" : "GAN") + " setup: "
                + preset + ", every task with the setup's values except the keys varied here");
        dialog.getDialogPane().getButtonTypes().setAll(startType, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(content());
        dialog.getDialogPane().setPrefWidth(720);
        dialog.setResizable(true);
        Button start = (Button) dialog.getDialogPane().lookupButton(startType);
        start.setTooltip(new Tooltip("Write the sweep file into the new sweep's folder and start it (Enter)"));
        start.setDisable(true);
        start.addEventFilter(ActionEvent.ACTION, e -> {
            if (!isReady()) {
                e.consume(); // the check of the newest edit has not come back yet
            }
        });
        dialog.setResultConverter(b -> b);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == startType && isReady()) {
                startStudy(checked);
            }
            worker.shutdown();
        });
        worker.execute(() -> rates = MachineRates.scan(runsRoot, sweepsRoot));
        debounce.setOnFinished(e -> check());
        edited();
    }

    public void show() {
        dialog.show();
        name.requestFocus();
    }

    public Dialog<ButtonType> dialog() {
        return dialog;
    }

    private static List<String> keysOf(String task) {
        FormLayout layout = "classifier".equals(task) ? FormLayout.classifier() : FormLayout.gan();
        List<String> out = new ArrayList<>();
        layout.sections().forEach(s -> s.keys().stream().filter(k -> !NOT_VARIED.contains(k)).forEach(out::add));
        return out;
    }

    private GridPane content() {
        name.setText(preset + "-study");
        name.setPromptText("names the sweep's folder");
        name.textProperty().addListener((o, a, b) -> edited());
        addKey.setOnAction(e -> addAxis("", ""));
        addKey.setMinWidth(Region.USE_PREF_SIZE);
        Label noKeys = new Label("No key varied: the study runs the setup as it is over the seeds, which is how "
                + "stable it is.");
        noKeys.getStyleClass().add("hint");
        noKeys.setWrapText(true);
        axisRows.getChildren().add(noKeys);
        seeds.setEditable(true);
        commitAsTyped(seeds);
        seeds.setPrefWidth(90);
        seeds.valueProperty().addListener((o, a, b) -> edited());
        seeds.setTooltip(new Tooltip("Seeds 1..N; the report averages each variant over them"));

        ToggleGroup group = new ToggleGroup();
        local.setToggleGroup(group);
        slurm.setToggleGroup(group);
        local.setSelected(true);
        group.selectedToggleProperty().addListener((o, a, b) -> edited());
        parallel.setEditable(true);
        commitAsTyped(parallel);
        parallel.setPrefWidth(80);
        parallel.valueProperty().addListener((o, a, b) -> edited());
        Label atOnce = new Label("tasks at once (each a process with its share of the cores)");
        HBox localRow = new HBox(8, local, parallel, atOnce);
        localRow.setAlignment(Pos.CENTER_LEFT);
        partition.setPromptText("partition");
        time.setPromptText("time, e.g. 1:00:00");
        mem.setPromptText("memory, e.g. 4G");
        for (TextField f : List.of(partition, time, mem)) {
            f.setPrefColumnCount(9);
            // typing a Slurm value picks Slurm; the fields stay enabled so their hints can be read
            f.textProperty().addListener((o, a, b) -> {
                if (!b.isBlank() && !slurm.isDisabled()) {
                    slurm.setSelected(true);
                }
                edited();
            });
            f.setDisable(slurmMissing.isPresent());
        }
        HBox slurmRow = new HBox(8, slurm, partition, time, mem);
        slurmRow.setAlignment(Pos.CENTER_LEFT);
        slurmNote.getStyleClass().add("hint");
        slurmNote.setWrapText(true);
        slurmNote.setMinHeight(Region.USE_PREF_SIZE);
        if (slurmMissing.isPresent()) {
            slurm.setDisable(true);
            // a disabled control shows no tooltip: the row holding it does, and the line under it says it too
            Tooltip.install(slurmRow, new Tooltip(slurmMissing.get()));
            slurmNote.setText(slurmMissing.get());
        } else {
            slurmNote.setText("One job array, one task per element, and a report job after it; blank fields take "
                    + "the cluster's defaults. The jobs outlive the studio.");
        }

        for (Label l : List.of(estimate, basis, common, problem, destination)) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        basis.getStyleClass().add("hint");
        common.getStyleClass().add("hint");
        destination.getStyleClass().add("hint");
        problem.getStyleClass().add("error-text");
        taskCount.getStyleClass().add("section-title");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().setAll(labels, fields);
        int r = 0;
        grid.addRow(r++, new Label("Name"), name);
        grid.addRow(r++, new Label("Vary"), new VBox(6, axisRows, addKey));
        grid.addRow(r++, new Label("Seeds"), seeds);
        grid.addRow(r++, new Label("Tasks"), taskCount);
        grid.addRow(r++, new Label("Time"), new VBox(2, estimate, basis));
        grid.addRow(r++, new Label("Run on"), new VBox(6, localRow, slurmRow, slurmNote));
        grid.add(common, 1, r++);
        grid.add(destination, 1, r++);
        grid.add(problem, 1, r);
        return grid;
    }

    /**
     * A number typed into a spinner counts at once, as every other field here: a spinner takes typed text only on
     * Enter, which would also press Start with the count before.
     */
    private static void commitAsTyped(Spinner<Integer> spinner) {
        spinner.getEditor().textProperty().addListener((o, a, b) -> {
            try {
                int v = Integer.parseInt(b.strip());
                var f = (SpinnerValueFactory.IntegerSpinnerValueFactory) spinner.getValueFactory();
                if (v >= f.getMin() && v <= f.getMax() && v != f.getValue()) {
                    f.setValue(v);
                }
            } catch (NumberFormatException e) {
                // not a number yet (being typed): the count stays at the last one
            }
        });
    }

    /** A key to vary and its values; a picked key starts with the setup's own value to add to. */
    private final class AxisRow {
        final ComboBox<String> key = new ComboBox<>();
        final TextField values = new TextField();
        final Label error = new Label();
        final HBox row;
        final VBox box;

        AxisRow(String k, String v) {
            key.getItems().setAll(keys);
            key.setEditable(true);
            key.setPromptText("key, e.g. objective.kind");
            key.setPrefWidth(210);
            key.setValue(k.isEmpty() ? null : k);
            key.getEditor().setText(k);
            values.setText(v);
            values.setPromptText("values, comma-separated: nsgan, wgan");
            HBox.setHgrow(values, Priority.ALWAYS);
            Button remove = new Button("Remove");
            remove.setMinWidth(Region.USE_PREF_SIZE);
            remove.setOnAction(e -> removeAxis(this));
            key.valueProperty().addListener((o, a, b) -> {
                if (b != null && values.getText().isBlank() && ConfigSchema.find(b) != null) {
                    values.setText(String.valueOf(setup.get(b)));
                }
                edited();
            });
            key.getEditor().textProperty().addListener((o, a, b) -> edited());
            values.textProperty().addListener((o, a, b) -> edited());
            error.getStyleClass().add("error-text");
            error.setWrapText(true);
            error.setMinHeight(Region.USE_PREF_SIZE);
            row = new HBox(8, key, values, remove);
            box = new VBox(2, row, error);
        }

        String keyText() {
            String typed = key.getEditor().getText();
            return typed == null ? "" : typed.strip();
        }

        StudyDraft.Axis axis() {
            return new StudyDraft.Axis(keyText(), values.getText());
        }
    }

    private void addAxis(String k, String v) {
        if (axes.isEmpty()) {
            axisRows.getChildren().clear();
        }
        AxisRow row = new AxisRow(k, v);
        axes.add(row);
        axisRows.getChildren().add(row.box);
        row.key.requestFocus();
        edited();
        dialog.getDialogPane().getScene().getWindow().sizeToScene();
    }

    private void removeAxis(AxisRow row) {
        axes.remove(row);
        axisRows.getChildren().remove(row.box);
        edited();
        dialog.getDialogPane().getScene().getWindow().sizeToScene();
    }

    private StudyDraft draft() {
        List<StudyDraft.Axis> list = axes.stream().map(AxisRow::axis).toList();
        Integer n = seeds.getValue();
        return new StudyDraft(task, preset, setup, name.getText(), list, n == null ? 0 : n);
    }

    private StudyLauncher.Where where() {
        if (slurm.isSelected()) {
            return new StudyLauncher.Where(true, 0, partition.getText(), time.getText(), mem.getText());
        }
        Integer p = parallel.getValue();
        return StudyLauncher.Where.local(p == null ? 0 : p);
    }

    /** Something changed: each row's own check now, the whole study's after a pause in typing. */
    private void edited() {
        generation++;
        checked = null;
        StudyDraft d = draft();
        List<StudyValues.Parsed> parsed = d.parsedAxes();
        for (int i = 0; i < axes.size(); i++) {
            String p = parsed.get(i).problem();
            axes.get(i).error.setText(p == null ? "" : p);
            axes.get(i).error.setVisible(p != null);
            axes.get(i).error.setManaged(p != null);
        }
        taskCount.setText(d.taskCountText());
        if (d.axesProblem() != null) {
            // nothing to check further until the values are fixed: no estimate of a study that cannot run
            estimate.setText("—");
            basis.setText("");
            common.setText("");
            problem.setText("Start is disabled until the values marked above are fixed.");
            List.of(basis, common, problem).forEach(NewStudyDialog::showIfAny);
        } else {
            estimate.setText("checking…");
        }
        destination.setText("Goes to " + sweepsRoot.toAbsolutePath().normalize().resolve(
                (name.getText().isBlank() ? "NAME" : name.getText().strip()) + "-<time>")
                + "/: study.json (this sweep file), sweep.json (its tasks), tasks/, logs/, then the report.");
        updateStart();
        debounce.playFromStart();
    }

    private void check() {
        int asked = generation;
        StudyDraft d = draft();
        StudyLauncher.Where w = where();
        worker.execute(() -> {
            StudyDraft.Checked c = d.check(presets);
            String whereProblem = w.problem();
            StudyEstimate e = c.ok() ? StudyEstimate.of(c.plan(), rates, w.slurm() ? 0 : w.parallel()) : null;
            Platform.runLater(() -> {
                if (asked != generation) {
                    return; // edited since: a newer check is on its way
                }
                checked = c.ok() && whereProblem == null ? c : null;
                String p = !c.ok() ? c.problem() : whereProblem;
                // a value's problem is already under its row; the line at the bottom says why Start is off
                boolean shownAbove = d.axesProblem() != null;
                problem.setText(p == null ? "" : shownAbove ? "Start is disabled until the values marked above "
                        + "are fixed." : p);
                estimate.setText(e == null ? "—" : e.text());
                basis.setText(e == null ? "" : e.basis());
                common.setText(c.ok() ? commonText(c) : "");
                showIfAny(common);
                showIfAny(problem);
                showIfAny(basis);
                updateStart();
            });
        });
    }

    private static void showIfAny(Label l) {
        boolean any = l.getText() != null && !l.getText().isEmpty();
        l.setVisible(any);
        l.setManaged(any);
    }

    private static String commonText(StudyDraft.Checked c) {
        var set = c.spec().getAsJsonObject("set");
        if (set.isEmpty()) {
            return "Every task: the preset as it is, but for the keys varied.";
        }
        List<String> parts = new ArrayList<>();
        set.entrySet().forEach(e -> parts.add(e.getKey() + " = " + e.getValue().getAsString()));
        return "Every task also has the setup's changes to the preset: " + String.join(", ", parts) + ".";
    }

    private boolean isReady() {
        return checked != null && checked.ok();
    }

    private void updateStart() {
        Button start = (Button) dialog.getDialogPane().lookupButton(startType);
        start.setDisable(!isReady());
    }

    private void startStudy(StudyDraft.Checked c) {
        StudyLauncher.Where w = where();
        Background.run("start-study", () -> launcher.start(c.plan(), c.spec(), sweepsRoot, w), onStarted,
                e -> onError.accept(e.getMessage()));
    }

    // ---- for a test: the dialog driven as a person would

    public void typeName(String text) {
        name.setText(text);
    }

    public void vary(String key, String values) {
        addAxis(key, values);
    }

    public void setSeeds(int n) {
        seeds.getValueFactory().setValue(n);
    }

    /** The whole study's problem (the CLI's check), or the first value's marked at its row. */
    public String problemText() {
        return axes.stream().map(a -> a.error.getText()).filter(t -> !t.isEmpty()).findFirst()
                .orElse(problem.getText());
    }

    public String taskCountText() {
        return taskCount.getText();
    }

    String estimateText() {
        return estimate.getText();
    }

    public boolean canStart() {
        return isReady();
    }

    /** The Slurm choice with its fields typed in, as a person would. */
    void runOnSlurm(String partitionName, String timeLimit, String memory) {
        slurm.setSelected(true);
        partition.setText(partitionName);
        time.setText(timeLimit);
        mem.setText(memory);
    }

    /** Whether the Start button can be pressed now. */
    public boolean startEnabled() {
        return !dialog.getDialogPane().lookupButton(startType).isDisabled();
    }

    /** Start, as a person presses it (or Enter). */
    void pressStart() {
        ((Button) dialog.getDialogPane().lookupButton(startType)).fire();
    }
}
