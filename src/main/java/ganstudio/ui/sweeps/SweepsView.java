package ganstudio.ui.sweeps;

import ganstudio.sweep.LocalExecutor;
import ganstudio.sweep.ReportFiles;
import ganstudio.sweep.SweepFolder;
import ganstudio.sweep.SweepReport;
import ganstudio.ui.common.Background;
import ganstudio.ui.common.ErrorBanner;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/**
 * The Sweeps tab: the sweeps under the sweeps folder (started here or by the CLI, on this machine or on Slurm, or
 * opened from a shared folder), and for the one picked its report table, its tasks with their live state and
 * progress, and its band plots. Files are read by a {@link SweepPoller} on its own thread; this class runs on the
 * FX thread only.
 */
public final class SweepsView {

    private static final String COMPARE_HINT = "Select one variant to compare its seeds side by side, or several "
            + "(Ctrl/Shift-click) to compare the first done seed of each, in the Compare tab.";

    private final Path sweepsRoot;
    private final StudyLauncher launcher;
    private final SweepPoller poller;
    private final TableView<SweepListing.Row> list = new TableView<>();
    private final List<SweepListing.Row> openedElsewhere = new ArrayList<>();
    private final ErrorBanner banner = new ErrorBanner();
    private final Label title = new Label("No sweep picked");
    private final Label where = new Label();
    private final Label counts = new Label();
    private final Label notes = new Label();
    private final Label started = new Label();
    private final SweepVariantTable variants = new SweepVariantTable();
    private final SweepTaskTable tasks = new SweepTaskTable();
    private final SweepPlotsPane plots = new SweepPlotsPane();
    private final Button newStudy = new Button("New study…");
    private final Button openFolder = new Button("Open sweep folder…");
    private final Button refresh = new Button("Refresh");
    private final Button compare = new Button("Compare");
    private final Label compareHint = new Label(COMPARE_HINT);
    private final Button openRun = new Button("Open run");
    private final Button resume = new Button("Resume");
    private final Tooltip resumeTip = new Tooltip();
    private final Button stop = new Button("Stop");
    private final Button writeReport = new Button("Write report");
    private final BorderPane root = new BorderPane();
    private Path selected;
    private SweepSnapshot current;
    private Consumer<Path> onOpenRun = p -> { };
    private Consumer<List<Path>> onCompare = l -> { };
    private Runnable onNewStudy = () -> { };

    public SweepsView(Path sweepsRoot, StudyLauncher launcher) {
        this.sweepsRoot = sweepsRoot;
        this.launcher = launcher;
        this.poller = new SweepPoller(sweepsRoot, this::show, this::showListing, banner::show);
        root.setLeft(leftPanel());
        root.setCenter(center());
        root.getStyleClass().add("studio-root");
        updateButtons();
        poller.relist();
    }

    public BorderPane getRoot() {
        return root;
    }

    /** Where a task's run goes to be opened (the GAN or Classifier view). */
    public void onOpenRun(Consumer<Path> onOpenRun) {
        this.onOpenRun = onOpenRun;
    }

    /** Where Compare sends the picked runs (the Compare tab). */
    public void onCompare(Consumer<List<Path>> onCompare) {
        this.onCompare = onCompare;
    }

    /** What "New study…" does (opens the dialog on the setup last shown). */
    public void onNewStudy(Runnable onNewStudy) {
        this.onNewStudy = onNewStudy;
    }

    /** The tab came on screen or left it: the folder is looked at only while it shows. */
    public void setActive(boolean active) {
        poller.setActive(active);
    }

