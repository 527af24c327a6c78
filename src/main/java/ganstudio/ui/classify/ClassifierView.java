package ganstudio.ui.classify;

import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.metrics.ClassificationReport;
import ganstudio.metrics.ClassifierMetrics;
import ganstudio.runs.RunDirectory;
import ganstudio.train.classify.ClassifierSession;
import ganstudio.ui.common.Background;
import ganstudio.ui.common.ErrorBanner;
import ganstudio.ui.common.LiveEditPanel;
import ganstudio.ui.common.OpenedRunSettings;
import ganstudio.ui.common.RunListing;
import ganstudio.ui.common.RunsPanel;
import ganstudio.ui.common.SetupAndRunsTabs;
import ganstudio.ui.common.SetupPanel;
import ganstudio.ui.common.StatusBar;
import ganstudio.ui.common.Theme;
import ganstudio.ui.common.UiTicker;
import ganstudio.ui.session.LiveRun;
import ganstudio.ui.session.SessionButtons;
import ganstudio.ui.session.StudioThreads;
import ganstudio.ui.session.TrainingRun;
import ganstudio.config.ConfigSchema;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
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
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The classifier studio: the trick switches on the left (a {@link ConfigFormView} over the classifier's
 * {@link FormLayout}), train/validation loss and accuracy and the learning rate in the middle, the confusion
 * heatmap with per-class accuracy on the right. Same threading as the GAN view: a {@link ClassifierRunFeed}
 * drained by one {@link UiTicker}. A run opened from the Runs tab replaces the charts until "Close run"; the
 * live run keeps training behind it.
 */
public final class ClassifierView {

    private static final String STOPPING = "stopping (checkpoint, test set)";

    private final Path runsRoot;
    private final ErrorBanner banner = new ErrorBanner();
    private final ClassifierSetup setup = new ClassifierSetup(banner);
    private final StatusBar statusBar = new StatusBar();
    private final LiveRun<ClassifierSession, ClassifierRunFeed> live = new LiveRun<>();
    private final SessionButtons buttons = new SessionButtons(live, this::startTraining,
            () -> statusBar.showStatus(STOPPING), this::updateButtons);
    private final Button closeRun = new Button("Close run");
    private final Label viewing = new Label();
    private final ClassifierCharts charts = new ClassifierCharts();
    private final ClassifierResultPanel result = new ClassifierResultPanel();
    private final LiveEditPanel liveEdits = new LiveEditPanel("classifier");
    private final ListView<String> events = new ListView<>();
    private final RunsPanel runsPanel;
    private final BorderPane root = new BorderPane();

    private ClassifierSeries liveSeries;
    private ClassifierResult liveResult = ClassifierResult.idle();
    private final ObservableList<String> liveEvents = FXCollections.observableArrayList();
    private ClassifierRunSnapshot opened;
    private Consumer<Path> onGanRun = p -> { };

