package ganstudio.ui.gan;

import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.media.Frame;
import ganstudio.media.ImageGrid;
import ganstudio.metrics.EvaluationScores;
import ganstudio.metrics.ModeReadout;
import ganstudio.metrics.StepMetrics;
import ganstudio.runs.RunDirectory;
import ganstudio.train.gan.GanSession;
import ganstudio.ui.common.Background;
import ganstudio.ui.common.ChartsPanel;
import ganstudio.ui.common.ErrorBanner;
import ganstudio.ui.common.EvaluationPanel;
import ganstudio.ui.common.LiveEditPanel;
import ganstudio.ui.common.MetricsStore;
import ganstudio.ui.common.PixelImagePane;
import ganstudio.ui.common.PlaybackShortcuts;
import ganstudio.ui.common.Shortcuts;
import ganstudio.ui.common.RunListing;
import ganstudio.ui.common.RunsPanel;
import ganstudio.ui.common.SetupAndRunsTabs;
import ganstudio.ui.common.SetupPanel;
import ganstudio.ui.common.StatusBar;
import ganstudio.ui.common.UiTicker;
import ganstudio.ui.session.LiveRun;
import ganstudio.ui.session.SessionButtons;
import ganstudio.ui.session.StudioThreads;
import ganstudio.ui.session.TrainingRun;
import ganstudio.config.ConfigSchema;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The GAN studio: setup on the left, the live (or opened) run in the middle, charts on the right, toolbar on
 * top, status at the bottom. Everything here runs on the FX thread; training results arrive through a
 * {@link GanRunFeed} drained by one {@link UiTicker} (at most 30 times a second).
 */
public final class GanView {

    private static final String MODES_HINT = "The generated points of this frame (the fixed noise bank) scored "
            + "as in the unrolled-GAN / VEEGAN / PacGAN papers: a point is high quality within 3σ of its nearest "
            + "mode; a mode is captured when it is the nearest mode of at least one high-quality point.";
    private static final String FOLLOW_HINT = "Click a cell to follow that z (its noise vector of the fixed bank) "
            + "across the saved frames; click it again or press Esc to stop. Mouse wheel zooms, drag pans.";

    private final Path runsRoot;
    private final ErrorBanner banner = new ErrorBanner();
    private final GanSetup setup = new GanSetup(banner);
    private final StatusBar statusBar = new StatusBar();
    private final LiveRun<GanSession, GanRunFeed> live = new LiveRun<>();
    private final SessionButtons buttons = new SessionButtons(live, this::startTraining,
            () -> statusBar.showStatus("stopping (checkpoint, summary)"), this::updateButtons);
    private final Button stepCritic = new Button("Step critic");
    private final Button saveCheckpoint = new Button("Save checkpoint");
    private final Label viewing = new Label();
    private final PixelImagePane image = new PixelImagePane(true);
    private final CellFollower follower = new CellFollower(image);
    private final FrameTimeline timeline = new FrameTimeline(this::showOpenedFrame, this::backToLive);
    private final EvaluationPanel evaluation = new EvaluationPanel();
    private final ChartsPanel charts = new ChartsPanel();
    private final LiveEditPanel liveEdits = new LiveEditPanel("gan");
    private final ListView<String> events = new ListView<>();
    private final RunsPanel runsPanel;
    private final BorderPane root = new BorderPane();
    private final RecordControl recordControl = new RecordControl(root, statusBar::showRecording, this::showBanner);
    private RecordControl.Source recordWhenStarted;

    private MetricsStore liveStore;
    private final LivePicture livePicture = new LivePicture();
    private GanRunSnapshot opened;
    /** The final evaluation of the run this view trained, once it has ended and its summary was read. */
    private Optional<EvaluationScores> liveEvaluation = Optional.empty();
    private long openedStep;
    private int followWhenShown = -1;
    private Consumer<Path> onClassifierRun = p -> { };

    public GanView(Path runsRoot) {
        this.runsRoot = runsRoot;
        this.runsPanel = new RunsPanel(runsRoot);

        root.setTop(new VBox(toolbar()));
        root.setLeft(new SetupAndRunsTabs(setup, runsPanel, this::openRun));
        root.setCenter(center());
        root.setBottom(statusBar);
        root.getStyleClass().add("studio-root");

        liveEdits.onEdit(live::edit);
        setup.onChange(this::updateButtons);
        setup.loadPresetList();
        updateButtons();
        UiTicker.start(this::tick);
    }