    private VBox leftPanel() {
        Label heading = new Label("Sweeps");
        heading.getStyleClass().add("section-title");
        // a long path is cut at its start: its end names the folder
        Label folder = new Label(sweepsRoot.toAbsolutePath().normalize().toString());
        folder.getStyleClass().add("hint");
        folder.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        folder.setTooltip(new Tooltip("Where the studio lists sweeps and starts new ones: " + folder.getText()
                + " (studio --sweeps DIR to change it)"));
        newStudy.setTooltip(new Tooltip("A study of the setup last shown in the GAN or Classifier tab: keys to "
                + "vary, their values, seeds; run here or on Slurm"));
        newStudy.setOnAction(e -> onNewStudy.run());
        newStudy.getStyleClass().add("start-button");
        openFolder.setTooltip(new Tooltip("Watch a sweep elsewhere, e.g. one a cluster writes into a shared folder"));
        openFolder.setOnAction(e -> chooseFolder());
        refresh.setOnAction(e -> poller.relist());
        for (Button b : List.of(newStudy, openFolder, refresh)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        TableColumn<SweepListing.Row, String> name = new TableColumn<>("sweep");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().folder()));
        name.setPrefWidth(224);
        TableColumn<SweepListing.Row, Integer> count = new TableColumn<>("tasks");
        count.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().tasks()));
        count.setPrefWidth(44);
        TableColumn<SweepListing.Row, String> exec = new TableColumn<>("on");
        exec.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().executor()));
        exec.setPrefWidth(46);
        list.getColumns().setAll(List.of(name, count, exec));
        list.setPlaceholder(new Label("No sweeps yet in " + sweepsRoot.toAbsolutePath().normalize()
                + ".\nNew study… starts one; so does `sweep FILE` on the command line."));
        list.setRowFactory(tv -> {
            TableRow<SweepListing.Row> row = new TableRow<>() {
                @Override
                protected void updateItem(SweepListing.Row item, boolean empty) {
                    super.updateItem(item, empty);
                    setTooltip(empty || item == null ? null : new Tooltip(item.readable()
                            ? item.name() + "\n" + item.dir() : item.name()));
                }
            };
            return row;
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && !b.dir().equals(selected)) {
                pick(b.dir());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Label how = new Label("A study started here runs in a process of its own: closing the studio stops it "
                + "(each task keeps its checkpoint) and Resume continues it. Slurm sweeps run on the cluster.");
        how.getStyleClass().add("hint");
        how.setWrapText(true);
        how.setMinHeight(Region.USE_PREF_SIZE);
        FlowPane buttons = new FlowPane(8, 6, newStudy, openFolder, refresh);
        VBox left = new VBox(8, new VBox(2, heading, folder), buttons, list, how);
        left.getStyleClass().add("runs-panel");
        left.setPadding(new Insets(8));
        left.setPrefWidth(336);
        left.setMinWidth(260);
        return left;
    }

    private VBox center() {
        title.getStyleClass().add("headline");
        for (Label l : List.of(where, counts, notes, started)) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        where.getStyleClass().add("hint");
        notes.getStyleClass().add("twin-note");
        started.getStyleClass().add("twin-note");
        VBox header = new VBox(2, title, where, counts, notes, started);
        header.setPadding(new Insets(6, 8, 4, 8));

        compare.setTooltip(new Tooltip(COMPARE_HINT));
        compare.setOnAction(e -> compareSelected());
        compareHint.getStyleClass().add("hint");
        compareHint.setWrapText(true);
        compareHint.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(compareHint, Priority.ALWAYS);
        variants.getSelectionModel().getSelectedItems().addListener(
                (ListChangeListener<LiveRow<VariantRow>>) c -> updateButtons());
        variants.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && !compare.isDisable()) {
                compareSelected();
                e.consume();
            }
        });
        Label reportTitle = new Label("Report: one row per variant, mean ± std over its done seeds");
        reportTitle.getStyleClass().add("section-title");
        VBox.setVgrow(variants, Priority.ALWAYS);
        HBox compareRow = new HBox(8, compare, compareHint);
        compareRow.setAlignment(Pos.CENTER_LEFT);
        VBox report = new VBox(6, reportTitle, variants, compareRow);
        report.setPadding(new Insets(4, 8, 4, 8));

        openRun.setTooltip(new Tooltip("Open the selected task's run in its view (also: double-click, Enter)"));
        openRun.setOnAction(e -> tasks.selectedTask().ifPresent(this::openTask));
        resume.setOnAction(e -> resumeSelected());
        resume.setTooltip(resumeTip);
        stop.setTooltip(new Tooltip("Stop the sweep started from this studio as Ctrl-C would: running tasks end "
                + "their step and checkpoint; Resume continues them"));
        stop.getStyleClass().add("stop-button");
        stop.setOnAction(e -> {
            if (current != null) {
                launcher.stop(current.dir());
                started.setText("stopping " + current.dir().getFileName() + ": its tasks checkpoint, then end");
            }
        });
        writeReport.setTooltip(new Tooltip("Rewrite report.md, report.csv, report.json and the band plots from "
                + "the tasks' folders now, as `sweep report DIR` does"));
        writeReport.setOnAction(e -> writeReportNow());
        tasks.onOpen(this::openTask);
        tasks.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> updateButtons());
        Label tasksTitle = new Label("Tasks");
        tasksTitle.getStyleClass().add("section-title");
        VBox.setVgrow(tasks, Priority.ALWAYS);
        for (Button b : List.of(compare, openRun, resume, stop, writeReport)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        VBox taskBox = new VBox(6, tasksTitle, tasks, new HBox(8, openRun, resume, stop, writeReport));
        taskBox.setPadding(new Insets(4, 8, 8, 8));

        Label plotsTitle = new Label("Band plots (click one to see it at full size)");
        plotsTitle.getStyleClass().add("section-title");
        VBox.setVgrow(plots, Priority.ALWAYS);
        VBox plotBox = new VBox(6, plotsTitle, plots);
        plotBox.setPadding(new Insets(4, 8, 8, 8));
        plotBox.setMinWidth(240);
        SplitPane lower = new SplitPane(taskBox, plotBox);
        lower.setDividerPositions(0.56);
        SplitPane split = new SplitPane(report, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.36);
        VBox.setVgrow(split, Priority.ALWAYS);
        return new VBox(banner, header, split);
    }

    // ---- what is on screen

    /**
     * Picks a sweep folder and starts watching it; one not in the list (elsewhere, or not listed yet) is kept at
     * its top with what its plan says (read off the FX thread by the caller).
     */
    private void open(SweepListing.Row row) {
        Path d = row.dir().toAbsolutePath().normalize();
        Optional<SweepListing.Row> shown = list.getItems().stream().filter(r -> r.dir().equals(d)).findFirst();
        if (shown.isEmpty()) {
            SweepListing.Row added = new SweepListing.Row(d, row.folder(), row.name(), row.tasks(), row.executor(),
                    row.readable());
            openedElsewhere.removeIf(r -> r.dir().equals(d));
            openedElsewhere.add(0, added);
            list.getItems().add(0, added);
            shown = Optional.of(added);
        }
        list.getSelectionModel().select(shown.get());
        pick(d);
    }

    private void pick(Path dir) {
        selected = dir;
        current = null;
        banner.hide();
        title.setText(dir.getFileName().toString());
        where.setText("reading " + dir + " …");
        counts.setText("");
        notes.setText("");
        variants.getItems().clear();
        tasks.getItems().clear();
        plots.show(List.of());
        updateButtons();
        poller.open(dir);
    }

    private void show(SweepSnapshot s) {
        if (selected == null || !s.dir().toAbsolutePath().normalize().equals(selected)) {
            return; // a look at the sweep picked before
        }
        current = s;
        title.setText(s.name() + (s.description().isEmpty() ? "" : ": " + s.description()));
        boolean here = launcher.isRunningHere(s.dir());
        where.setText(s.dir() + "   ·   " + ("slurm".equals(s.executor()) ? "submitted to Slurm"
                : here ? "running on this machine from this studio" : "local"));
        counts.setText(s.countsText());
        notes.setText(String.join("\n", s.notes()));
        notes.setVisible(!s.notes().isEmpty());
        notes.setManaged(!s.notes().isEmpty());
        variants.show(s.figures(), s.variants());
        tasks.show(s.tasks());
        plots.show(s.plots());
        updateButtons();
    }

    private void showListing(List<SweepListing.Row> rows) {
        List<SweepListing.Row> all = new ArrayList<>();
        for (SweepListing.Row r : openedElsewhere) {
            if (rows.stream().noneMatch(x -> x.dir().toAbsolutePath().normalize().equals(r.dir()))) {
                all.add(r);
            }
        }
        rows.forEach(r -> all.add(new SweepListing.Row(r.dir().toAbsolutePath().normalize(), r.folder(), r.name(),
                r.tasks(), r.executor(), r.readable())));
        Path keep = selected;
        list.getItems().setAll(all);
        if (keep != null) {
            all.stream().filter(r -> r.dir().equals(keep)).findFirst()
                    .ifPresent(r -> list.getSelectionModel().select(r));
        }
    }

    private void updateButtons() {
        List<VariantRow> picked = variants.selectedVariants();
        boolean classifier = picked.stream().anyMatch(VariantRow::isClassifier);
        boolean anyRun = picked.stream().anyMatch(v -> v.compareRun().isPresent());
        compare.setDisable(picked.isEmpty() || classifier || !anyRun);
        compareHint.setText(classifier ? "Compare shows GAN runs; a classifier sweep's runs open one at a time "
                + "from the tasks below." : !picked.isEmpty() && !anyRun ? "The selected variants have no run yet."
                : COMPARE_HINT);
        Optional<TaskRow> task = tasks.selectedTask();
        openRun.setDisable(task.isEmpty());
        boolean here = current != null && launcher.isRunningHere(current.dir());
        boolean local = current != null && "local".equals(current.executor());
        resume.setDisable(current == null || !local || here || current.isRunning() || !current.isUnfinished());
        resumeTip.setText(current != null && !local
                ? "A Slurm sweep resumes on the cluster: sweep --resume DIR there"
                : "Run the tasks not done yet on this machine (sweep --resume), "
                        + LocalExecutor.defaultParallel(Runtime.getRuntime().availableProcessors())
                        + " at once, in a process of its own; failed tasks are kept");
        stop.setDisable(!here);
        writeReport.setDisable(current == null || !current.reportBehind());
    }

    private void writeReportNow() {
        Path dir = current.dir();
        runInBackground("write-report", () -> {
            ReportFiles f = SweepReport.compute(SweepFolder.open(dir)).write();
            return "report rewritten: " + f.markdown()
                    + (f.problems().isEmpty() ? "" : " (" + String.join("; ", f.problems()) + ")");
        });
    }

    private void compareSelected() {
        List<VariantRow> picked = variants.selectedVariants();
        List<Path> runs = new ArrayList<>();
        if (picked.size() == 1) {
            picked.get(0).tasks().stream().filter(TaskRow::hasRun).forEach(t -> runs.add(t.dir()));
        } else {
            picked.forEach(v -> v.compareRun().ifPresent(runs::add));
        }
        if (runs.isEmpty()) {
            banner.show("The selected variants have no run to compare yet.");
            return;
        }
        onCompare.accept(runs);
    }

    private void openTask(TaskRow t) {
        if (!t.hasRun()) {
            banner.show("Task " + t.index() + " (" + t.variantLabel() + ", seed " + t.seed() + ") is " + t.kind()
                    + ": it has no run to open yet.");
            return;
        }
        onOpenRun.accept(t.dir());
    }

    private void resumeSelected() {
        SweepSnapshot s = current;
        if (s == null) {
            return;
        }
        int parallel = LocalExecutor.defaultParallel(Runtime.getRuntime().availableProcessors());
        runInBackground("resume-sweep", () -> {
            launcher.resume(s.dir(), parallel);
            return "resumed on this machine, " + parallel + " at once; its log: "
                    + s.dir().resolve(SweepFolder.LOGS).resolve(StudyLauncher.SWEEP_LOG);
        });
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a sweep folder (the one holding sweep.json)");
        File start = sweepsRoot.toFile();
        if (start.isDirectory()) {
            chooser.setInitialDirectory(start);
        }
        File dir = chooser.showDialog(root.getScene().getWindow());
        if (dir != null) {
            openChecked(dir.toPath());
        }
    }

    /** Opens a folder a person named, after checking off the FX thread that it is a sweep and reading its plan. */
    public void openChecked(Path dir) {
        Background.run("open-sweep", () -> SweepFolder.isSweep(dir) ? Optional.of(SweepListing.row(dir))
                : Optional.<SweepListing.Row>empty(), row -> row.ifPresentOrElse(this::open, () -> banner.show(dir
                        + " is not a sweep folder (it has no sweep.json); a sweep's folder is the one `sweep FILE` "
                        + "printed as \"folder:\", under sweeps/ by default.")));
    }

    /** A study the dialog started: listed and shown at once, with what its executor said. */
    public void showStarted(StudyLauncher.Started s) {
        open(s.row());
        started.setText(s.note());
        poller.relist();
    }

    public void showBanner(String text) {
        banner.show(text);
    }

    /** Runs work that starts processes or writes files off the FX thread; its line or its error comes back. */
    private void runInBackground(String name, Supplier<String> work) {
        Background.run(name, work, line -> {
            started.setText(line);
            updateButtons();
        }, e -> banner.show(e.getMessage()));
    }

    public Path sweepsRoot() {
        return sweepsRoot;
    }

    /** What the tab shows now, for a test: the sweep's look, the plots on screen. */
    public SweepSnapshot current() {
        return current;
    }

    /** Compare, as a person presses it. */
    public void pressCompare() {
        compare.fire();
    }

    public SweepVariantTable variantTable() {
        return variants;
    }

    public SweepTaskTable taskTable() {
        return tasks;
    }

    public SweepPlotsPane plotsPane() {
        return plots;
    }

    String bannerText() {
        return banner.getText();
    }

    public void shutdown() {
        poller.shutdown();
    }
}