    public ClassifierView(Path runsRoot) {
        this.runsRoot = runsRoot;
        this.runsPanel = new RunsPanel(runsRoot);
        root.setTop(toolbar());
        root.setLeft(new SetupAndRunsTabs(setup, runsPanel, this::openRun));
        root.setCenter(center());
        root.setBottom(statusBar);
        root.getStyleClass().addAll("studio-root", "classifier-view");
        liveEdits.onEdit(live::edit);
        setup.onChange(this::updateButtons);
        setup.loadPresetList();
        showIdle();
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

    /** Where a GAN run picked in this view's Runs tab goes (the GAN view). */
    public void onGanRun(Consumer<Path> onGanRun) {
        this.onGanRun = onGanRun;
    }

    public void installShortcuts(Scene scene, BooleanSupplier visible) {
        buttons.installShortcuts(scene, visible);
    }

    public void setTheme(Theme theme) {
        result.setTheme(theme);
    }

    private ToolBar toolbar() {
        buttons.setTooltips("Train the classifier with the settings on the left", "One batch while paused",
                "Stop: finish the batch, write a checkpoint, evaluate on the test set");
        closeRun.setTooltip(new Tooltip("Back to the live run (or an empty view when none is running)"));
        closeRun.setOnAction(e -> backToLive());
        closeRun.setVisible(false);
        closeRun.setManaged(false);
        SessionButtons.forToolbar(closeRun);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        viewing.getStyleClass().add("viewing");
        return new ToolBar(buttons.start(), buttons.pause(), buttons.step(), buttons.stop(),
                new Separator(Orientation.VERTICAL), viewing, grow, closeRun);
    }

    private VBox center() {
        events.setPrefHeight(110);
        events.setMinHeight(60);
        events.setPlaceholder(new Label("Epochs, live edits and checkpoints appear here"));
        events.getStyleClass().add("events");

        charts.setOnMousePressed(e -> charts.requestFocus());
        VBox right = new VBox(6, result, liveEdits, events);
        right.getStyleClass().add("image-column");
        right.setPadding(new Insets(6, 8, 6, 8));
        SplitPane split = new SplitPane(charts, right);
        split.setDividerPositions(0.46);
        VBox.setVgrow(split, Priority.ALWAYS);
        return new VBox(banner, split);
    }

    // ---- training

    public void startTraining() {
        if (live.isActive() || !setup.canStart()) {
            return;
        }
        banner.hide();
        setup.keepRunSettings(); // Start on an opened run's settings trains them, as "Train again" does
        RunConfig config = StudioThreads.resolve(setup.getConfig(), 1);
        String preset = setup.presetName();
        ClassifierSession session;
        try {
            session = ClassifierSession.create(config, runsRoot, preset);
        } catch (UserError e) {
            banner.show(e.getMessage());
            return;
        }
        attachAndStart(session, config, preset.isEmpty() ? config.getString(ConfigSchema.NAME) : preset);
    }

    /** "Resume" on an opened run: it trains on in this window from its latest checkpoint, to its length. */
    private void resumeRun(Path dir) {
        if (live.isActive()) {
            banner.show("cannot resume " + dir.getFileName() + ": a run is training in this window; stop it first");
            return;
        }
        ClassifierSession session;
        try {
            session = ClassifierSession.resume(dir);
        } catch (UserError e) {
            banner.show("cannot resume " + dir.getFileName() + ": " + e.getMessage());
            return;
        }
        banner.hide();
        setup.leaveRunSettings();
        attachAndStart(session, session.getConfig(), dir.getFileName() + " (resumed)");
    }

    private void attachAndStart(ClassifierSession session, RunConfig config, String label) {
        ClassifierRunFeed feed = new ClassifierRunFeed();
        session.addListener(feed);
        live.attach(session, feed);
        liveSeries = new ClassifierSeries();
        liveResult = ClassifierResult.training("");
        liveEvents.clear();
        liveEdits.load(config);
        closeOpened();
        showLive();
        viewing.setText("Live: " + label);
        statusBar.showRun("starting…", "");
        statusBar.clearProgress();
        statusBar.showStatus("starting (loading data, building the network)");
        live.start();
        charts.requestFocus(); // out of the form, so Space and S reach the shortcuts
        updateButtons();
    }

    private void updateButtons() {
        buttons.update(setup.canStart());
        boolean active = live.isActive();
        liveEdits.setActive(active && live.feed().isStarted());
        // The lr field only means something next to the live run it would change.
        boolean showEdits = active && opened == null;
        liveEdits.setVisible(showEdits);
        liveEdits.setManaged(showEdits);
    }

    /** One UI frame: drain the feed into the series, the matrix, the events and the status line. */
    private void tick() {
        ClassifierRunFeed feed = live.feed();
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
            updateStatus(feed);
        }
        charts.redrawIfDue(false);
    }

