package ganstudio.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.config.Presets;
import ganstudio.media.Frame;
import ganstudio.ui.common.ChartsPanel;
import ganstudio.ui.common.MarkedLineChart;
import ganstudio.ui.common.MetricsStore;
import ganstudio.ui.common.PixelImagePane;
import ganstudio.ui.common.Shortcuts;
import ganstudio.ui.gan.GanView;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;

/**
 * The studio's real window driven as a person would drive it: pick ring8-wgan in the GAN tab, Start, wait for the
 * charts, Pause, Step, Step critic, Stop; after each press it checks what the charts, the status bar and the 2D
 * view must show, to the row. Runs on a thread of its own against a started toolkit and a display; also a main
 * class, which {@link StudioDashboardTest} runs in a JVM of its own when it had to start Xvfb for it.
 */
final class DashboardScenario {

    static final String PRESET = "ring8-wgan";
    /** Rows (one per step, see log.every below) before pausing: enough for curves in the screenshot. */
    private static final int ROWS_BEFORE_PAUSE = 60;
    private static final Duration TRAINING_LIMIT = Duration.ofSeconds(90);
    private static final Duration STEP_LIMIT = Duration.ofSeconds(30);
    /** The series of a critic-only row that are NaN: the generator did not move. */
    private static final List<String> GENERATOR_SERIES = List.of("loss_G", "G");
    private static final Pattern STEP = Pattern.compile("step (\\d+) / \\d+");
    private static final Pattern CRITIC_ITS = Pattern.compile("critic its (\\d+)");
    private static final Pattern CHECKPOINT = Pattern.compile("checkpoint at step (\\d+)");

    private final Path runsRoot;
    private final Path screenshot;
    private final long began = System.nanoTime();
    private StudioApp app;
    private Stage stage;
    private GanView gan;

    DashboardScenario(Path runsRoot, Path screenshot) {
        this.runsRoot = runsRoot;
        this.screenshot = screenshot;
    }

    /** What the GAN tab shows at one moment, read on the FX thread. */
    private record Seen(int rows, double lastRowStep, long statusStep, long criticIterations, String status,
            Map<String, Integer> points, Frame frame, boolean pictureIsFrame) {}

    void run() throws Exception {
        open();
        note("window open");
        try {
            drive();
        } finally {
            // After a failure too: no session may go on training in this JVM, nor a window stay open.
            FxThread.run(() -> {
                button("Stop").ifPresent(b -> {
                    if (!b.isDisabled()) {
                        b.fire();
                    }
                });
                stage.close();
            });
        }
    }