    /** The Setup tab: what a run or a study starts from, and what the studio's start-up fills in. */
    public SetupPanel setup() {
        return setup;
    }

    public BorderPane getRoot() {
        return root;
    }

    /** The live run's newest frame that a tick has put on screen, or null: what the UI test compares. */
    public Frame liveFrame() {
        return livePicture.frame();
    }

    public void installShortcuts(Scene scene, BooleanSupplier visible) {
        buttons.installShortcuts(scene, visible);
        PlaybackShortcuts.add(scene, visible, Shortcuts.STEP_CRITIC, stepCritic, live::stepCritic);
        PlaybackShortcuts.add(scene, visible, Shortcuts.CHECKPOINT, saveCheckpoint, live::requestCheckpoint);
        PlaybackShortcuts.add(scene, visible, Shortcuts.RECORD, recordControl.button(), recordControl.button()::fire);
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

    /** Where "Paired experiment…" sends the form's config and preset (the Compare tab). */
    public void onPairedExperiment(BiConsumer<RunConfig, String> onPairedExperiment) {
        setup.onPairedExperiment(onPairedExperiment);
    }

    private ToolBar toolbar() {
        buttons.setTooltips("Start training with the settings on the left",
                "One generator iteration while paused",
                "Stop: finish the step, write a checkpoint and the summary");
        stepCritic.setTooltip(new Tooltip("One critic iteration only, while paused ("
                + Shortcuts.STEP_CRITIC.getDisplayText() + "): updates D, not G; the critic's outputs, heatmap and "
                + "iteration count move"));
        saveCheckpoint.setTooltip(new Tooltip("Write a checkpoint now (" + Shortcuts.CHECKPOINT.getDisplayText()
                + "); while running, after the current step. It shows in the events list."));
        stepCritic.setOnAction(e -> live.stepCritic());
        saveCheckpoint.setOnAction(e -> live.requestCheckpoint());
        SessionButtons.forToolbar(stepCritic, saveCheckpoint);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        viewing.getStyleClass().add("viewing");
        ToolBar bar = new ToolBar(buttons.start(), buttons.pause(), buttons.step(), stepCritic, saveCheckpoint,
                buttons.stop(), new Separator(Orientation.VERTICAL));
        bar.getItems().addAll(recordControl.controls());
        bar.getItems().addAll(new Separator(Orientation.VERTICAL), viewing, grow);
        return bar;
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
        VBox imageColumn = new VBox(6, image, follower.panel(), timeline.box(), evaluation, liveEdits, events);
        imageColumn.getStyleClass().add("image-column");
        imageColumn.setPadding(new Insets(6));
        SplitPane split = new SplitPane(imageColumn, charts);
        split.setDividerPositions(0.45);
        VBox.setVgrow(split, Priority.ALWAYS);
        return new VBox(banner, split);
    }

    // ---- training

    public void startTraining() {
        if (live.isActive() || !setup.canStart()) {
            return;
        }
        hideBanner();
        setup.keepRunSettings(); // Start on an opened run's settings trains them, as "Train again" does
        RunConfig config = StudioThreads.resolve(setup.getConfig(), 1);
        String preset = setup.presetName();
        GanSession session;
        try {
            session = GanSession.create(config, runsRoot, preset);
        } catch (UserError e) {
            showBanner(e.getMessage());
            return;
        }
        attachAndStart(session, config, preset.isEmpty() ? config.getString(ConfigSchema.NAME) : preset);
    }

    /** "Resume" on an opened run: it trains on in this window from its latest checkpoint, to its length. */
    private void resumeRun(Path dir) {
        String problem = live.isActive() ? "a run is training in this window; stop it first" : null;
        GanSession session = null;
        if (problem == null) {
            try {
                session = GanSession.resume(dir);
            } catch (UserError e) {
                problem = e.getMessage();
            }
        }
        if (problem != null) {
            showBanner("cannot resume " + dir.getFileName() + ": " + problem);
            return;
        }
        hideBanner();
        setup.leaveRunSettings();
        attachAndStart(session, session.getConfig(), dir.getFileName() + " (resumed)");
    }

    private void attachAndStart(GanSession session, RunConfig config, String label) {
        GanRunFeed feed = new GanRunFeed();
        session.addListener(feed);
        live.attach(session, feed);
        recordControl.attach(session, feed);
        liveStore = new MetricsStore();
        charts.setStore(liveStore);
        image.show(null, "");
        events.getItems().clear();
        liveEvaluation = Optional.empty();
        evaluation.clear();
        liveEdits.load(config);
        closeOpenedRun();
        follower.stop();
        livePicture.reset(config.getInt(ConfigSchema.LOG_NOISE_BANK));
        showLiveExtras();
        viewing.setText("Live: " + label);
        statusBar.showRun("starting…", "");
        statusBar.clearProgress();
        statusBar.showStatus("starting (loading data, building networks)");
        live.start();
        // Take the keyboard out of the form, so Space and S reach the shortcuts at once.
        image.requestFocus();
        updateButtons();
    }

    private void updateButtons() {
        buttons.update(setup.canStart());
        boolean paused = live.isPaused();
        boolean started = live.isActive() && live.feed().isStarted();
        stepCritic.setDisable(!paused);
        saveCheckpoint.setDisable(!started || live.isStopRequested());
        liveEdits.setActive(started);
    }

    /** One UI frame: drain the feed into the store, the image, the events and the status line. */
    private void tick() {
        GanRunFeed feed = live.feed();
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
                livePicture.take(f);
                if (opened == null) { // an opened run keeps the picture until "Close run"
                    image.show(livePicture.image(), livePicture.caption());
                    showLiveExtras();
                    follower.onLiveFrame(f);
                    followIfAsked(livePicture.layout(), livePicture.grid());
                }
            }
            updateStatus(feed);
        }
        timeline.lookForNewFrames();
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

