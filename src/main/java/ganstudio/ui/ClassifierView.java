package ganstudio.ui;

import ganstudio.config.Presets;
import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.metrics.ClassificationReport;
import ganstudio.metrics.ClassifierMetrics;
import ganstudio.runs.RunDirectory;
import ganstudio.train.ClassifierSession;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The classifier studio: the trick switches on the left (a {@link ConfigFormView} over the classifier's
 * {@link FormLayout}), train/validation loss and accuracy and the learning rate in the middle, the confusion
 * heatmap with per-class accuracy on the right. Same threading as the GAN view: a {@link ClassifierRunFeed}
 * drained by one AnimationTimer. A run opened from the Runs tab replaces the charts until "Close run"; the
 * live run keeps training behind it.
 */
final class ClassifierView {

    private static final long TICK_NANOS = 33_000_000L;
    private static final String FIRST_PRESET = "fashion-classifier-baseline";

    private final Path runsRoot;
    private final Presets presets = Presets.locate();
    private final ConfigFormModel form = new ConfigFormModel();
    private final ConfigFormView formView = new ConfigFormView(form, FormLayout.classifier());
    private final ComboBox<String> presetBox = new ComboBox<>();
    private final Label formProblem = new Label();
    private final Button start = new Button("Start");
    private final Button pause = new Button("Pause");
    private final Button step = new Button("Step");
    private final Button stop = new Button("Stop");
    private final Button closeRun = new Button("Close run");
    private final Label viewing = new Label();
    private final ClassifierCharts charts = new ClassifierCharts();
    private final ConfusionMatrixPane matrix = new ConfusionMatrixPane();
    private final Label headline = new Label();
    private final Label matrixTitle = new Label();
    private final Label tricks = new Label();
    private final LiveEditPanel liveEdits = new LiveEditPanel(List.of("opt.lr"), LiveEditPanel.CLASSIFIER);
    private final ListView<String> events = new ListView<>();
    private final StatusBar statusBar = new StatusBar();
    private final ErrorBanner banner = new ErrorBanner();
    private final RunsPanel runsPanel;
    private final BorderPane root = new BorderPane();

    private ClassifierSession session;
    private ClassifierRunFeed feed;
    private ClassifierSeries liveSeries;
    private ConfusionMatrixModel liveMatrix;
    private String liveHeadline = "";
    private String liveMatrixTitle = "";
    private String liveTricks = "";
    private final ObservableList<String> liveEvents = FXCollections.observableArrayList();
    private boolean liveFinal;
    private long liveStartNanos;
    private long liveEndNanos;
    private long lastTick;
    private boolean finishHandled;
    private ClassifierRunSnapshot opened;
    private Consumer<Path> onGanRun = p -> { };