    private void drive() throws Exception {
        int nCritic = Presets.locate().load(PRESET).getInt("objective.nCritic");
        FxThread.run(() -> comboBox(".preset-row").getSelectionModel().select(PRESET));
        FxThread.run(() -> {
            // One metrics row per step, so rows, steps and chart points can be counted exactly.
            gan.setup().setField("log.every", "1");
            // One PyTorch thread: on 2 cores shared with anything else, two wait on each other at every operation
            // (ring8-wgan measured 1.2 s a step instead of 0.06 s), and the window gets a core of its own.
            gan.setup().setField("threads", "1");
        });
        FxThread.run(() -> {
            Button start = button("Start").orElseThrow();
            assertTrue(start.isFocusTraversable(), "Tab reaches Start");
            String tip = start.getTooltip().getText();
            assertTrue(tip.endsWith("(" + Shortcuts.START.getDisplayText() + ")"), "Start's tooltip names its key: " + tip);
            assertTrue(button("Stop").orElseThrow().getTooltip().getText()
                    .endsWith("(" + Shortcuts.STOP.getDisplayText() + ")"), "Stop's tooltip names its key");
            Alert sheet = StudioApp.shortcutSheet(stage);
            assertEquals(Shortcuts.sheet().size(), ((GridPane) sheet.getDialogPane().getContent()).getChildren().size() / 2,
                    "Help > Keyboard shortcuts lists every row");
        });
        typeShortcut(KeyCode.ENTER); // Ctrl+Enter: Start
        FxThread.await("the charts to fill", TRAINING_LIMIT,
                () -> gan.liveFrame() != null && seen().rows() >= ROWS_BEFORE_PAUSE
                        && seen().points().values().stream().allMatch(n -> n > 0), this::describe);
        assertTrue(FxThread.call(() -> statusText().contains(runsRoot.resolve(PRESET).toString())),
                "the status bar names the run directory of " + PRESET + ": " + describe());

        note("charts filled");
        assertStatusBarRepaintsOnlyOnChange();
        note("status bar watched");
        Seen paused = pauseAndSettle();
        note("paused at step " + paused.statusStep());
        zoomReadOutAndSaveAChart();
        assertEquals(paused.rows(), paused.statusStep(), "one row per step: " + paused);

        // Tab reaches the toolbar and Enter presses the focused button: Step, by keyboard alone
        FxThread.run(() -> {
            Button step = button("Step").orElseThrow();
            step.requestFocus();
            javafx.event.Event.fireEvent(step, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false,
                    false, false));
        });
        long stepped = paused.statusStep() + 1;
        Seen afterStep = awaitSeen("one generator iteration", s -> s.rows() == paused.rows() + 1
                && s.frame() != paused.frame() && s.points().equals(plusOne(paused.points(), List.of())));
        note("stepped");
        assertEquals(stepped, afterStep.statusStep(), "the status bar's step");
        assertEquals(stepped, (long) afterStep.lastRowStep(), "the new row's step");
        assertEquals(paused.criticIterations() + nCritic, afterStep.criticIterations(),
                "a generator iteration trains the critic n_critic times");
        assertEquals(stepped, afterStep.frame().step(), "the 2D view's frame step");
        assertTrue(afterStep.pictureIsFrame(), "the 2D view shows the new frame's pixels");
        assertFalse(Arrays.equals(paused.frame().points(), afterStep.frame().points()), "the generator moved");

        press("Step critic");
        Seen afterCritic = awaitSeen("one critic iteration", s -> s.rows() == afterStep.rows() + 1
                && s.frame() != afterStep.frame() && s.points().equals(plusOne(afterStep.points(), GENERATOR_SERIES)));
        note("critic stepped");
        assertEquals(stepped, afterCritic.statusStep(), "a critic iteration is no generator step");
        assertEquals(stepped, (long) afterCritic.lastRowStep(), "its row is logged at the same step");
        assertEquals(afterStep.criticIterations() + 1, afterCritic.criticIterations(), "exactly one critic iteration");
        Frame critic = afterCritic.frame();
        assertNotSame(afterStep.frame(), critic);
        assertEquals(stepped, critic.step());
        assertArrayEquals(afterStep.frame().points(), critic.points(), "the generator's points did not move");
        assertFalse(Arrays.equals(afterStep.frame().heatmap(), critic.heatmap()), "the critic's heatmap moved");
        assertTrue(afterCritic.pictureIsFrame(), "the 2D view shows the critic's new heatmap");
        assertEquals("paused", afterCritic.status());