    private void updateStatus(GanRunFeed feed) {
        double elapsed = live.elapsedSeconds();
        if (feed.isStarted()) {
            statusBar.showRun(String.valueOf(feed.getRunDir()), feed.getDevice() + "  " + feed.getData());
            StepMetrics m = feed.getLastMetrics();
            if (m != null) {
                long done = m.step() - feed.getFirstStep();
                double eta = done > 0 ? elapsed / done * (feed.getTotalSteps() - m.step()) : Double.NaN;
                statusBar.showProgress(m.step(), feed.getTotalSteps(), m.criticIterations(), m.samplesPerSecond(),
                        elapsed, feed.isFinished() ? Double.NaN : eta);
            }
        }
        if (live.takeEnd()) {
            String status = feed.getFinishedStatus();
            if (!feed.isStarted()) {
                statusBar.showRun("no run directory (stopped before training began)", "");
            }
            statusBar.showStatus(status);
            if ("failed".equals(status)) {
                showBanner(live.failedText(feed.getRunDir()));
            } else if (feed.isStarted()) {
                showLiveEvaluation(feed.getRunDir());
            }
            runsPanel.refresh();
            updateButtons();
        } else if (!feed.isFinished()) {
            if (feed.isStarted()) {
                statusBar.showStatus(live.runningStatus("stopping", "running"));
            }
            updateButtons();
        }
    }

    /** Reads the ended run's evaluation from its summary (off the FX thread) and shows it unless a run is opened. */
    private void showLiveEvaluation(Path dir) {
        Background.run("read-evaluation", () -> RunDirectory.open(dir).readEvaluation(), scores -> {
            liveEvaluation = scores;
            if (opened == null) {
                evaluation.show(scores);
            }
        }, e -> showBanner(dir + ": cannot read its evaluation (" + e.getMessage() + ")"));
    }

    /** The scores under the picture, "name: value" each after the heading; empty while none is shown. */
    public List<String> evaluationText() {
        return evaluation.shownText();
    }

    /** The run this view trains, if any, for closing the studio (which stops it and waits). */
    public List<TrainingRun> trainingRuns() {
        return live.trainingRuns("GAN", TrainingRun.GAN);
    }

    /**
     * The window is going away: a run still training (closing normally waited for it) is told to stop without
     * its end-of-run evaluation, and a recording is finished off the FX thread (its file is completed before the
     * JVM exits). Never waits: this runs on the FX thread.
     */
    public void shutdown() {
        live.stopForExit();
        recordControl.shutdown();
    }

    // ---- watching: the followed cell, zoom, the 2D mode coverage

    private void showLiveExtras() {
        image.setReadout(livePicture.readout(), MODES_HINT);
        image.setClickHint(livePicture.layout() != null ? FOLLOW_HINT : null);
    }

