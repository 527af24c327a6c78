package ganstudio.ui.gan;

import com.google.gson.JsonObject;

import ganstudio.config.Presets;
import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.data.Mixture2D;
import ganstudio.data.TrainingData;
import ganstudio.media.Frame;
import ganstudio.media.ImageGrid;
import ganstudio.metrics.ModeReadout;
import ganstudio.metrics.StepMetrics;
import ganstudio.runs.RunDirectory;
import ganstudio.train.gan.GanSession;
import ganstudio.train.Session;
import ganstudio.ui.common.ChartsPanel;
import ganstudio.ui.common.ConfigFormModel;
import ganstudio.ui.common.ConfigFormView;
import ganstudio.ui.common.ErrorBanner;
import ganstudio.ui.common.LiveEditPanel;
import ganstudio.ui.common.MetricsStore;
import ganstudio.ui.common.PixelImagePane;
import ganstudio.ui.common.PlaybackShortcuts;
import ganstudio.ui.common.PresetsByTask;
import ganstudio.ui.common.RunListing;
import ganstudio.ui.common.RunsPanel;
import ganstudio.ui.common.StatusBar;
import ganstudio.ui.common.UiTicker;
import ganstudio.ui.session.StudioThreads;
import ganstudio.ui.session.TrainingRun;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The studio's window and its controller: setup on the left, the live (or opened) run in the middle, charts on
 * the right, toolbar on top, status at the bottom. Everything here runs on the FX thread; training results
 * arrive through a {@link GanRunFeed} drained by one {@link UiTicker} (at most 30 times a second).
 */
public final class GanView {

    private static final KeyCombination STEP_CRITIC_KEY = new KeyCodeCombination(KeyCode.C);
    private static final KeyCombination SAVE_CHECKPOINT_KEY =
            new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final String MODES_HINT = "The generated points of this frame (the fixed noise bank) scored "
            + "as in the unrolled-GAN / VEEGAN / PacGAN papers: a point is high quality within 3σ of its nearest "
            + "mode; a mode is captured when it is the nearest mode of at least one high-quality point.";
    private static final String FOLLOW_HINT = "Click a cell to follow that z (its noise vector of the fixed bank) "
            + "across the saved frames; click it again or press Esc to stop. Mouse wheel zooms, drag pans.";

    private final Path runsRoot;
    private final Presets presets = Presets.locate();
    private final ConfigFormModel form = new ConfigFormModel();
    private final ConfigFormView formView = new ConfigFormView(form);
    private static final String FIRST_PRESET = "ring8-wgan-gp";

    private final ComboBox<String> presetBox = new ComboBox<>();
    private final Label formProblem = new Label();
    private final Button start = new Button("Start");
    private final Button pause = new Button("Pause");
    private final Button step = new Button("Step");
    private final Button stepCritic = new Button("Step critic");
    private final Button saveCheckpoint = new Button("Save checkpoint");
    private final Button stop = new Button("Stop");
    private final Label viewing = new Label();
    private final PixelImagePane image = new PixelImagePane(true);
    private final CellFollower follower = new CellFollower(image);
    private final Slider timeline = new Slider();
    private final Label timelineLabel = new Label();
    private final HBox timelineBox;
    private final ChartsPanel charts = new ChartsPanel();
    private final LiveEditPanel liveEdits = new LiveEditPanel();
    private final ListView<String> events = new ListView<>();
    private final StatusBar statusBar = new StatusBar();
    private final ErrorBanner banner = new ErrorBanner();
    private final RunsPanel runsPanel;
    private final BorderPane root = new BorderPane();
    private final RecordControl recordControl = new RecordControl(root, statusBar::showRecording, this::showBanner);
    private RecordControl.Source recordWhenStarted;

