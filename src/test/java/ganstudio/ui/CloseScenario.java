package ganstudio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;

import ganstudio.runs.RunDirectory;
import ganstudio.train.classify.ClassifierSession;
import ganstudio.train.classify.TinyIdx;
import ganstudio.train.gan.GanSession;
import ganstudio.train.Session;
import ganstudio.ui.session.TrainingRun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Closing the real window while a classifier and a GAN train: the close button asks "2 runs are training: stop
 * them and quit?", and on yes a progress dialog shows both runs stopping; the window goes when both have ended,
 * with each summary saying stopped and a checkpoint to resume from. Meanwhile the FX thread never waits: its
 * longest single wait in Java ({@link FxWaitWatch}) and the most it ran in one pulse gap (a fresh
 * {@link FxStallMonitor}) stay under 500 ms. A raw pulse gap is not the bound: on a machine loaded to 12 by other
 * processes a gap of 1.2 s held 84 ms of FX work, the rest was waiting for a core. Runs on a thread of its own
 * against a started toolkit and a display; also a main class, which {@link StudioCloseTest} runs in a JVM of its
 * own under Xvfb. Prints "close took X s; ..." for the README's figures.
 */
final class CloseScenario {

    /** A gap between two pulses this long is a blocked FX thread (the bound). */
    static final long MAX_GAP_MILLIS = 500;
    private static final Duration START_LIMIT = Duration.ofSeconds(120);
    /** The studio's own limit, the note's few seconds, and slack for a busy machine. */
    private static final Duration CLOSE_LIMIT = Duration.ofMillis(StudioShutdown.LIMIT_MILLIS).plusSeconds(20);

    private final Path runsRoot;
    private final Path data;
    private final Path screenshot;
    private StudioApp app;
    private Stage stage;
    private volatile boolean stopped;

    /**
     * @param data a folder of MNIST-style IDX files to train the classifier on, or null for Fashion-MNIST
     *     installed on the machine (the figure the README quotes: its 10,000 test images)
     * @param screenshot where to write a picture of the progress dialog, or null
     */
    CloseScenario(Path runsRoot, Path data, Path screenshot) {
        this.runsRoot = runsRoot;
        this.data = data;
        this.screenshot = screenshot;
    }

    /** The classifier's data for the suite: 1,200 training and 2,000 test images of 28x28. */
    static void writeTinyData(Path dir) throws IOException {
        TinyIdx.write(dir, "train", 1200, 4, 1);
        TinyIdx.write(dir, "t10k", 2000, 4, 2);
    }

    void run() throws Exception {
        List<String> args = List.of("--out", runsRoot.toString(), "--theme", "dark", "--size", "1400x900");
        app = new StudioApp(args);
        // As the launcher does: when the window closes, stop() runs. Here this scenario calls it, and times it.
        Platform.setImplicitExit(false);
        stage = FxThread.call(() -> {
            Stage s = new Stage();
            app.start(s);
            return s;
        });
        try {
            closeWhileTraining();
        } finally {
            if (!stopped) {
                FxThread.run(() -> {
                    for (TrainingRun r : app.window().trainingRuns()) {
                        r.session().control().stopForExit();
                    }
                    stage.hide();
                });
            }
        }
    }