        FxThread.call(() -> {
            StudioApp.savePng(app.scene(), screenshot);
            return null;
        });
        fitsTheWindowAt(1280, 800);
        fitsTheWindowAt(1920, 1080);
        typeShortcut(KeyCode.PERIOD); // Ctrl+Period: Stop
        FxThread.await("the run to stop", TRAINING_LIMIT, () -> seen().status().equals("stopped"), this::describe);
        note("stopped");
    }

    /**
     * While training, the status bar's state keeps its style classes and the elapsed/ETA line changes about once a
     * second, though the UI timer sets both 30 times a second: any change repaints the window, a walk over the whole
     * scene, and redone every UI frame that cost the FX thread a tenth of a core and training a few percent.
     */
    private void assertStatusBarRepaintsOnlyOnChange() throws InterruptedException {
        int[] styleChanges = {0};
        int[] timeChanges = {0};
        ListChangeListener<String> styles = c -> styleChanges[0]++;
        ChangeListener<String> times = (o, a, b) -> timeChanges[0]++;
        Label state = (Label) FxThread.call(() -> gan(".status-state"));
        Label time = FxThread.call(() -> statusFields().stream().filter(l -> l.getText().startsWith("elapsed"))
                .findFirst().orElseThrow(() -> new AssertionError("no elapsed/ETA field: " + describe())));
        long began = FxThread.call(() -> {
            state.getStyleClass().addListener(styles);
            time.textProperty().addListener(times);
            return System.nanoTime();
        });
        Thread.sleep(2500); // an observation window: what is counted is how often the labels change in it
        double seconds = FxThread.call(() -> {
            state.getStyleClass().removeListener(styles);
            time.textProperty().removeListener(times);
            return (System.nanoTime() - began) / 1e9;
        });
        assertEquals("running", FxThread.call(state::getText), "still training: " + describe());
        assertEquals(0, styleChanges[0], "style class changes of the state label in " + seconds + " s");
        assertTrue(timeChanges[0] <= Math.ceil(seconds) + 1,
                timeChanges[0] + " changes of the elapsed/ETA line in " + seconds + " s");
    }

    /** Where the time went, for a run that came close to a limit. */
    private void note(String what) {
        System.out.printf("%6.1f s  %s%n", (System.nanoTime() - began) / 1e9, what);
    }

    private void open() {
        List<String> args = List.of("--out", runsRoot.toString(), "--theme", "dark", "--size", "1400x900");
        app = new StudioApp(args);
        stage = FxThread.call(() -> {
            Stage s = new Stage();
            app.start(s);
            return s;
        });
        gan = app.window().gan();
    }

    /** Pause, then Save checkpoint: its event names the step the paused loop rests at, after any step in flight. */
    private Seen pauseAndSettle() {
        press("Pause");
        FxThread.await("the status to say paused", STEP_LIMIT, () -> seen().status().equals("paused"), this::describe);
        int eventsBefore = FxThread.call(() -> events().size());
        press("Save checkpoint");
        FxThread.await("the checkpoint event", STEP_LIMIT, () -> checkpointStep(eventsBefore) >= 0, this::describe);
        long rest = FxThread.call(() -> checkpointStep(eventsBefore));
        return awaitSeen("the rows up to step " + rest, s -> (long) s.lastRowStep() == rest && s.statusStep() == rest
                && s.points().values().stream().allMatch(n -> n == s.rows()));
    }

    private Seen awaitSeen(String what, Predicate<Seen> done) {
        FxThread.await(what, STEP_LIMIT, () -> done.test(seen()), this::describe);
        return FxThread.call(this::seen);
    }

    private static Map<String, Integer> plusOne(Map<String, Integer> points, List<String> unchanged) {
        Map<String, Integer> out = new HashMap<>();
        points.forEach((name, n) -> out.put(name, unchanged.contains(name) ? n : n + 1));
        return out;
    }

    // ---- reading the window (FX thread)

    private Seen seen() {
        MetricsStore store = charts().getStore();
        String status = statusText();
        Frame frame = gan.liveFrame();
        return new Seen(store.size(), store.last(MetricsStore.STEP), number(STEP, status), number(CRITIC_ITS, status),
                ((Label) gan(".status-state")).getText(), chartPoints(), frame, pictureIs(frame));
    }

    private String describe() {
        Seen s = seen();
        return s.toString().replace(", frame=" + s.frame(), ", frame step="
                + (s.frame() == null ? "none" : s.frame().step())) + "; status bar: " + statusText();
    }

    private Node gan(String selector) {
        Node n = gan.getRoot().lookup(selector);
        if (n == null) {
            throw new AssertionError("no " + selector + " in the GAN tab");
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> comboBox(String container) {
        return (ComboBox<String>) gan(container).lookup(".combo-box");
    }

    /**
     * A drag across the loss chart zooms every chart to those steps, the hover readout names a step and each series'
     * value, a double-click shows the whole run again, and the chart saves as a PNG.
     */
    private void zoomReadOutAndSaveAChart() throws Exception {
        FxThread.run(() -> {
            MarkedLineChart chart = (MarkedLineChart) charts().lookupAll(".chart").stream()
                    .filter(n -> n instanceof MarkedLineChart c && "Losses".equals(c.getTitle().split(",")[0]))
                    .findFirst().orElseThrow(() -> new AssertionError("no Losses chart"));
            javafx.scene.chart.NumberAxis x = (javafx.scene.chart.NumberAxis) chart.getXAxis();
            javafx.geometry.Bounds plot = x.localToScene(x.getLayoutBounds());
            double y = chart.getYAxis().localToScene(chart.getYAxis().getLayoutBounds()).getCenterY();
            double from = plot.getMinX() + plot.getWidth() * 0.25;
            double to = plot.getMinX() + plot.getWidth() * 0.75;
            double stepFrom = x.getValueForDisplay(plot.getWidth() * 0.25).doubleValue();
            double stepTo = x.getValueForDisplay(plot.getWidth() * 0.75).doubleValue();
            mouse(chart, javafx.scene.input.MouseEvent.MOUSE_PRESSED, from, y, 1);
            mouse(chart, javafx.scene.input.MouseEvent.MOUSE_DRAGGED, to, y, 1);
            mouse(chart, javafx.scene.input.MouseEvent.MOUSE_RELEASED, to, y, 1);
            double[] zoom = charts().zoom();
            assertTrue(zoom != null && Math.abs(zoom[0] - stepFrom) < 1e-6 && Math.abs(zoom[1] - stepTo) < 1e-6,
                    "zoomed to the dragged steps " + stepFrom + ".." + stepTo + ": " + Arrays.toString(zoom));
            for (javafx.scene.Node n : charts().lookupAll(".chart")) {
                if (n instanceof MarkedLineChart c && c.isVisible()) {
                    for (XYChart.Series<Number, Number> s : c.getData()) {
                        for (XYChart.Data<Number, Number> d : s.getData()) {
                            double step = d.getXValue().doubleValue();
                            assertTrue(step >= zoom[0] && step <= zoom[1], c.getTitle() + " draws step " + step);
                        }
                    }
                }
            }
            String readout = chart.readoutAt((stepFrom + stepTo) / 2);
            assertTrue(readout.startsWith("step ") && readout.contains("loss_D") && readout.contains("loss_G"),
                    readout);
            assertTrue(chart.getAccessibleText().startsWith("Losses") && chart.getAccessibleText().contains("loss_D"),
                    chart.getAccessibleText());
            mouse(chart, javafx.scene.input.MouseEvent.MOUSE_CLICKED, from, y, 2);
            assertEquals(null, charts().zoom(), "a double-click shows the whole run");
            try {
                java.io.File png = runsRoot.resolve("losses.png").toFile();
                chart.savePng(png);
                assertTrue(png.length() > 1000, "a PNG of the chart");
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    private static void mouse(javafx.scene.Node target, javafx.event.EventType<javafx.scene.input.MouseEvent> type,
            double sceneX, double sceneY, int clicks) {
        javafx.event.Event.fireEvent(target, new javafx.scene.input.MouseEvent(type, sceneX, sceneY, sceneX, sceneY,
                javafx.scene.input.MouseButton.PRIMARY, clicks, false, false, false, false, true, false, false, false,
                false, false, null));
    }

    /**
     * At this window size nothing the dashboard shows is cut at the right or bottom edge: every chart with its
     * legend and axis labels, the toolbar and the status bar lie inside the scene. Saves target/studio-WxH.png.
     */
    private void fitsTheWindowAt(int width, int height) throws Exception {
        FxThread.run(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        FxThread.await("the window at " + width + "x" + height, STEP_LIMIT,
                () -> Math.abs(app.scene().getWidth() - width) < 40 && Math.abs(app.scene().getHeight() - height) < 60,
                () -> app.scene().getWidth() + "x" + app.scene().getHeight());
        Thread.sleep(300); // a layout pulse or two
        FxThread.run(() -> {
            javafx.scene.Parent root = app.scene().getRoot();
            root.applyCss();
            root.layout();
            double w = app.scene().getWidth();
            double h = app.scene().getHeight();
            List<String> cut = new java.util.ArrayList<>();
            for (String selector : List.of(".chart", ".chart-legend", ".axis", ".tool-bar", ".status-bar")) {
                for (Node n : root.lookupAll(selector)) {
                    if (!n.isVisible() || n.getScene() == null || !isShown(n)) {
                        continue;
                    }
                    javafx.geometry.Bounds b = n.localToScene(n.getLayoutBounds());
                    if (b.getMaxX() > w + 1 || b.getMaxY() > h + 1 || b.getMinX() < -1) {
                        cut.add(selector + " " + n.getClass().getSimpleName() + " " + b);
                    }
                }
            }
            assertTrue(cut.isEmpty(), "cut at " + width + "x" + height + " (scene " + w + "x" + h + "): " + cut);
            try {
                StudioApp.savePng(app.scene(), screenshot.resolveSibling("studio-" + width + "x" + height + ".png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Visible all the way up, and in the selected tab (a hidden tab's nodes keep stale bounds). */
    private static boolean isShown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Ctrl and the key, as the keyboard sends it: through the scene's filters. */
    private void typeShortcut(KeyCode key) {
        FxThread.run(() -> {
            javafx.scene.Node target = app.scene().getFocusOwner() != null ? app.scene().getFocusOwner()
                    : app.scene().getRoot();
            javafx.event.Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, false, true, false,
                    false));
        });
    }

    private void press(String text) {
        FxThread.run(() -> {
            Button b = button(text).orElseThrow(() -> new AssertionError("no button " + text));
            assertFalse(b.isDisabled(), text + " is disabled: " + describe());
            b.fire();
        });
    }

    private Optional<Button> button(String text) {
        return gan.getRoot().lookupAll(".button").stream().filter(n -> n instanceof Button).map(n -> (Button) n)
                .filter(b -> b.getText().equals(text)).findFirst();
    }

    private ChartsPanel charts() {
        return (ChartsPanel) gan(".charts");
    }

    /** Points drawn per series name, on the charts that are on screen. */
    private Map<String, Integer> chartPoints() {
        Map<String, Integer> out = new HashMap<>();
        for (Node n : charts().lookupAll(".chart")) {
            if (n instanceof MarkedLineChart chart && chart.isVisible()) {
                for (XYChart.Series<Number, Number> s : chart.getData()) {
                    out.put(s.getName(), s.getData().size());
                }
            }
        }
        return out;
    }

    private List<Label> statusFields() {
        return gan(".status-bar").lookupAll(".status-field").stream().map(n -> (Label) n).collect(Collectors.toList());
    }

    private String statusText() {
        return statusFields().stream().map(Label::getText).collect(Collectors.joining(" | "));
    }

    @SuppressWarnings("unchecked")
    private List<String> events() {
        return ((ListView<String>) gan(".events")).getItems();
    }

    private long checkpointStep(int after) {
        List<String> items = events();
        for (int i = after; i < items.size(); i++) {
            Matcher m = CHECKPOINT.matcher(items.get(i));
            if (m.find()) {
                return Long.parseLong(m.group(1));
            }
        }
        return -1;
    }

    /** Whether the 2D view's picture holds exactly this frame's pixels. */
    private boolean pictureIs(Frame frame) {
        Image shown = ((PixelImagePane) gan(".image-pane")).getImage();
        if (frame == null || shown == null || shown.getWidth() != frame.width() || shown.getHeight() != frame.height()) {
            return false;
        }
        int[] pixels = new int[frame.width() * frame.height()];
        shown.getPixelReader().getPixels(0, 0, frame.width(), frame.height(), PixelFormat.getIntArgbInstance(), pixels,
                0, frame.width());
        return Arrays.equals(pixels, frame.argb());
    }

    private static long number(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** The forked JVM's entry: args are the runs folder and the screenshot; exit code 0 when every check held. */
    public static void main(String[] args) {
        int code = 1;
        try {
            Platform.startup(() -> { });
            new DashboardScenario(Paths.get(args[0]), Paths.get(args[1])).run();
            System.out.println("dashboard scenario passed");
            code = 0;
        } catch (Throwable t) {
            t.printStackTrace(System.out);
        }
        System.exit(code);
    }
}