    ClassifierView(Path runsRoot) {
        this.runsRoot = runsRoot;
        this.runsPanel = new RunsPanel(runsRoot);
        root.setTop(toolbar());
        root.setLeft(leftPanel());
        root.setCenter(center());
        root.setBottom(statusBar);
        root.getStyleClass().addAll("studio-root", "classifier-view");
        liveEdits.onEdit((key, value) -> {
            if (isActive()) {
                session.control().edit(key, value);
            }
        });
        form.addListener(m -> updateButtons());
        formView.showChangedCounts(true);
        loadPresetList();
        showIdle();
        updateButtons();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (now - lastTick >= TICK_NANOS) {
                    lastTick = now;
                    tick();
                }
            }
        }.start();
    }

    BorderPane getRoot() {
        return root;
    }

    /** Where a GAN run picked in this view's Runs tab goes (the GAN view). */
    void onGanRun(Consumer<Path> onGanRun) {
        this.onGanRun = onGanRun;
    }

    void installShortcuts(Scene scene, BooleanSupplier visible) {
        PlaybackShortcuts.install(scene, visible, pause, this::togglePause, step, this::stepOnce);
    }

    void setTheme(Theme theme) {
        matrix.setPalette(ConfusionMatrixPane.Palette.of(theme));
    }

    private ToolBar toolbar() {
        start.setTooltip(new Tooltip("Train the classifier with the settings on the left"));
        pause.setTooltip(new Tooltip("Pause or resume (Space)"));
        step.setTooltip(new Tooltip("One batch while paused (S)"));
        stop.setTooltip(new Tooltip("Stop: finish the batch, write a checkpoint, evaluate on the test set"));
        closeRun.setTooltip(new Tooltip("Back to the live run (or an empty view when none is running)"));
        start.getStyleClass().add("start-button");
        stop.getStyleClass().add("stop-button");
        start.setOnAction(e -> startTraining());
        pause.setOnAction(e -> togglePause());
        step.setOnAction(e -> stepOnce());
        stop.setOnAction(e -> stopTraining());
        closeRun.setOnAction(e -> backToLive());
        closeRun.setVisible(false);
        closeRun.setManaged(false);
        for (Button b : List.of(start, pause, step, stop, closeRun)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setFocusTraversable(false); // Space must reach the shortcut, not press a focused button
        }
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        viewing.getStyleClass().add("viewing");
        return new ToolBar(start, pause, step, stop, new Separator(Orientation.VERTICAL), viewing, grow, closeRun);
    }

    private TabPane leftPanel() {
        presetBox.setMaxWidth(Double.MAX_VALUE);
        presetBox.setPromptText("classifier preset");
        presetBox.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                loadPreset(b);
            }
        });
        HBox.setHgrow(presetBox, Priority.ALWAYS);
        HBox presetRow = new HBox(8, new Label("Preset"), presetBox);
        presetRow.getStyleClass().add("preset-row");
        formProblem.getStyleClass().add("error-text");
        formProblem.setWrapText(true);
        Label hint = new Label("Switches and values differing from the defaults are counted in each title.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        ScrollPane scroll = new ScrollPane(formView);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox setup = new VBox(8, presetRow, scroll, formProblem, hint);
        setup.getStyleClass().add("setup-panel");
        setup.setPadding(new Insets(8));

        runsPanel.setPadding(new Insets(8));
        runsPanel.setSpacing(8);
        runsPanel.onOpen(dir -> {
            if ("classifier".equals(RunListing.taskOf(dir))) {
                openRun(dir);
            } else {
                onGanRun.accept(dir);
            }
        });
        TabPane tabs = new TabPane(new Tab("Setup", setup), new Tab("Runs", runsPanel));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setPrefWidth(400);
        tabs.setMinWidth(260);
        tabs.getStyleClass().add("left-tabs");
        return tabs;
    }

    private VBox center() {
        events.setPrefHeight(110);
        events.setMinHeight(60);
        events.setPlaceholder(new Label("Epochs, live edits and checkpoints appear here"));
        events.getStyleClass().add("events");
        headline.getStyleClass().add("headline");
        headline.setWrapText(true);
        matrixTitle.getStyleClass().add("section-title");
        matrixTitle.setWrapText(true);
        tricks.getStyleClass().add("hint");
        tricks.setWrapText(true);
        VBox.setVgrow(matrix, Priority.ALWAYS);
        charts.setOnMousePressed(e -> charts.requestFocus());
        matrix.setOnMousePressed(e -> matrix.requestFocus());
        VBox right = new VBox(6, headline, tricks, matrixTitle, matrix, liveEdits, events);
        right.getStyleClass().add("image-column");
        right.setPadding(new Insets(6, 8, 6, 8));
        SplitPane split = new SplitPane(charts, right);
        split.setDividerPositions(0.46);
        VBox.setVgrow(split, Priority.ALWAYS);
        return new VBox(banner, split);
    }

    // ---- presets and the form

    private void loadPresetList() {
        List<String> names = PresetsByTask.names(presets, "classifier");
        presetBox.getItems().setAll(names);
        if (names.isEmpty()) {
            form.load(defaults());
            formView.refreshFromModel();
            return;
        }
        presetBox.setValue(names.contains(FIRST_PRESET) ? FIRST_PRESET : names.get(0));
    }

    /** Bare defaults are a GAN on ring8; a classifier without a preset starts on Fashion-MNIST. */
    private static RunConfig defaults() {
        return RunConfig.defaults().with("task", "classifier").with("data.kind", "fashion-mnist");
    }

    List<String> presetNames() {
        return presetBox.getItems();
    }

    void selectPreset(String name) {
        if (!presetBox.getItems().contains(name)) {
            throw new UserError("no classifier preset '" + name + "'; there are: "
                    + String.join(", ", presetBox.getItems()));
        }
        presetBox.setValue(name);
    }

    private void loadPreset(String name) {
        try {
            form.load(presets.load(name));
            formView.refreshFromModel();
            banner.hide();
        } catch (UserError e) {
            banner.show(e.getMessage());
        }
    }

    /** Types a value into the form, as a person would (the demo shortens the run this way). */
    void setField(String key, String text) {
        formView.type(key, text);
    }

    // ---- training

    private boolean isActive() {
        return session != null && feed != null && !feed.isFinished();
    }

    void startTraining() {
        if (isActive() || !form.canStart()) {
            return;
        }
        banner.hide();
        RunConfig config = form.getConfig();
        String preset = presetBox.getValue() == null ? "" : presetBox.getValue();
        try {
            session = ClassifierSession.create(config, runsRoot, preset);
        } catch (UserError e) {
            banner.show(e.getMessage());
            return;
        }
        feed = new ClassifierRunFeed();
        finishHandled = false;
        session.addListener(feed);
        liveSeries = new ClassifierSeries();
        liveMatrix = null;
        liveFinal = false;
        liveHeadline = "";
        liveMatrixTitle = "";
        liveTricks = "";
        liveEvents.clear();
        liveEdits.load(config);
        closeOpened();
        showLive();
        viewing.setText("Live: " + (preset.isEmpty() ? config.getString("name") : preset));
        statusBar.showRun("starting…", "");
        statusBar.clearProgress();
        statusBar.showStatus("starting (loading data, building the network)");
        liveStartNanos = System.nanoTime();
        liveEndNanos = 0;
        session.start();
        charts.requestFocus(); // out of the form, so Space and S reach the shortcuts
        updateButtons();
    }

    private void togglePause() {
        if (!isActive()) {
            return;
        }
        if (session.control().isPaused()) {
            session.control().resume();
        } else {
            session.control().pause();
        }
        updateButtons();
    }

    private void stepOnce() {
        if (isActive() && session.control().isPaused()) {
            session.control().stepOnce();
        }
    }

    private void stopTraining() {
        if (isActive()) {
            session.control().stop();
            statusBar.showStatus("stopping (checkpoint, test set)");
            stop.setDisable(true);
        }
    }

    private void updateButtons() {
        boolean active = isActive();
        boolean paused = active && session.control().isPaused();
        start.setDisable(active || !form.canStart());
        pause.setDisable(!active);
        pause.setText(paused ? "Resume" : "Pause");
        step.setDisable(!paused);
        stop.setDisable(!active || session.control().isStopRequested());
        liveEdits.setActive(active && feed.isStarted());
        String problem = form.firstProblem();
        formProblem.setText(problem == null ? "" : "Start is disabled: " + problem);
        formProblem.setVisible(problem != null);
        formProblem.setManaged(problem != null);
    }

    /** One UI frame: drain the feed into the series, the matrix, the events and the status line. */
    private void tick() {
        if (feed != null && liveSeries != null) {
            List<ClassifierMetrics> rows = feed.drainMetrics();
            if (!rows.isEmpty()) {
                liveSeries.appendAll(rows);
            }
            ClassifierRunFeed.Start s = feed.getStart();
            for (RunDirectory.Event e : feed.drainEvents()) {
                addLiveEvent("batch " + e.step() + ": " + e.text());
                if (e.text().startsWith("opt.lr") && s != null && opened == null) {
                    charts.addMarker((double) e.step() / s.batchesPerEpoch());
                }
            }
            ClassificationReport r = feed.takeReport();
            if (r != null) {
                takeReport(r);
            }
            updateStatus();
        }
        charts.redrawIfDue(false);
    }

    private void takeReport(ClassificationReport r) {
        liveMatrix = new ConfusionMatrixModel(r);
        ClassifierMetrics v = liveSeries.lastValidation();
        boolean test = "test".equals(r.set());
        liveFinal = test;
        liveMatrixTitle = ConfusionMatrixModel.caption(r);
        String when = test ? "Test set" : v == null ? "Validation"
                : String.format(Locale.ROOT, "Validation after epoch %.0f", v.epoch());
        liveHeadline = when + ":  " + ConfusionMatrixModel.headline(r);
        addLiveEvent((test ? "test: " : String.format(Locale.ROOT, "epoch %.0f: ", v == null ? 0 : v.epoch()))
                + ConfusionMatrixModel.headline(r) + String.format(Locale.ROOT, ", loss %.4f", r.loss()));
        if (opened == null) {
            showLive();
        }
    }

    private void addLiveEvent(String text) {
        liveEvents.add(text);
        if (opened == null) {
            events.scrollTo(liveEvents.size() - 1);
        }
    }

    private void updateStatus() {
        if (feed.isFinished() && liveEndNanos == 0) {
            liveEndNanos = System.nanoTime();
        }
        ClassifierRunFeed.Start s = feed.getStart();
        if (s != null) {
            statusBar.showRun(String.valueOf(s.runDir()), s.device() + "  " + s.data());
            if (liveTricks.isEmpty()) {
                liveTricks = "Tricks on: " + s.tricks() + "   ·   " + String.format(Locale.ROOT, "%,d weights",
                        s.parameters()) + "   ·   " + s.batchesPerEpoch() + " batches per epoch";
                if (opened == null) {
                    tricks.setText(liveTricks);
                }
            }
            ClassifierMetrics m = feed.getLastMetrics();
            double elapsed = ((feed.isFinished() ? liveEndNanos : System.nanoTime()) - liveStartNanos) / 1e9;
            if (m != null) {
                long total = (long) s.epochs() * s.batchesPerEpoch();
                double eta = m.step() > 0 && !feed.isFinished() ? elapsed / m.step() * (total - m.step()) : Double.NaN;
                statusBar.showProgress(String.format(Locale.ROOT, "epoch %.2f / %d", m.epoch(), s.epochs()),
                        "batch " + m.step() + " / " + total, m.samplesPerSecond(), elapsed, eta);
            }
        }
        if (feed.isFinished() && !finishHandled) {
            finishHandled = true;
            String status = feed.getFinishedStatus();
            if (s == null) {
                statusBar.showRun("no run directory (stopped before training began)", "");
            }
            statusBar.showStatus(status);
            if ("failed".equals(status)) {
                banner.show("Training failed: " + feed.getFinishedReason()
                        + (s != null ? "   (the run so far stays in " + s.runDir() + ")" : ""));
            }
            runsPanel.refresh();
            updateButtons();
        } else if (!feed.isFinished()) {
            if (s != null) {
                ClassifierMetrics m = feed.getLastMetrics();
                boolean testing = m != null && m.step() >= (long) s.epochs() * s.batchesPerEpoch();
                statusBar.showStatus(session.control().isPaused() ? "paused"
                        : session.control().isStopRequested() ? "stopping (checkpoint, test set)"
                        : testing ? "running: evaluating on the test set" : "running");
            }
            updateButtons();
        }
    }

    /** Stops a running session and waits for its checkpoint and summary, so closing never loses a run. */
    void shutdown() {
        if (isActive()) {
            session.control().stop();
            try {
                feed.awaitFinished(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---- what the centre shows: the live run, an opened run, or nothing yet

    private void showIdle() {
        charts.setStore(new ClassifierSeries());
        matrix.show(null);
        matrix.setPlaceholder("The confusion matrix appears after the first epoch's validation");
        headline.setText("Press Start to train, or open a classifier run from the Runs tab");
        headline.getStyleClass().remove("headline-final");
        matrixTitle.setText("");
        tricks.setText("");
        viewing.setText("");
        events.setItems(liveEvents);
    }

    private void showLive() {
        if (liveSeries == null) {
            showIdle();
            return;
        }
        if (charts.getStore() != liveSeries) {
            charts.setStore(liveSeries);
        }
        matrix.setPlaceholder("The confusion matrix appears after the first epoch's validation");
        matrix.show(liveMatrix);
        headline.setText(liveHeadline.isEmpty() ? "Training… validation follows each epoch" : liveHeadline);
        setFinal(liveFinal);
        matrixTitle.setText(liveMatrixTitle);
        tricks.setText(liveTricks);
        events.setItems(liveEvents);
    }

    private void setFinal(boolean isFinal) {
        headline.getStyleClass().remove("headline-final");
        if (isFinal) {
            headline.getStyleClass().add("headline-final");
        }
    }

    // ---- opened runs (read-only)

    void openRun(Path dir) {
        Thread t = new Thread(() -> {
            try {
                ClassifierRunSnapshot snap = ClassifierRunSnapshot.read(dir);
                Platform.runLater(() -> showOpened(snap));
            } catch (RuntimeException e) {
                Platform.runLater(() -> banner.show(dir + ": cannot open (" + e.getMessage() + ")"));
            }
        }, "open-classifier-run");
        t.setDaemon(true);
        t.start();
    }

    private void showOpened(ClassifierRunSnapshot snap) {
        opened = snap;
        ClassifierSeries series = new ClassifierSeries();
        series.appendAll(snap.rows());
        charts.setStore(series);
        viewing.setText("Viewing: " + snap.name() + " (" + snap.status() + ")"
                + (isActive() ? "   training continues in the background" : ""));
        closeRun.setVisible(true);
        closeRun.setManaged(true);
        if ("failed".equals(snap.status()) && !snap.reason().isEmpty()) {
            banner.show("This run failed: " + snap.reason());
        } else {
            banner.hide();
        }
        ClassifierMetrics v = series.lastValidation();
        if (snap.test() != null) {
            matrix.show(new ConfusionMatrixModel(snap.test()));
            headline.setText("Test set:  " + ConfusionMatrixModel.headline(snap.test()));
            setFinal(true);
            matrixTitle.setText(ConfusionMatrixModel.caption(snap.test()));
        } else {
            matrix.show(null);
            matrix.setPlaceholder("No test report in this run's summary (" + snap.status() + ")");
            headline.setText(v == null ? "No epoch finished in this run" : String.format(Locale.ROOT,
                    "Validation after epoch %.0f:  top-1 %.2f%%  \u00b7  top-5 %.2f%%", v.epoch(),
                    100 * v.valAccuracy(), 100 * v.valTop5()));
            setFinal(false);
            matrixTitle.setText("");
        }
        tricks.setText(snap.rows().size() + " logged rows, " + (v == null ? 0 : Math.round(v.epoch())) + " epochs");
        events.setItems(FXCollections.observableArrayList(
                snap.events().stream().map(e -> "batch " + e.step() + ": " + e.text()).toList()));
    }

    private void backToLive() {
        closeOpened();
        banner.hide();
        if (liveSeries != null) {
            showLive();
            viewing.setText("Live");
        } else {
            showIdle();
        }
    }

    private void closeOpened() {
        opened = null;
        closeRun.setVisible(false);
        closeRun.setManaged(false);
    }

    void showBanner(String text) {
        banner.show(text);
    }
}
