package ganstudio.ui;

import ganstudio.config.UserError;
import ganstudio.logs.Logs;
import ganstudio.ui.common.PlaybackShortcuts;
import ganstudio.ui.common.Shortcuts;
import ganstudio.ui.common.Theme;
import ganstudio.ui.gan.RecordControl;
import ganstudio.ui.session.TrainingRun;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.util.Duration;

/** The JavaFX application: one window, a menu bar, the theme, and the self-driving demo. */
public final class StudioApp extends Application {

    private StudioModes window;
    private Scene scene;
    private final Path stylesDir = StylesLocator.locate();
    private final List<String> args;
    private FxStallMonitor stalls;
    private Path stallReport;
    private Stage stage;
    /** The question "N runs are training: stop them and quit?" while it is on screen. */
    private Alert confirming;
    /** The progress of stopping the runs, once closing has begun. */
    private CloseDialog closing;

    /** Started by JavaFX's launcher, which hands over the command line. */
    public StudioApp() {
        this(null);
    }

    /** Started in-process by a test, on a toolkit it started itself. */
    StudioApp(List<String> args) {
        this.args = args;
    }

    @Override
    public void start(Stage stage) {
        StudioOptions options = StudioOptions.parse(args != null ? args : getParameters().getRaw());
        stalls = FxStallMonitor.watch();
        stallReport = options.stallReport();
        window = new StudioModes(options.runsRoot(), options.sweepsRoot() != null ? options.sweepsRoot()
                : StudioModes.sweepsNextTo(options.runsRoot()));
        BorderPane outer = new BorderPane(window.getRoot());
        outer.setTop(menuBar(stage, options));
        scene = new Scene(outer, options.width(), options.height());
        applyTheme(options.theme() != null ? options.theme() : Theme.remembered());
        window.installShortcuts(scene);
        PlaybackShortcuts.installEnterPresses(scene);
        this.stage = stage;
        // The window's close button, like File > Quit, stops the runs first, never on the FX thread.
        stage.setOnCloseRequest(e -> {
            e.consume();
            requestClose(true);
        });
        stage.setTitle("GAN Studio");
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setScene(scene);
        stage.show();
        if (options.preset() != null && options.demoPreset() == null) {
            try {
                window.selectPreset(options.preset());
            } catch (UserError e) {
                window.showBanner(e.getMessage());
            }
        }
        if (options.follow() != null) {
            window.followWhenShown(options.follow());
        }
        if (options.zoom() != null) {
            window.setZoom(options.zoom());
        }
        if (options.open() != null) {
            window.openRun(options.open());
        }
        if (!options.compare().isEmpty()) {
            window.compareRuns(options.compare());
        }
        if (options.openSweep() != null) {
            window.openSweep(options.openSweep());
        }
        if (options.isAutomated()) {
            runDemo(options, stage);
        }
    }

    private MenuBar menuBar(Stage stage, StudioOptions options) {
        MenuItem open = new MenuItem("Open run…");
        open.setAccelerator(Shortcuts.OPEN_RUN);
        open.setOnAction(e -> chooseRun(stage, options.runsRoot()));
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(Shortcuts.QUIT);
        quit.setOnAction(e -> requestClose(true));
        Menu file = new Menu("File", null, open, new SeparatorMenuItem(), quit);
        ToggleGroup themes = new ToggleGroup();
        Menu view = new Menu("View");
        for (Theme t : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(t == Theme.DARK ? "Dark theme" : "Light theme");
            item.setToggleGroup(themes);
            item.setSelected(t == (options.theme() != null ? options.theme() : Theme.remembered()));
            item.setOnAction(e -> {
                applyTheme(t);
                t.remember();
            });
            view.getItems().add(item);
        }
        MenuItem about = new MenuItem("About GAN Studio");
        about.setOnAction(e -> about(stage));
        MenuItem keys = new MenuItem("Keyboard shortcuts");
        keys.setOnAction(e -> shortcutSheet(stage).show());
        MenuItem log = new MenuItem("Session log");
        log.setOnAction(e -> new LogWindow(stage, Logs.sessionLog()).show());
        return new MenuBar(file, view, new Menu("Help", null, keys, log, about));
    }