    private GanSession session;
    private GanRunFeed feed;
    private MetricsStore liveStore;
    private WritableImage liveImage;
    private String liveCaption = "";
    private Frame liveFrame;
    private long liveStartNanos;
    private long liveEndNanos;
    private boolean finishHandled;
    private List<Long> openedFrameSteps = List.of();
    private RunDirectory openedRun;
    private long openedStep;
    private long lastTimelineLook;
    private boolean timelineLookPending;
    // What the picture is: a grid of this layout (null for the 2D view or before the first frame), and for 2D
    // data the mode-coverage line, live and of the opened run.
    private int liveNoiseBank;
    private ImageGrid.Layout liveLayout;
    private Frame liveGrid;
    private String liveReadout;
    private ImageGrid.Layout openedLayout;
    private Map<Long, ModeReadout> openedModes = Map.of();
    private boolean openedScoresModes;
    private int followWhenShown = -1;
    private Consumer<Path> onClassifierRun = p -> { };
    private BiConsumer<RunConfig, String> onPairedExperiment = (c, p) -> { };
    private BiConsumer<RunConfig, String> onNewStudy = (c, p) -> { };

    public GanView(Path runsRoot) {
        this.runsRoot = runsRoot;
        this.runsPanel = new RunsPanel(runsRoot);

        timeline.setBlockIncrement(1);
        timeline.setMajorTickUnit(1);
        timeline.setSnapToTicks(true);
        timeline.valueProperty().addListener((o, a, b) -> showOpenedFrame());
        HBox.setHgrow(timeline, Priority.ALWAYS);
        Label frameLabel = new Label("Frame");
        frameLabel.setMinWidth(Region.USE_PREF_SIZE);
        timelineLabel.setMinWidth(Region.USE_PREF_SIZE);
        timeline.setMinWidth(60);
        timelineBox = new HBox(8, frameLabel, timeline, timelineLabel);
        timelineBox.getStyleClass().add("timeline");
        showTimeline(false);

        root.setTop(new VBox(toolbar()));
        root.setLeft(leftPanel());
        root.setCenter(center());
        root.setBottom(statusBar);
        root.getStyleClass().add("studio-root");

        liveEdits.onEdit((key, value) -> {
            if (session != null) {
                session.control().edit(key, value);
            }
        });
        form.addListener(m -> updateButtons());
        loadPresetList();
        // Open on a preset that trains in minutes on a CPU, not on bare defaults.
        if (!presetBox.getItems().isEmpty()) {
            presetBox.setValue(presetBox.getItems().contains(FIRST_PRESET) ? FIRST_PRESET : presetBox.getItems().get(0));
        }
        updateButtons();
        UiTicker.start(this::tick);
    }

    public BorderPane getRoot() {
        return root;
    }

    /** The live run's newest frame that a tick has put on screen, or null: what the UI test compares. */
    public Frame liveFrame() {
        return liveFrame;
    }

    public void installShortcuts(Scene scene, BooleanSupplier visible) {
        PlaybackShortcuts.install(scene, visible, pause, this::togglePause, step, this::stepOnce);
        PlaybackShortcuts.add(scene, visible, STEP_CRITIC_KEY, stepCritic, this::stepCriticOnce);
        PlaybackShortcuts.add(scene, visible, SAVE_CHECKPOINT_KEY, saveCheckpoint, this::saveCheckpoint);
        PlaybackShortcuts.add(scene, () -> visible.getAsBoolean() && follower.isFollowing(),
                new KeyCodeCombination(KeyCode.ESCAPE), follower.panel().closeButton(), follower::stop);
        // Ctrl and the "+" key whether or not it needs Shift on this keyboard, or the keypad's.
        for (KeyCode k : List.of(KeyCode.PLUS, KeyCode.EQUALS, KeyCode.ADD)) {
            PlaybackShortcuts.add(scene, visible, zoomKey(k), image.zoomInButton(), image::zoomIn);
        }
        for (KeyCode k : List.of(KeyCode.MINUS, KeyCode.SUBTRACT)) {
            PlaybackShortcuts.add(scene, visible, zoomKey(k), image.zoomOutButton(), image::zoomOut);
        }
        for (KeyCode k : List.of(KeyCode.DIGIT0, KeyCode.NUMPAD0)) {
            PlaybackShortcuts.add(scene, visible, zoomKey(k), image.zoomFitButton(), image::fit);
        }
    }

    private static KeyCombination zoomKey(KeyCode k) {
        return new KeyCodeCombination(k, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY);
    }