    private void closeWhileTraining() throws Exception {
        List<String> cls = new ArrayList<>(List.of("cls.epochs=50", "threads=1"));
        if (data != null) {
            cls.addAll(List.of("data.kind=mnist", "data.path=" + data, "data.limit=0", "cls.validation=200",
                    "cls.width=16", "batchSize=32", "log.every=2"));
        }
        FxThread.run(() -> {
            app.window().startDemo("fashion-classifier-baseline", null, cls);
            app.window().startDemo("ring8-gan", 100_000, List.of("threads=1"));
        });
        FxThread.await("a classifier and a GAN training, each past its first logged row", START_LIMIT,
                () -> runs().size() == 2 && runs().stream().allMatch(CloseScenario::hasLoggedRows), this::describe);
        List<TrainingRun> training = FxThread.call(this::runs);
        Session<?> classifier = training.stream().filter(r -> r.session() instanceof ClassifierSession)
                .findFirst().orElseThrow().session();
        Session<?> gan = training.stream().filter(r -> r.session() instanceof GanSession)
                .findFirst().orElseThrow().session();

        // The window's close button, as the window manager sends it.
        // The FX thread's longest single wait in Java; first a probe that it sees one.
        long fxId = FxThread.call(() -> Thread.currentThread().getId());
        try (FxWaitWatch probe = new FxWaitWatch(fxId)) {
            FxThread.run(() -> {
                try {
                    new CountDownLatch(1).await(600, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            probe.close();
            assertTrue(probe.longestMillis() >= 500, "the probe saw " + probe.longestMillis()
                    + " ms of a 600 ms wait on the FX thread");
        }

        // Every pulse from here on, with the FX thread's CPU time and GC time of each long gap.
        FxWaitWatch waits = new FxWaitWatch(fxId);
        FxStallMonitor monitor = FxThread.call(() -> {
            FxStallMonitor m = FxStallMonitor.watch();
            stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
            return m;
        });
        StallRecorder gaps = monitor.whole();
        Thread sampler = new Thread(() -> {
            Thread fx = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("JavaFX Application Thread")).findFirst().orElseThrow();
            long t0 = System.nanoTime();
            while (!stopped) {
                StackTraceElement[] st = fx.getStackTrace();
                if (st.length > 0 && !st[0].getMethodName().equals("_runLoop")) {
                    StringBuilder b = new StringBuilder(String.format("FX %.2f s:", (System.nanoTime() - t0) / 1e9));
                    for (int i = 0; i < Math.min(14, st.length); i++) {
                        b.append("\n    ").append(st[i]);
                    }
                    System.out.println(b);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        if (Boolean.getBoolean("ganstudio.test.sampleFx")) {
            sampler.start();
        }
        FxThread.await("the question before quitting", Duration.ofSeconds(10),
                () -> app.confirming() != null && app.confirming().isShowing(), this::describe);
        assertTrue(FxThread.call(stage::isShowing), "the window stays while the question is open");
        assertEquals("2 runs are training: stop them and quit?", FxThread.call(() -> app.confirming().getHeaderText()));
        String names = FxThread.call(() -> app.confirming().getContentText());
        assertTrue(names.contains("GAN \u00b7 " + gan.getRunDir().getFileName())
                && names.contains("Classifier \u00b7 " + classifier.getRunDir().getFileName()), names);

        long[] pressed = new long[1];
        String shown = FxThread.call(() -> {
            ButtonType yes = app.confirming().getButtonTypes().stream()
                    .filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).findFirst().orElseThrow();
            assertEquals("Stop them and quit", yes.getText());
            ((Button) app.confirming().getDialogPane().lookupButton(yes)).fire();
            pressed[0] = System.nanoTime();
            assertNotNull(app.closing(), "the progress dialog opens at once");
            assertTrue(app.closing().stage().isShowing());
            if (screenshot != null) {
                StudioApp.savePng(app.closing().stage().getScene(), screenshot);
            }
            return dialogText();
        });
        System.out.println("dialog: " + shown.replace("\n", " | "));
        // Both were told at once, before either had ended: they stop in parallel.
        assertTrue(classifier.control().isStopRequested() && gan.control().isStopRequested());
        assertTrue(gan.control().isEvaluationSkipped() && classifier.control().isEvaluationSkipped());
        assertTrue(shown.startsWith("Stopping 2 runs: saving checkpoints\u2026 ("), shown);
        assertTrue(shown.contains("GAN \u00b7 " + gan.getRunDir().getFileName() + ": ")
                && shown.contains("Classifier \u00b7 " + classifier.getRunDir().getFileName() + ": "), shown);

        FxThread.await("the window to close", CLOSE_LIMIT, () -> !stage.isShowing(), this::describe);
        double closeSeconds = (System.nanoTime() - pressed[0]) / 1e9;
        waits.close();
        FxThread.run(monitor::stop);
        System.out.println(monitor.report());
        long stopNanos = FxThread.call(() -> {
            long t = System.nanoTime();
            app.stop(); // what the launcher runs once the window has gone; ends with Platform.exit()
            stopped = true;
            return System.nanoTime() - t;
        });
        System.out.printf(Locale.ROOT, "close took %.2f s; FX thread's longest wait in Java %d ms (%d ms in all); "
                + "longest pulse gap %.0f ms (%d pulses, FX thread on a CPU at most %.0f ms in one gap); stop() %.0f ms%n", closeSeconds,
                waits.longestMillis(), waits.totalMillis(), gaps.longestGapNanos() / 1e6, gaps.pulseGaps(),
                maxFxCpu(gaps) / 1e6, stopNanos / 1e6);

        assertTrue(gaps.pulseGaps() >= 2, "the FX thread pulsed while the runs stopped: " + gaps.pulseGaps());
        assertTrue(waits.longestMillis() < MAX_GAP_MILLIS, "the FX thread waited " + waits.longestMillis()
                + " ms at a stretch while closing");
        assertTrue(maxFxCpu(gaps) < MAX_GAP_MILLIS * 1_000_000L, "the FX thread was busy for "
                + maxFxCpu(gaps) / 1_000_000 + " ms in one pulse gap while closing: " + gaps.report());
        assertTrue(stopNanos < MAX_GAP_MILLIS * 1_000_000L, "stop() waited " + stopNanos / 1_000_000 + " ms");
        for (Session<?> s : List.of(gan, classifier)) {
            assertTrue(s.awaitEnd(0, TimeUnit.SECONDS), "the window closed before the end of "
                    + s.getRunDir() + " (the limit passed?)");
            RunDirectory run = RunDirectory.open(s.getRunDir());
            JsonObject summary = run.readSummary();
            assertEquals("stopped", summary.get("status").getAsString(), s.getRunDir() + ": " + summary);
            assertTrue(summary.get("reason").getAsString().startsWith("stopped by the user at "), summary.toString());
            assertTrue(run.latestCheckpoint().isPresent(), s.getRunDir() + " keeps a checkpoint to resume from");
        }
        JsonObject ganSummary = RunDirectory.open(gan.getRunDir()).readSummary();
        assertTrue(ganSummary.get("reason").getAsString().contains("evaluation skipped"),
                "the GAN skipped its end-of-run evaluation: " + ganSummary);
        assertFalse(ganSummary.has("eval"), ganSummary.toString());
    }

    /** The most CPU time the FX thread itself spent within one of the longest pulse gaps. */
    private static long maxFxCpu(StallRecorder gaps) {
        return gaps.worst().stream().mapToLong(StallRecorder.Stall::fxCpuNanos).max().orElse(0);
    }

    private List<TrainingRun> runs() {
        return app.window().trainingRuns();
    }

    /** Whether the run's metrics.csv has a row under its header. */
    private static boolean hasLoggedRows(TrainingRun r) {
        Path dir = r.session().getRunDir();
        if (dir == null || !"running".equals(r.session().getStatus())) {
            return false;
        }
        try {
            return Files.readAllLines(dir.resolve(RunDirectory.METRICS)).size() >= 2;
        } catch (IOException e) {
            return false;
        }
    }

    /** The dialog's text, one line per label. */
    private String dialogText() {
        if (app.closing() == null) {
            return "(no dialog)";
        }
        Node root = app.closing().stage().getScene().getRoot();
        return root.lookupAll(".label").stream().filter(Node::isVisible).map(n -> ((Label) n).getText())
                .collect(Collectors.joining("\n"));
    }

    private String describe() {
        return runs().stream().map(r -> r.label() + " " + r.session().getStatus() + " " + r.session().getRunDir())
                .collect(Collectors.joining("; ")) + "; window showing " + stage.isShowing() + "; dialog: "
                + dialogText().replace("\n", " | ");
    }

    /**
     * The forked JVM's entry: args are the runs folder, the classifier's data folder ("fashion" for the installed
     * Fashion-MNIST; any other folder gets the tiny set written into it) and the dialog's screenshot; exit code 0
     * when every check held.
     */
    public static void main(String[] args) {
        int code = 1;
        try {
            Path data = null;
            if (!args[1].equals("fashion")) {
                data = Paths.get(args[1]);
                writeTinyData(data);
            }
            Platform.startup(() -> { });
            new CloseScenario(Paths.get(args[0]), data, args.length > 2 ? Paths.get(args[2]) : null).run();
            System.out.println("close scenario passed");
            code = 0;
        } catch (Throwable t) {
            t.printStackTrace(System.out);
        }
        System.exit(code);
    }
}