    /** File > Open run…: a run folder, shown as the Runs tab would show it. */
    private void chooseRun(Stage owner, Path runsRoot) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a run folder");
        if (runsRoot != null && Files.isDirectory(runsRoot)) {
            chooser.setInitialDirectory(runsRoot.toFile());
        }
        java.io.File dir = chooser.showDialog(owner);
        if (dir != null) {
            window.openRun(dir.toPath());
        }
    }

    /** Help > Keyboard shortcuts: the rows of {@link Shortcuts#sheet}. */
    static Alert shortcutSheet(Stage owner) {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(4);
        grid.getStyleClass().add("shortcut-sheet");
        int r = 0;
        for (Shortcuts.Row row : Shortcuts.sheet()) {
            Label keys = new Label(row.keys());
            keys.getStyleClass().add("shortcut-keys");
            grid.addRow(r++, keys, new Label(row.action()));
        }
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Keyboard shortcuts");
        alert.getDialogPane().setContent(grid);
        return alert;
    }

    private void about(Stage stage) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(stage);
        alert.setTitle("About GAN Studio");
        alert.setHeaderText("GAN Studio: GANs and classifiers on DJL's PyTorch engine, with JavaFX "
                + System.getProperty("javafx.runtime.version", "") + " on Java " + System.getProperty("java.version"));
        // How responsive this window has been: the figure docs/measurements/studio-responsiveness.md quotes for a
        // long run.
        alert.setContentText(stalls.report());
        alert.show();
    }

    StudioModes window() {
        return window;
    }

    Alert confirming() {
        return confirming;
    }

    CloseDialog closing() {
        return closing;
    }

    /**
     * Closes the studio. With runs training it asks first (unless {@code ask} is false, as for the demo), then
     * tells every run to stop at once and waits for them on background threads behind a small progress dialog;
     * the window closes when all have ended, or after {@link StudioShutdown#LIMIT_MILLIS} with a note that the
     * unfinished run folders stay resumable. Returns at once: the FX thread never waits.
     */
    void requestClose(boolean ask) {
        if (confirming != null || closing != null) {
            (closing != null ? closing.stage() : confirming.getDialogPane().getScene().getWindow()).requestFocus();
            return;
        }
        List<TrainingRun> runs = window.trainingRuns();
        if (runs.isEmpty()) {
            stage.close();
        } else if (!ask) {
            stopRunsAndClose(runs);
        } else {
            confirming = confirmation(runs);
            confirming.show();
        }
    }

    private Alert confirmation(List<TrainingRun> runs) {
        ButtonType stopAndQuit = new ButtonType(runs.size() == 1 ? "Stop it and quit" : "Stop them and quit",
                ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", stopAndQuit, ButtonType.CANCEL);
        alert.initOwner(stage);
        alert.setTitle("Quit GAN Studio");
        alert.setHeaderText(StudioShutdown.question(runs));
        StringBuilder text = new StringBuilder();
        for (TrainingRun r : runs) {
            text.append(r.label()).append('\n');
        }
        text.append("\nEach stops after its current step, saves a checkpoint and writes a summary that says "
                + "stopped; GAN runs skip their end-of-run evaluation (eval RUN_DIR runs it later). The run folders "
                + "stay resumable: train --resume RUN_DIR.");
        alert.setContentText(text.toString());
        alert.setOnHidden(e -> {
            confirming = null;
            if (alert.getResult() == stopAndQuit) {
                List<TrainingRun> now = window.trainingRuns(); // one may have finished meanwhile
                if (now.isEmpty()) {
                    stage.close();
                } else {
                    stopRunsAndClose(now);
                }
            }
        });
        return alert;
    }

    private void stopRunsAndClose(List<TrainingRun> runs) {
        window.prepareClose();
        closing = new CloseDialog(stage, new StudioShutdown(runs, StudioShutdown.LIMIT_MILLIS), stage::close);
        closing.open();
    }

    Scene scene() {
        return scene;
    }

    private void applyTheme(Theme theme) {
        scene.getStylesheets().setAll(StylesLocator.stylesheets(stylesDir, theme));
        window.setTheme(theme);
    }

    /** --demo / --screenshot: load a preset, press Start, wait, write a snapshot of the scene, quit. */
    private void runDemo(StudioOptions options, Stage stage) {
        try {
            if (options.pairPreset() != null) {
                window.startPairDemo(options.pairPreset(), options.steps(), options.twinObjective());
            }
            if (options.twinOf() != null) {
                window.startTwinDemo(options.twinOf(), options.twinObjective());
            }
            if (options.demoPreset() != null) {
                window.startDemo(options.demoPreset(), options.steps(), options.sets());
                if (options.record() != null) {
                    window.recordWhenStarted(options.record().equals("view")
                            ? RecordControl.Source.VIEW : RecordControl.Source.DASHBOARD);
                }
            }
        } catch (UserError e) {
            window.showBanner(e.getMessage());
        }
        if (!options.closesAfterDemo()) {
            return;
        }
        if (options.closesWhenRunEnds()) {
            // --after end: look once a second; the run's end reaches the window through its feed.
            Timeline poll = new Timeline();
            poll.getKeyFrames().add(new KeyFrame(Duration.seconds(1), e -> {
                if (window.trainingRuns().isEmpty()) {
                    poll.stop();
                    closeDemo(options);
                }
            }));
            poll.setCycleCount(Timeline.INDEFINITE);
            poll.play();
            return;
        }
        PauseTransition wait = new PauseTransition(Duration.seconds(options.afterSeconds()));
        wait.setOnFinished(e -> closeDemo(options));
        wait.play();
    }

    private void closeDemo(StudioOptions options) {
        // Two pulses later, so the last drained frame and chart redraw are laid out before the snapshot.
        PauseTransition settle = new PauseTransition(Duration.millis(300));
        settle.setOnFinished(e2 -> {
            if (stallReport != null) {
                writeStallReport(); // first: encoding the screenshot is the demo's work, not the studio's
            }
            if (options.screenshot() != null) {
                writeSnapshot(options.screenshot());
            }
            requestClose(false);
        });
        settle.play();
    }

    private void writeSnapshot(Path file) {
        try {
            savePng(scene, file);
            System.out.println("screenshot: " + file.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            System.err.println("error: cannot write the screenshot " + file + " (" + e.getMessage() + ")");
            Studio.EXIT_CODE.set(1);
        }
    }

    /** Writes what the scene shows now as a PNG; call on the FX thread. */
    static void savePng(Scene scene, Path file) throws IOException {
        WritableImage shot = scene.snapshot(null);
        BufferedImage img = SwingFXUtils.fromFXImage(shot, null);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ImageIO.write(img, "png", file.toFile());
    }

    /** Once: the demo writes it before its screenshot (encoding that is the demo's work, not the studio's). */
    private void writeStallReport() {
        Path file = stallReport;
        stallReport = null;
        stalls.stop();
        System.out.println(stalls.summary());
        try {
            stalls.writeReport(file);
            System.out.println("stall report: " + file.toAbsolutePath());
        } catch (IOException e) {
            System.err.println("error: cannot write the stall report " + file + " (" + e.getMessage() + ")");
            Studio.EXIT_CODE.set(1);
        }
    }

    @Override
    public void stop() {
        if (stallReport != null) {
            writeStallReport();
        }
        if (window != null) {
            window.shutdown();
        }
        Platform.exit();
    }
}