    /** The demo's --follow: follow this cell of the grid once one is on screen. */
    public void followWhenShown(int index) {
        followWhenShown = index;
    }

    /** The demo's --zoom: screen pixels per picture pixel, 0 = fit. */
    public void setZoom(double zoom) {
        image.setZoom(zoom);
    }

    /** Where a classifier run picked in the Runs tab goes (the classifier view). */
    public void onClassifierRun(Consumer<Path> onClassifierRun) {
        this.onClassifierRun = onClassifierRun;
    }

    /** The line above the picture that says what is on screen ("Viewing: RUN (status)"), for a test. */
    public String viewingText() {
        return viewing.getText();
    }

    /** Where "New study…" sends the form's config and preset (the Sweeps tab's dialog). */
    public void onNewStudy(BiConsumer<RunConfig, String> onNewStudy) {
        this.onNewStudy = onNewStudy;
    }

    /** The setup's config, for a study started from the Sweeps tab; meaningful when setupProblem() is null. */
    public RunConfig setupConfig() {
        return form.getConfig();
    }

    public String setupPreset() {
        return presetBox.getValue() == null ? "" : presetBox.getValue();
    }

    /** Why the setup cannot start (a study neither), or null. */
    public String setupProblem() {
        return form.firstProblem();
    }

    /** Where "Paired experiment…" sends the form's config and preset (the Compare tab). */
    public void onPairedExperiment(BiConsumer<RunConfig, String> onPairedExperiment) {
        this.onPairedExperiment = onPairedExperiment;
    }

    private ToolBar toolbar() {
        start.setTooltip(new Tooltip("Start training with the settings on the left"));
        pause.setTooltip(new Tooltip("Pause or resume (Space)"));
        step.setTooltip(new Tooltip("One generator iteration while paused (S)"));
        stepCritic.setTooltip(new Tooltip("One critic iteration only, while paused ("
                + STEP_CRITIC_KEY.getDisplayText() + "): updates D, not G; the critic's outputs, heatmap and "
                + "iteration count move"));
        saveCheckpoint.setTooltip(new Tooltip("Write a checkpoint now (" + SAVE_CHECKPOINT_KEY.getDisplayText()
                + "); while running, after the current step. It shows in the events list."));
        stop.setTooltip(new Tooltip("Stop: finish the step, write a checkpoint and the summary"));
        start.getStyleClass().add("start-button");
        stop.getStyleClass().add("stop-button");
        start.setOnAction(e -> startTraining());
        pause.setOnAction(e -> togglePause());
        step.setOnAction(e -> stepOnce());
        stepCritic.setOnAction(e -> stepCriticOnce());
        saveCheckpoint.setOnAction(e -> saveCheckpoint());
        stop.setOnAction(e -> stopTraining());
        for (Button b : List.of(start, pause, step, stepCritic, saveCheckpoint, stop)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setFocusTraversable(false); // Space must reach the shortcut, not press a focused button
        }
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        viewing.getStyleClass().add("viewing");
        ToolBar bar = new ToolBar(start, pause, step, stepCritic, saveCheckpoint, stop,
                new Separator(Orientation.VERTICAL));
        bar.getItems().addAll(recordControl.controls());
        bar.getItems().addAll(new Separator(Orientation.VERTICAL), viewing, grow);
        return bar;
    }

