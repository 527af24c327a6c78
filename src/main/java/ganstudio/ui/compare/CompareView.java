package ganstudio.ui.compare;

import ganstudio.config.Presets;
import ganstudio.config.RunConfig;
import ganstudio.tricks.TwinConfig;
import ganstudio.config.UserError;
import ganstudio.media.Frame;
import ganstudio.runs.RunDirectory;
import ganstudio.ui.common.ErrorBanner;
import ganstudio.ui.common.MetricsStore;
import ganstudio.ui.common.PresetsByTask;
import ganstudio.ui.common.RunListing;
import ganstudio.ui.common.RunsPanel;
import ganstudio.ui.common.UiTicker;
import ganstudio.ui.gan.GanRunFeed;
import ganstudio.ui.session.TrainingRun;
import ganstudio.config.ConfigSchema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Compare tab: two or more runs side by side (their frames at one timeline step, their curves overlaid on
 * the chosen x axis), and the paired experiment, a GAN and its WGAN twin (or the reverse) training at once
 * on the same seed, data order and fixed noise. FX thread only; the sessions report through their
 * {@link GanRunFeed}s, drained by one {@link UiTicker}, and run directories are read on a worker thread.
 */
public final class CompareView {


    private final Presets presets = Presets.locate();
    private final PairLauncher launcher;
    private final RunsPanel runsPanel;
    private final Button compare = new Button("Compare");
    private final Button twinOfRun = new Button("Twin of run");
    private final ComboBox<String> presetBox = new ComboBox<>();
    private final TextField steps = new TextField("600");
    private final ChoiceBox<String> twinObjective = new ChoiceBox<>();
    private final Button startPair = new Button("Start pair");
    private final Button stopPair = new Button("Stop");
    private final Label pairInfo = new Label();
    private final ErrorBanner banner = new ErrorBanner();
    private final Label sharing = new Label();
    private final Label differences = new Label();
    private final HBox frames = new HBox(8);
    private final Slider timeline = new Slider(0, 1, 0);
    private final Label timelineLabel = new Label("step 0");
    private final CheckBox follow = new CheckBox("Follow training");
    private final CompareCharts charts = new CompareCharts();
    private final ScoresTablePane scores = new ScoresTablePane();
    private final BorderPane root = new BorderPane();
    /** Reads run directories (metrics, frame lists) off the FX thread, one at a time. */
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "compare-reader");
        t.setDaemon(true);
        return t;
    });

    private final List<ComparedRun> runs = new ArrayList<>();
    private final List<ComparedRunPane> panes = new ArrayList<>();
    private boolean movingTimeline;

    public CompareView(Path runsRoot) {
        launcher = new PairLauncher(runsRoot, presets);
        runsPanel = new RunsPanel(runsRoot);
        root.setLeft(leftPanel());
        root.setCenter(center());
        root.getStyleClass().add("studio-root");
        updateButtons();
        UiTicker.start(this::tick);
    }

    public BorderPane getRoot() {
        return root;
    }

    private VBox leftPanel() {
        compare.setTooltip(new Tooltip("Show the selected runs side by side (Ctrl- or Shift-click to select several)"));
        twinOfRun.setTooltip(new Tooltip("Train the selected GAN run's twin (same seed, data order, fixed noise) "
                + "next to it"));
        compare.setOnAction(e -> compareSelected());
        twinOfRun.setOnAction(e -> twinOfSelected());
        runsPanel.allowMultipleSelection("Select two or more and press Compare; one GAN run and Twin of run trains "
                + "its twin beside it.", compare, twinOfRun);
        runsPanel.onOpen(dir -> compareRuns(List.of(dir)));
        runsPanel.setSpacing(8);
        VBox.setVgrow(runsPanel, Priority.ALWAYS);

        presetBox.getItems().setAll(PresetsByTask.names(presets, "gan"));
        presetBox.setValue(presetBox.getItems().contains("ring8-gan") ? "ring8-gan"
                : presetBox.getItems().isEmpty() ? null : presetBox.getItems().get(0));
        presetBox.setMaxWidth(Double.MAX_VALUE);
        steps.setPrefColumnCount(6);
        twinObjective.getItems().setAll(PairLauncher.objectiveChoices());
        twinObjective.setValue("auto");
        twinObjective.setTooltip(new Tooltip("auto: a WGAN twin for a standard GAN, a standard GAN (nsgan) twin for a "
                + "WGAN or WGAN-GP"));
        startPair.getStyleClass().add("start-button");
        stopPair.getStyleClass().add("stop-button");
        startPair.setOnAction(e -> startPairFromPreset());
        stopPair.setOnAction(e -> stopLive());
        GridPane form = new GridPane();
        form.getStyleClass().add("form-grid");
        form.addRow(0, new Label("Preset"), presetBox);
        form.addRow(1, new Label("Steps"), steps);
        form.addRow(2, new Label("Twin objective"), twinObjective);
        GridPane.setHgrow(presetBox, Priority.ALWAYS);
        Label title = new Label("Paired experiment");
        title.getStyleClass().add("section-title");
        Label how = new Label("Trains the preset and its twin at once: same seed, data order and fixed noise; the "
                + "twin's objective, optimizers, n_critic, clip and λ come from the matching preset.");
        how.getStyleClass().add("hint");
        how.setWrapText(true);
        how.setMinHeight(Region.USE_PREF_SIZE);
        pairInfo.getStyleClass().add("twin-note");
        pairInfo.setWrapText(true);
        pairInfo.setMinHeight(Region.USE_PREF_SIZE);
        VBox left = new VBox(8, runsPanel, new Separator(), title, how, form, new HBox(8, startPair, stopPair),
                pairInfo);
        left.getStyleClass().add("runs-panel");
        left.setPadding(new Insets(8));
        left.setPrefWidth(360);
        left.setMinWidth(280);
        return left;
    }

    private VBox center() {
        sharing.getStyleClass().add("hint");
        sharing.setWrapText(true);
        VBox.setVgrow(frames, Priority.ALWAYS);
        // Square pictures side by side: taller than one picture's width plus its captions is empty space.
        frames.widthProperty().addListener((o, a, b) -> fitFramesHeight());
        timeline.setMinWidth(60);
        timeline.valueProperty().addListener((o, a, b) -> {
            if (!movingTimeline) {
                follow.setSelected(false); // the person took the slider: stop following the live runs
            }
            showFrames();
        });
        follow.setSelected(true);
        follow.setTooltip(new Tooltip("Keep the slider at the newest step that every training run has a frame for"));
        HBox.setHgrow(timeline, Priority.ALWAYS);
        Label stepLabel = new Label("Step");
        stepLabel.setMinWidth(Region.USE_PREF_SIZE);
        timelineLabel.setMinWidth(Region.USE_PREF_SIZE);
        follow.setMinWidth(Region.USE_PREF_SIZE);
        HBox timelineBox = new HBox(8, stepLabel, timeline, timelineLabel, follow);
        timelineBox.getStyleClass().add("timeline");
        Label hint = new Label("Each picture is the run's newest saved frame at or before the slider's step.");
        hint.getStyleClass().add("hint");
        differences.getStyleClass().add("twin-note");
        differences.setWrapText(true);
        differences.setMinHeight(Region.USE_PREF_SIZE);
        VBox column = new VBox(6, sharing, frames, timelineBox, hint, scores, differences);
        column.getStyleClass().add("image-column");
        column.setPadding(new Insets(6));
        SplitPane split = new SplitPane(column, charts);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);
        return new VBox(banner, split);
    }

    // ---- what to compare

    private void compareSelected() {
        List<RunListing.Row> rows = runsPanel.selectedRows();
        if (rows.stream().anyMatch(RunListing.Row::isClassifier)) {
            banner.show("The compare view shows GAN runs; leave the classifier runs out of the selection.");
            return;
        }
        compareRuns(rows.stream().map(RunListing.Row::dir).toList());
    }

    /** Shows these runs read-only, A, B, C… in this order. */
    public void compareRuns(List<Path> dirs) {
        if (hasLiveRuns()) {
            banner.show("A paired experiment is training: stop it first (its runs stay on disk to compare later).");
            return;
        }
        List<ComparedRun> opened = new ArrayList<>();
        for (int i = 0; i < dirs.size(); i++) {
            opened.add(null);
        }
        reader.execute(() -> {
            try {
                for (int i = 0; i < dirs.size(); i++) {
                    opened.set(i, load(letter(i), dirs.get(i)));
                }
                Platform.runLater(() -> show(opened));
            } catch (RuntimeException e) {
                Platform.runLater(() -> banner.show("cannot open: " + e.getMessage()));
            }
        });
    }

    /** Reads one run for the view (worker thread). */
    private static ComparedRun load(String letter, Path dir) {
        RunDirectory run = RunDirectory.open(dir);
        RunConfig c = run.readConfig();
        ComparedRun r = ComparedRun.opened(letter, dir, c);
        r.store().appendAll(run.readMetrics()); // not yet shown: the FX thread gets it through runLater
        r.setFrameSteps(run.frameSteps());
        r.setEvaluation(run.readEvaluation());
        r.setState(c.getInt(ConfigSchema.STEPS) + " steps, " + RunListing.row(dir).status());
        if (run.readRunInfo().has("twinOf")) {
            Path source = Path.of(run.readRunInfo().get("twinOf").getAsString());
            r.setTwinOf(source);
            r.setNote("twin of " + source.getFileName());
        }
        return r;
    }

    private static String letter(int i) {
        return String.valueOf((char) ('A' + i));
    }

    /** The paired experiment from a setup: the GAN tab's form, or a preset here. */
    public void startPair(RunConfig source, String sourcePreset) {
        if (hasLiveRuns()) {
            banner.show("A paired experiment is already training.");
            return;
        }
        try {
            TwinConfig.Twin twin = launcher.twinOf(source, sourcePreset, chosenObjective());
            banner.hide();
            show(List.of(launcher.startPair(source, sourcePreset, twin)));
            pairInfo.setText("A: " + source.getString(ConfigSchema.NAME) + "; B, its twin with " + twin.preset()
                    + "'s objective "
                    + "settings, starts once A has written its fixed noise bank. What B changes is listed under the "
                    + "pictures.");
        } catch (UserError e) {
            banner.show(e.getMessage());
        }
    }

    private void startPairFromPreset() {
        try {
            RunConfig c = presets.load(presetBox.getValue()).with("steps", steps.getText().trim());
            startPair(c, presetBox.getValue());
        } catch (UserError e) {
            banner.show(e.getMessage());
        } catch (RuntimeException e) {
            banner.show("cannot start the pair: " + e.getMessage());
        }
    }

    /** Sets the pair launcher's fields as a person would (the studio's --pair demo). */
    public void setPairFields(String preset, Integer stepCount, String objective) {
        if (preset != null && !presetBox.getItems().contains(preset)) {
            throw new UserError("no GAN preset '" + preset + "'; there are: " + String.join(", ",
                    presetBox.getItems()));
        }
        if (preset != null) {
            presetBox.setValue(preset);
        }
        if (stepCount != null) {
            steps.setText(String.valueOf(stepCount));
        }
        if (objective != null) {
            if (!twinObjective.getItems().contains(objective)) {
                throw new UserError("twin objective '" + objective + "': expected one of "
                        + String.join(", ", twinObjective.getItems()));
            }
            twinObjective.setValue(objective);
        }
    }

    public void pressStartPair() {
        startPairFromPreset();
    }

    private void twinOfSelected() {
        List<RunListing.Row> rows = runsPanel.selectedRows();
        if (rows.size() != 1 || rows.get(0).isClassifier()) {
            banner.show("Select one GAN run to train its twin beside it.");
            return;
        }
        twinOf(rows.get(0).dir());
    }

    /** Trains a run's twin; the run itself is shown read-only beside it. */
    public void twinOf(Path sourceDir) {
        if (hasLiveRuns()) {
            banner.show("A paired experiment is already training.");
            return;
        }
        reader.execute(() -> {
            try {
                ComparedRun source = load("A", sourceDir);
                RunDirectory run = RunDirectory.open(sourceDir);
                String preset = run.readRunInfo().has("preset") ? run.readRunInfo().get("preset").getAsString() : "";
                RunConfig config = run.readConfig();
                Platform.runLater(() -> {
                    try {
                        TwinConfig.Twin twin = launcher.twinOf(config, preset, chosenObjective());
                        banner.hide();
                        ComparedRun twinRun = launcher.startTwinOf(sourceDir, twin);
                        show(List.of(source, twinRun));
                        pairInfo.setText("A: " + sourceDir.getFileName() + " (read-only); B: its twin with "
                                + twin.preset()
                                        + "'s objective settings. What B changes is listed under the pictures.");
                    } catch (UserError e) {
                        banner.show(e.getMessage());
                    }
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> banner.show(sourceDir + ": cannot open (" + e.getMessage() + ")"));
            }
        });
    }

    private String chosenObjective() {
        return "auto".equals(twinObjective.getValue()) ? null : twinObjective.getValue();
    }

    private void show(List<ComparedRun> list) {
        runs.clear();
        runs.addAll(list);
        rebuildPanes();
        charts.setRuns(runs);
        showScores();
        follow.setSelected(true);
        updateTimeline();
        updateButtons();
    }

    private void addRun(ComparedRun r) {
        runs.add(r);
        rebuildPanes();
        charts.setRuns(runs);
        showScores();
    }

    private void showScores() {
        scores.show(ScoresTable.of(runs.stream().map(ComparedRun::letter).toList(),
                runs.stream().map(ComparedRun::evaluation).toList()));
    }

    /** The final-evaluation table, "name: A value | B value" per row; empty while it is hidden. */
    public List<String> scoresText() {
        return scores.shown().rows().stream().map(r -> r.name().strip() + ": " + String.join(" | ", r.values()))
                .toList();
    }

    private void fitFramesHeight() {
        frames.setMaxHeight(frames.getWidth() / Math.max(1, runs.size()) + 110);
    }

    private void rebuildPanes() {
        panes.clear();
        frames.getChildren().clear();
        for (ComparedRun r : runs) {
            ComparedRunPane p = new ComparedRunPane(r);
            HBox.setHgrow(p, Priority.ALWAYS);
            p.setPrefWidth(1); // equal shares of the row, whatever the captions' lengths
            panes.add(p);
            frames.getChildren().add(p);
        }
        fitFramesHeight();
        StringBuilder text = new StringBuilder();
        for (int i = 1; i < runs.size(); i++) {
            text.append(i > 1 ? "\n" : "").append(runs.get(i).describeAgainst(runs.get(0)));
        }
        differences.setText(text.toString());
    }

    // ---- training

    private boolean hasLiveRuns() {
        return launcher.isWaitingForSource()
                || runs.stream().anyMatch(r -> r.isLive() && !r.feed().isFinished());
    }

    private void stopLive() {
        stopLive(false);
    }

    /** @param forExit skip the runs' end-of-run evaluation: the app is closing (see GanView.shutdown) */
    private void stopLive(boolean forExit) {
        for (ComparedRun r : runs) {
            if (r.isLive() && !r.feed().isFinished()) {
                if (forExit) {
                    r.session().control().stopForExit();
                } else {
                    r.session().control().stop();
                }
            }
        }
        launcher.cancelPendingTwin();
    }

    private void updateButtons() {
        boolean live = hasLiveRuns();
        startPair.setDisable(live || presetBox.getValue() == null);
        stopPair.setDisable(!live);
        compare.setDisable(live);
        twinOfRun.setDisable(live);
    }

    /** One UI frame: start a waiting twin, drain the feeds, move the timeline, redraw the charts if due. */
    private void tick() {
        runs.forEach(ComparedRun::noteStarted); // first: a twin that starts now is described against A's directory
        ComparedRun twin = launcher.startPendingTwin();
        if (twin != null) {
            addRun(twin);
        }
        for (ComparedRun r : runs) {
            if (!r.isLive()) {
                continue;
            }
            r.store().appendAll(r.feed().drainMetrics());
            r.feed().drainEvents();
            Frame saved = r.feed().takeFrame(); // the compare view asks for no unsaved frames
            if (saved != null) {
                reader.execute(() -> r.reloadFrameSteps(saved.step()));
            }
            if (r.takeEndedUnread()) {
                reader.execute(() -> {
                    try {
                        r.setEvaluation(RunDirectory.open(r.dir()).readEvaluation());
                        Platform.runLater(this::showScores);
                    } catch (RuntimeException e) {
                        Platform.runLater(() -> banner.show(r.dir() + ": cannot read its evaluation ("
                                + e.getMessage() + ")"));
                    }
                });
            }
        }
        if (!runs.isEmpty()) {
            updateTimeline();
            updateStatus();
        }
        charts.redrawIfDue(false);
        updateButtons();
    }

    private void updateTimeline() {
        long max = 0;
        long followAt = Long.MAX_VALUE;
        boolean anyTraining = false;
        for (ComparedRun r : runs) {
            List<Long> f = r.frameSteps();
            long newest = f.isEmpty() ? 0 : f.get(f.size() - 1);
            max = Math.max(max, Math.max(newest, r.lastStep()));
            if (r.isLive() && !r.feed().isFinished()) {
                anyTraining = true;
                followAt = Math.min(followAt, newest);
            }
        }
        movingTimeline = true;
        timeline.setMax(Math.max(1, max));
        if (follow.isSelected()) {
            timeline.setValue(anyTraining ? followAt : max);
        }
        movingTimeline = false;
        showFrames();
    }

    private void showFrames() {
        long step = Math.round(timeline.getValue());
        timelineLabel.setText("step " + step + " / " + Math.round(timeline.getMax()));
        for (int i = 0; i < panes.size() && i < runs.size(); i++) {
            panes.get(i).showFrame(runs.get(i), step);
        }
    }

    private void updateStatus() {
        int training = 0;
        for (int i = 0; i < panes.size() && i < runs.size(); i++) {
            ComparedRun r = runs.get(i);
            if (!r.isLive()) {
                panes.get(i).setStatus("step " + r.lastStep() + " of " + r.state());
                continue;
            }
            GanRunFeed f = r.feed();
            String state = f.isFinished() ? f.getFinishedStatus() : f.isStarted() ? "training" : "starting";
            training += f.isStarted() && !f.isFinished() ? 1 : 0;
            double perSecond = r.store().last(MetricsStore.SAMPLES_PER_S);
            panes.get(i).setStatus("step " + r.lastStep() + " / " + r.session().getConfig().getInt(ConfigSchema.STEPS)
                    + (Double.isNaN(perSecond) ? "" : String.format(" · %,.0f samples/s", perSecond)) + " · " + state
                    + ("failed".equals(state) ? ": " + f.getFinishedReason() : ""));
        }
        int cores = Runtime.getRuntime().availableProcessors();
        sharing.setText(training >= 2 ? training + " runs train at once, each on its own thread, sharing this "
                + "machine's " + cores + " CPU core" + (cores == 1 ? "" : "s") + ": each goes at about 1/" + training
                + " of its solo speed (samples/s under each picture). Wall time on the x axis shows that cost; "
                + "generator iteration or samples seen compare the training itself." : "");
        sharing.setVisible(training >= 2);
        sharing.setManaged(training >= 2);
    }

    /** The runs this view trains, for closing the studio (which stops them and waits). */
    public List<TrainingRun> trainingRuns() {
        List<TrainingRun> out = new ArrayList<>();
        for (ComparedRun r : runs) {
            if (r.isLive() && !r.feed().isFinished()) {
                out.add(new TrainingRun("Compare " + r.letter() + " \u00b7 " + TrainingRun.nameOf(r.session()),
                        r.session()));
            }
        }
        return out;
    }

    /** Closing the studio: a twin still waiting for its source to start never starts. */
    public void cancelPendingTwin() {
        launcher.cancelPendingTwin();
    }

    /**
     * The window is going away: runs still training (closing normally waited for them)
     * are told to stop without their end-of-run evaluation. Never waits: this runs on the FX thread.
     */
    public void shutdown() {
        stopLive(true);
        reader.shutdownNow();
    }

    /** The runs side by side now, A first, for a test. */
    public List<Path> shownRuns() {
        return runs.stream().map(ComparedRun::dir).toList();
    }

    public void showBanner(String text) {
        banner.show(text);
    }
}