    private void takeReport(ClassificationReport r) {
        ClassifierMetrics v = liveSeries.lastValidation();
        boolean test = "test".equals(r.set());
        double epoch = test || v == null ? Double.NaN : v.epoch();
        liveResult = ClassifierResult.of(r, epoch, liveResult.note());
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

    private void updateStatus(ClassifierRunFeed feed) {
        double elapsed = live.elapsedSeconds();
        ClassifierRunFeed.Start s = feed.getStart();
        if (s != null) {
            statusBar.showRun(String.valueOf(s.runDir()), s.device() + "  " + s.data());
            if (liveResult.note().isEmpty()) {
                liveResult = liveResult.withNote("Tricks on: " + s.tricks() + "   \u00b7   "
                        + String.format(Locale.ROOT, "%,d weights", s.parameters()) + "   \u00b7   "
                        + s.batchesPerEpoch() + " batches per epoch");
                if (opened == null) {
                    result.show(liveResult);
                }
            }
            ClassifierMetrics m = feed.getLastMetrics();
            if (m != null) {
                long total = (long) s.epochs() * s.batchesPerEpoch();
                double eta = m.step() > 0 && !feed.isFinished() ? elapsed / m.step() * (total - m.step()) : Double.NaN;
                statusBar.showProgress(String.format(Locale.ROOT, "epoch %.2f / %d", m.epoch(), s.epochs()),
                        "batch " + m.step() + " / " + total, m.samplesPerSecond(), elapsed, eta);
            }
        }
        if (live.takeEnd()) {
            String status = feed.getFinishedStatus();
            if (s == null) {
                statusBar.showRun("no run directory (stopped before training began)", "");
            }
            statusBar.showStatus(status);
            if ("failed".equals(status)) {
                liveResult = liveResult.failed();
                if (opened == null) {
                    result.show(liveResult);
                }
                banner.show(live.failedText(s != null ? s.runDir() : null));
            }
            runsPanel.refresh();
            updateButtons();
        } else if (!feed.isFinished()) {
            if (s != null) {
                ClassifierMetrics m = feed.getLastMetrics();
                boolean testing = m != null && m.step() >= (long) s.epochs() * s.batchesPerEpoch();
                statusBar.showStatus(live.runningStatus(STOPPING,
                        testing ? "running: evaluating on the test set" : "running"));
            }
            updateButtons();
        }
    }

    /** The run this view trains, if any, for closing the studio (which stops it and waits). */
    public List<TrainingRun> trainingRuns() {
        // A stop for exit skips the test set (eval RUN_DIR gives the report later).
        return live.trainingRuns("Classifier", "finishing its batch, saving a checkpoint\u2026");
    }

    /**
     * The window is going away: a run still training (closing normally waited for it) is told to stop, skipping
     * its end-of-run evaluation where the session can. Never waits: this runs on the FX thread.
     */
    public void shutdown() {
        live.stopForExit();
    }

    // ---- what the centre shows: the live run, an opened run, or nothing yet

    private void showIdle() {
        charts.setStore(new ClassifierSeries());
        result.show(ClassifierResult.idle());
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
        result.show(liveResult);
        events.setItems(liveEvents);
    }

    // ---- opened runs (read-only)

    /** Shows a run read-only, read off the FX thread; a GAN run is handed to the GAN view. */
    public void openRun(Path dir) {
        Background.run("open-classifier-run", () -> "classifier".equals(RunListing.taskOf(dir))
                ? Optional.of(new Opened(ClassifierRunSnapshot.read(dir), OpenedRunSettings.read(dir)))
                : Optional.<Opened>empty(),
                o -> o.ifPresentOrElse(this::showOpened, () -> onGanRun.accept(dir)),
                e -> banner.show(dir + ": cannot open (" + e.getMessage() + ")"));
    }

    /** An opened run as read off the FX thread: what the view shows, and what the setup shows. */
    private record Opened(ClassifierRunSnapshot snap, OpenedRunSettings settings) {}

    private void showOpened(Opened o) {
        ClassifierRunSnapshot snap = o.snap();
        setup.showRunSettings(o.settings().config(), o.settings().preset(), snap.name(),
                o.settings().resumeProblem(live.isActive(), snap.dir()), this::startTraining,
                () -> resumeRun(snap.dir()));
        opened = snap;
        updateButtons();
        ClassifierSeries series = new ClassifierSeries();
        series.appendAll(snap.rows());
        charts.setStore(series);
        viewing.setText("Viewing: " + snap.name() + " (" + snap.status() + ")"
                + (live.isActive() ? "   training continues in the background" : ""));
        closeRun.setVisible(true);
        closeRun.setManaged(true);
        if ("failed".equals(snap.status()) && !snap.reason().isEmpty()) {
            banner.show("This run failed: " + snap.reason());
        } else {
            banner.hide();
        }
        result.show(ClassifierResult.opened(snap));
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
        setup.leaveRunSettings();
        updateButtons();
        closeRun.setVisible(false);
        closeRun.setManaged(false);
    }

    public void showBanner(String text) {
        banner.show(text);
    }
}