    private TabPane leftPanel() {
        presetBox.setMaxWidth(Double.MAX_VALUE);
        presetBox.setPromptText("preset");
        presetBox.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                loadPreset(b);
            }
        });
        HBox.setHgrow(presetBox, Priority.ALWAYS);
        Button save = new Button("Save as preset…");
        save.setOnAction(e -> saveAsPreset());
        save.setMinWidth(Region.USE_PREF_SIZE);
        Button pair = new Button("Paired experiment…");
        pair.setTooltip(new Tooltip("Train this setup and its WGAN twin (a WGAN's: its GAN twin) side by side in the "
                + "Compare tab: same seed, data order and fixed noise"));
        pair.setOnAction(e -> {
            if (form.canStart()) {
                onPairedExperiment.accept(form.getConfig(), presetBox.getValue() == null ? "" : presetBox.getValue());
            } else {
                showBanner("cannot pair: " + form.firstProblem());
            }
        });
        Button study = new Button("New study…");
        study.setTooltip(new Tooltip("A study of this setup: keys to vary, their values and seeds, run on this "
                + "machine or on Slurm; watched in the Sweeps tab"));
        study.setMinWidth(Region.USE_PREF_SIZE);
        study.setOnAction(e -> {
            if (form.canStart()) {
                onNewStudy.accept(form.getConfig(), presetBox.getValue() == null ? "" : presetBox.getValue());
            } else {
                showBanner("cannot start a study from this setup: " + form.firstProblem());
            }
        });
        pair.setMinWidth(Region.USE_PREF_SIZE);
        // three buttons do not fit a narrow setup panel on one line: they wrap rather than cut their names
        FlowPane buttons = new FlowPane(8, 6, save, pair, study);
        HBox presetRow = new HBox(8, new Label("Preset"), presetBox);
        presetRow.getStyleClass().add("preset-row");
        formProblem.getStyleClass().add("error-text");
        formProblem.setWrapText(true);
        ScrollPane scroll = new ScrollPane(formView);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox setup = new VBox(8, presetRow, scroll, formProblem, buttons);
        setup.getStyleClass().add("setup-panel");
        setup.setPadding(new Insets(8));

        runsPanel.setPadding(new Insets(8));
        runsPanel.setSpacing(8);
        runsPanel.onOpen(this::openRun);

        TabPane tabs = new TabPane(new Tab("Setup", setup), new Tab("Runs", runsPanel));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setPrefWidth(400);
        tabs.setMinWidth(260);
        tabs.getStyleClass().add("left-tabs");
        return tabs;
    }

    private VBox center() {
        events.setPrefHeight(120);
        events.setPlaceholder(new Label("Live edits and checkpoints appear here"));
        events.getStyleClass().add("events");
        VBox.setVgrow(image, Priority.ALWAYS);
        // Clicking the picture or the charts leaves any text field, so Space and S work as shortcuts.
        image.setOnMousePressed(e -> image.requestFocus());
        image.onPixelClicked(this::gridClicked);
        charts.setOnMousePressed(e -> charts.requestFocus());
        VBox imageColumn = new VBox(6, image, follower.panel(), timelineBox, liveEdits, events);
        imageColumn.getStyleClass().add("image-column");
        imageColumn.setPadding(new Insets(6));
        SplitPane split = new SplitPane(imageColumn, charts);
        split.setDividerPositions(0.45);
        VBox.setVgrow(split, Priority.ALWAYS);
        return new VBox(banner, split);
    }

    // ---- presets and the form

    private void loadPresetList() {
        List<String> names = PresetsByTask.names(presets, "gan");
        presetBox.getItems().setAll(names);
        if (names.isEmpty()) {
            showBanner("no presets found in " + presets.getDir().toAbsolutePath()
                    + "; run from the project folder or set -Dganstudio.models=DIR");
        }
    }

    public void selectPreset(String name) {
        if (!presetBox.getItems().contains(name)) {
            throw new UserError("no GAN preset '" + name + "'; there are: " + String.join(", ", presetBox.getItems()));
        }
        presetBox.setValue(name);
    }

    private void loadPreset(String name) {
        try {
            form.load(presets.load(name));
            formView.refreshFromModel();
            hideBanner();
        } catch (UserError e) {
            showBanner(e.getMessage());
        }
    }

    /** Types a value into the form, as a person would (the demo lowers steps). */
    public void setField(String key, String text) {
        formView.type(key, text);
    }

    private void saveAsPreset() {
        if (!form.canStart()) {
            showBanner("cannot save: " + form.firstProblem());
            return;
        }
        TextInputDialog dialog = new TextInputDialog(presetBox.getValue() == null ? "my-preset"
                : presetBox.getValue() + "-copy");
        dialog.setTitle("Save as preset");
        dialog.setHeaderText("Save the current settings into " + presets.getDir().toAbsolutePath());
        dialog.setContentText("Preset name:");
        dialog.initOwner(root.getScene().getWindow());
        Optional<String> name = dialog.showAndWait().map(String::trim).filter(s -> !s.isEmpty());
        if (name.isEmpty()) {
            return;
        }
        boolean overwrite = false;
        if (presets.names().contains(name.get())) {
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Preset '" + name.get() + "' exists. Replace it?",
                    ButtonType.OK, ButtonType.CANCEL);
            confirm.initOwner(root.getScene().getWindow());
            if (confirm.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
                return;
            }
            overwrite = true;
        }
        try {
            RunConfig c = form.getConfig();
            presets.save(name.get(), c, overwrite);
            loadPresetList();
            presetBox.setValue(name.get());
        } catch (UserError e) {
            showBanner(e.getMessage());
        }
    }

    // ---- training

    private boolean isActive() {
        return session != null && feed != null && !feed.isFinished();
    }

    public void startTraining() {
        if (isActive() || !form.canStart()) {
            return;
        }
        hideBanner();
        RunConfig config = StudioThreads.resolve(form.getConfig(), 1);
        GanRunFeed newFeed = new GanRunFeed();
        try {
            session = GanSession.create(config, runsRoot, presetBox.getValue() == null ? "" : presetBox.getValue());
        } catch (UserError e) {
            showBanner(e.getMessage());
            return;
        }
        feed = newFeed;
        finishHandled = false;
        session.addListener(feed);
        recordControl.attach(session, feed);
        liveStore = new MetricsStore();
        charts.setStore(liveStore);
        liveImage = null;
        image.show(null, "");
        events.getItems().clear();
        liveEdits.load(config);
        closeOpenedRun();
        follower.stop();
        liveNoiseBank = config.getInt("log.noiseBank");
        liveLayout = null;
        liveGrid = null;
        liveReadout = null;
        showLiveExtras();
        viewing.setText("Live: " + (presetBox.getValue() == null ? config.getString("name") : presetBox.getValue()));
        statusBar.showRun("starting…", "");
        statusBar.clearProgress();
        statusBar.showStatus("starting (loading data, building networks)");
        liveStartNanos = System.nanoTime();
        liveEndNanos = 0;
        session.start();
        // Take the keyboard out of the form, so Space and S reach the shortcuts at once.
        image.requestFocus();
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

    private void stepCriticOnce() {
        if (isActive() && session.control().isPaused()) {
            session.control().stepCritic();
        }
    }

    private void saveCheckpoint() {
        if (isActive() && feed.isStarted()) {
            session.control().requestCheckpoint();
        }
    }

    private void stopTraining() {
        if (isActive()) {
            session.control().stop();
            statusBar.showStatus("stopping (checkpoint, summary)");
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
        stepCritic.setDisable(!paused);
        saveCheckpoint.setDisable(!active || !feed.isStarted() || session.control().isStopRequested());
        stop.setDisable(!active || session.control().isStopRequested());
        liveEdits.setActive(active && feed.isStarted());
        String problem = form.firstProblem();
        formProblem.setText(problem == null ? "" : "Start is disabled: " + problem);
        formProblem.setVisible(problem != null);
        formProblem.setManaged(problem != null);
    }

    /** One UI frame: drain the feed into the store, the image, the events and the status line. */
    private void tick() {
        if (feed != null && liveStore != null) {
            List<StepMetrics> rows = feed.drainMetrics();
            if (!rows.isEmpty()) {
                liveStore.appendAll(rows);
            }
            for (RunDirectory.Event e : feed.drainEvents()) {
                events.getItems().add("step " + e.step() + ": " + e.text());
                events.scrollTo(events.getItems().size() - 1);
                if (!e.text().startsWith("checkpoint")) {
                    charts.addMarker(e.step());
                }
            }
            Frame f = feed.takeFrame();
            if (f != null) {
                liveFrame = f;
                liveImage = FrameImages.toImage(f, liveImage);
                liveCaption = "step " + f.step() + (f.isTwoDimensional()
                        ? "   generated points (black) over the critic (blue low, orange high)" : "");
                noteLiveFrame(f);
                if (openedRun == null) { // an opened run keeps the picture until "Close run"
                    image.show(liveImage, liveCaption);
                    showLiveExtras();
                    follower.onLiveFrame(f);
                    followIfAsked(liveLayout, liveGrid);
                }
            }
            updateStatus();
        }
        growOpenedTimeline();
        charts.redrawIfDue(false);
        if (recordWhenStarted != null && feed != null && feed.isStarted()) {
            recordControl.start(recordWhenStarted);
            recordWhenStarted = null;
        }
        // Last, so a dashboard snapshot shows this tick's picture and charts.
        recordControl.tick();
    }

    /** The demo's --record: start recording as soon as the run directory exists. */
    public void recordWhenStarted(RecordControl.Source what) {
        recordWhenStarted = what;
    }

    private void updateStatus() {
        if (feed.isFinished() && liveEndNanos == 0) {
            liveEndNanos = System.nanoTime(); // the clock stops with the run
        }
        if (feed.isStarted()) {
            statusBar.showRun(String.valueOf(feed.getRunDir()), feed.getDevice() + "  " + feed.getData());
            StepMetrics m = feed.getLastMetrics();
            double elapsed = ((feed.isFinished() ? liveEndNanos : System.nanoTime()) - liveStartNanos) / 1e9;
            if (m != null) {
                long done = m.step() - feed.getFirstStep();
                double eta = done > 0 ? elapsed / done * (feed.getTotalSteps() - m.step()) : Double.NaN;
                statusBar.showProgress(m.step(), feed.getTotalSteps(), m.criticIterations(), m.samplesPerSecond(),
                        elapsed, feed.isFinished() ? Double.NaN : eta);
            }
        }
        if (feed.isFinished() && !finishHandled) {
            finishHandled = true;
            String status = feed.getFinishedStatus();
            if (!feed.isStarted()) {
                statusBar.showRun("no run directory (stopped before training began)", "");
            }
            statusBar.showStatus(status);
            if ("failed".equals(status)) {
                showBanner("Training failed: " + feed.getFinishedReason()
                        + (feed.getRunDir() != null ? "   (the run so far stays in " + feed.getRunDir() + ")" : ""));
            }
            runsPanel.refresh();
            updateButtons();
        } else if (!feed.isFinished()) {
            if (feed.isStarted()) {
                statusBar.showStatus(session.control().isPaused() ? "paused"
                        : session.control().isStopRequested() ? "stopping" : "running");
            }
            updateButtons();
        }
    }

    /** The run this view trains, if any, for closing the studio ({@link StudioShutdown} stops and waits). */
    public List<TrainingRun> trainingRuns() {
        return isActive() ? List.of(new TrainingRun("GAN \u00b7 " + TrainingRun.nameOf(session), session)) : List.of();
    }

    /**
     * The window is going away: a run still training (closing normally waited for it in {@link StudioShutdown})
     * is told to stop without its end-of-run evaluation, and a recording is finished off the FX thread (its
     * file is completed before the JVM exits). Never waits: this runs on the FX thread.
     */
    public void shutdown() {
        if (isActive()) {
            session.control().stopForExit();
        }
        recordControl.shutdown();
    }

    // ---- watching: the followed cell, zoom, the 2D mode coverage

    private void noteLiveFrame(Frame f) {
        if (f.isTwoDimensional()) {
            ModeReadout m = ModeReadout.of(f);
            liveReadout = m == null ? null : m.text();
        } else {
            liveGrid = f;
            if (liveLayout == null || liveLayout.width() != f.width() || liveLayout.height() != f.height()) {
                liveLayout = ImageGrid.layoutOf(liveNoiseBank, f.width(), f.height());
            }
        }
    }

    private void showLiveExtras() {
        image.setReadout(liveReadout, MODES_HINT);
        image.setClickHint(liveLayout != null ? FOLLOW_HINT : null);
    }

    private void gridClicked(int px, int py) {
        boolean opened = openedRun != null;
        ImageGrid.Layout layout = opened ? openedLayout : liveLayout;
        Image shown = image.getImage();
        if (layout == null || shown == null || shown.getWidth() != layout.width()
                || shown.getHeight() != layout.height()) {
            return; // the 2D view, or a picture that is not this grid
        }
        int cell = layout.cellAt(px, py);
        if (cell < 0) {
            return;
        }
        if (opened) {
            follower.click(cell, layout, openedRun.getPath(), null, openedStep);
        } else {
            follower.click(cell, layout, feed == null ? null : feed.getRunDir(), liveGrid, 0);
        }
    }

    private void followIfAsked(ImageGrid.Layout layout, Frame liveFrame) {
        if (followWhenShown < 0 || layout == null) {
            return;
        }
        int index = Math.min(followWhenShown, layout.count() - 1);
        followWhenShown = -1;
        if (openedRun != null) {
            follower.start(index, layout, openedRun.getPath(), null, openedStep);
        } else {
            follower.start(index, layout, feed == null ? null : feed.getRunDir(), liveFrame, 0);
        }
    }

    // ---- opened runs (read-only)

    public void openRun(Path dir) {
        Thread t = new Thread(() -> {
            try {
                if ("classifier".equals(RunListing.taskOf(dir))) {
                    Platform.runLater(() -> onClassifierRun.accept(dir));
                    return;
                }
                RunDirectory run = RunDirectory.open(dir);
                MetricsStore store = new MetricsStore();
                store.appendAll(run.readMetrics());
                List<Long> frames = run.frameSteps();
                List<RunDirectory.Event> events = run.readEvents();
                String status = RunListing.row(dir).status();
                String reason = run.readSummary().has("reason") ? run.readSummary().get("reason").getAsString() : "";
                RunConfig config = run.readConfig();
                Optional<Mixture2D> mixture = TrainingData.mixture(config);
                Map<Long, ModeReadout> modes = run.readModes();
                // A saved PNG does not say its cell size: the newest frame's size and the bank's give the grid.
                ImageGrid.Layout layout = null;
                if (mixture.isEmpty() && !frames.isEmpty()) {
                    try {
                        Frame newest = run.readFrame(frames.get(frames.size() - 1));
                        layout = ImageGrid.layoutOf(config.getInt("log.noiseBank"), newest.width(), newest.height());
                    } catch (UserError e) {
                        // an unreadable picture: the run opens, its cells cannot be followed
                    }
                }
                ImageGrid.Layout grid = layout;
                Platform.runLater(() -> {
                    openedLayout = grid;
                    openedModes = modes;
                    openedScoresModes = mixture.map(Mixture2D::hasModes).orElse(false);
                    showOpenedRun(run, store, frames, status, reason);
                    for (RunDirectory.Event e : events) {
                        if (!e.text().startsWith("checkpoint")) {
                            charts.addMarker(e.step());
                        }
                    }
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> showBanner(dir + ": cannot open (" + e.getMessage() + ")"));
            }
        }, "open-run");
        t.setDaemon(true);
        t.start();
    }

    private void showOpenedRun(RunDirectory run, MetricsStore store, List<Long> frames, String status, String reason) {
        follower.stop();
        openedRun = run;
        openedFrameSteps = frames;
        image.setClickHint(openedLayout != null ? FOLLOW_HINT : null);
        charts.setStore(store);
        viewing.setText("Viewing: " + run.getName() + " (" + status + ")"
                + (isActive() ? "   training continues in the background" : ""));
        if ("failed".equals(status) && !reason.isEmpty()) {
            showBanner("This run failed: " + reason);
        } else {
            hideBanner();
        }
        showTimeline(true);
        timeline.setMin(0);
        timeline.setMax(Math.max(0, frames.size() - 1));
        timeline.setDisable(frames.size() < 2);
        if (timeline.getValue() == frames.size() - 1) {
            showOpenedFrame();
        } else {
            timeline.setValue(Math.max(0, frames.size() - 1));
        }
        if (frames.isEmpty()) {
            image.show(null, "");
            image.setReadout(null, null);
        }
        followIfAsked(openedLayout, null);
    }

    private void showOpenedFrame() {
        if (openedRun == null || openedFrameSteps.isEmpty()) {
            return;
        }
        int i = (int) Math.round(timeline.getValue());
        i = Math.max(0, Math.min(openedFrameSteps.size() - 1, i));
        long s = openedFrameSteps.get(i);
        showTimelinePosition(i);
        // Loaded in the background by JavaFX itself: scrubbing never blocks on disk.
        Image img = new Image(openedRun.framePath(s).toUri().toString(), true);
        image.show(img, "step " + s);
        openedStep = s;
        ModeReadout modes = openedModes.get(s);
        image.setReadout(modes != null ? modes.text() : openedScoresModes ? ModeReadout.UNKNOWN : null,
                modes != null ? MODES_HINT : "This run's frames were saved without their points' mode coverage");
        follower.showStep(s);
    }

    private void showTimelinePosition(int i) {
        timelineLabel.setText("step " + openedFrameSteps.get(i) + "  (" + (i + 1) + "/" + openedFrameSteps.size()
                + ")");
    }

    /**
     * An opened run that is still training (here, or by the CLI): every 2 s its timeline takes in the frames
     * saved since, following them when the slider sits on the newest.
     */
    private void growOpenedTimeline() {
        long now = System.nanoTime();
        if (openedRun == null || timelineLookPending || now - lastTimelineLook < 2_000_000_000L) {
            return;
        }
        lastTimelineLook = now;
        timelineLookPending = true;
        RunDirectory run = openedRun;
        // The summary and the samples/ listing are file reads: off the FX thread, so a slow disk never stalls it.
        Thread t = new Thread(() -> {
            List<Long> saved = null;
            boolean training = true;
            try {
                JsonObject summary = run.readSummary();
                training = summary.has("status") && "running".equals(summary.get("status").getAsString());
            } catch (UserError e) {
                // caught mid-write: take only the frames that are surely complete
            }
            try {
                saved = run.frameSteps();
            } catch (RuntimeException e) {
                // the folder went away or is unreadable for now: look again next time
            }
            List<Long> steps = saved;
            boolean stillTraining = training;
            Platform.runLater(() -> {
                timelineLookPending = false;
                if (steps != null && run == openedRun) {
                    growTimeline(steps, stillTraining);
                }
            });
        }, "timeline-look");
        t.setDaemon(true);
        t.start();
    }

    private void growTimeline(List<Long> saved, boolean training) {
        List<Long> grown = TimelineSteps.grown(openedFrameSteps, saved, training);
        if (grown == null) {
            return;
        }
        boolean follow = TimelineSteps.atNewest(timeline.getValue(), openedFrameSteps.size());
        openedFrameSteps = grown;
        timeline.setMax(grown.size() - 1);
        timeline.setDisable(grown.size() < 2);
        if (follow) {
            timeline.setValue(grown.size() - 1); // shows it through the slider's listener
        } else {
            showTimelinePosition((int) Math.round(timeline.getValue())); // the count grew, the picture stays
        }
    }

    private void backToLive() {
        closeOpenedRun();
        hideBanner();
        if (liveStore != null) {
            charts.setStore(liveStore);
            image.show(liveImage, liveCaption);
            viewing.setText("Live");
        } else {
            charts.setStore(new MetricsStore());
            image.show(null, "");
            viewing.setText("");
        }
        showLiveExtras();
    }

    private void closeOpenedRun() {
        if (openedRun != null) {
            follower.stop();
        }
        openedRun = null;
        openedLayout = null;
        openedModes = Map.of();
        openedScoresModes = false;
        openedFrameSteps = List.of();
        showTimeline(false);
    }

    private void showTimeline(boolean show) {
        timelineBox.setVisible(show);
        timelineBox.setManaged(show);
        if (show && timelineBox.getChildren().size() == 3) {
            Button back = new Button("Close run");
            back.setMinWidth(Region.USE_PREF_SIZE);
            back.setTooltip(new Tooltip("Back to the live run (or an empty view when none is running)"));
            back.setOnAction(e -> backToLive());
            timelineBox.getChildren().add(back);
        }
    }

    // ---- the banner

    public void showBanner(String text) {
        banner.show(text);
    }

    private void hideBanner() {
        banner.hide();
    }
}