    private void gridClicked(int px, int py) {
        ImageGrid.Layout layout = opened != null ? opened.layout() : livePicture.layout();
        Image shown = image.getImage();
        if (layout == null || shown == null || shown.getWidth() != layout.width()
                || shown.getHeight() != layout.height()) {
            return; // the 2D view, or a picture that is not this grid
        }
        int cell = layout.cellAt(px, py);
        if (cell < 0) {
            return;
        }
        if (opened != null) {
            follower.click(cell, layout, opened.run().getPath(), null, openedStep);
        } else {
            follower.click(cell, layout, liveRunDir(), livePicture.grid(), 0);
        }
    }

    private void followIfAsked(ImageGrid.Layout layout, Frame liveFrame) {
        if (followWhenShown < 0 || layout == null) {
            return;
        }
        int index = Math.min(followWhenShown, layout.count() - 1);
        followWhenShown = -1;
        if (opened != null) {
            follower.start(index, layout, opened.run().getPath(), null, openedStep);
        } else {
            follower.start(index, layout, liveRunDir(), liveFrame, 0);
        }
    }

    private Path liveRunDir() {
        return live.feed() == null ? null : live.feed().getRunDir();
    }

    // ---- opened runs (read-only)

    /** Shows a run read-only, read off the FX thread; a classifier run is handed to the classifier view. */
    public void openRun(Path dir) {
        Background.run("open-run", () -> "classifier".equals(RunListing.taskOf(dir)) ? Optional.<GanRunSnapshot>empty()
                : Optional.of(GanRunSnapshot.read(dir)), snap -> snap.ifPresentOrElse(this::showOpenedRun,
                        () -> onClassifierRun.accept(dir)), e -> showBanner(dir + ": cannot open (" + e.getMessage()
                                + ")"));
    }

    private void showOpenedRun(GanRunSnapshot snap) {
        follower.stop();
        opened = snap;
        setup.showRunSettings(snap.settings().config(), snap.settings().preset(), snap.run().getName(),
                snap.settings().resumeProblem(live.isActive(), snap.run().getPath()),
                this::startTraining, () -> resumeRun(snap.run().getPath()));
        image.setClickHint(snap.layout() != null ? FOLLOW_HINT : null);
        charts.setStore(snap.store());
        viewing.setText("Viewing: " + snap.run().getName() + " (" + snap.status() + ")"
                + (live.isActive() ? "   training continues in the background" : ""));
        if ("failed".equals(snap.status()) && !snap.reason().isEmpty()) {
            showBanner("This run failed: " + snap.reason());
        } else {
            hideBanner();
        }
        timeline.show(snap.run(), snap.frames());
        evaluation.show(snap.evaluation());
        if (snap.frames().isEmpty()) {
            image.show(null, "");
            image.setReadout(null, null);
        }
        followIfAsked(snap.layout(), null);
        for (RunDirectory.Event e : snap.events()) {
            if (!e.text().startsWith("checkpoint")) {
                charts.addMarker(e.step());
            }
        }
    }

    private void showOpenedFrame(long step) {
        // Loaded in the background by JavaFX itself: scrubbing never blocks on disk.
        Image img = new Image(opened.run().framePath(step).toUri().toString(), true);
        image.show(img, "step " + step);
        openedStep = step;
        ModeReadout modes = opened.modes().get(step);
        image.setReadout(modes != null ? modes.text() : opened.scoresModes() ? ModeReadout.UNKNOWN : null,
                modes != null ? MODES_HINT : "This run's frames were saved without their points' mode coverage");
        follower.showStep(step);
    }

    private void backToLive() {
        closeOpenedRun();
        hideBanner();
        if (liveStore != null) {
            charts.setStore(liveStore);
            image.show(livePicture.image(), livePicture.caption());
            viewing.setText("Live");
            evaluation.show(liveEvaluation);
        } else {
            charts.setStore(new MetricsStore());
            image.show(null, "");
            viewing.setText("");
            evaluation.clear();
        }
        showLiveExtras();
    }

    private void closeOpenedRun() {
        if (opened != null) {
            follower.stop();
        }
        opened = null;
        timeline.hide();
        setup.leaveRunSettings();
    }

    // ---- the banner

    public void showBanner(String text) {
        banner.show(text);
    }

    private void hideBanner() {
        banner.hide();
    }
}
