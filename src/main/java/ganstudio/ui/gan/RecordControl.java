package ganstudio.ui.gan;

import ganstudio.config.UserError;
import ganstudio.media.video.Caption;
import ganstudio.media.video.FramePacing;
import ganstudio.media.video.Recorder;
import ganstudio.media.video.RecordingResult;
import ganstudio.media.video.VideoFrame;
import ganstudio.media.video.VideoSettings;
import ganstudio.metrics.StepMetrics;
import ganstudio.train.gan.GanSession;
import ganstudio.train.gan.RecordingListener;
import ganstudio.config.ConfigSchema;
import ganstudio.ui.common.Shortcuts;

import java.io.File;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;

/**
 * The Record toggle of the toolbar. "Sample view" records the engine's own frames (grid or 2D view) at the
 * video pacing, captioned and encoded off the FX thread. "Whole window" snapshots the scene (charts included)
 * on the FX thread whenever the training step enters a new pacing bucket, and hands the pixels to the same
 * kind of Recorder; the snapshot is the only work done here. The file is video.mp4 (or dashboard.mp4) in the
 * run directory unless "…" picked one.
 */
public final class RecordControl {

    public enum Source {
        VIEW("Sample view"),
        DASHBOARD("Whole window");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Dashboard videos are shrunk to this width: a full-HD window would make jcodec fall behind. */
    private static final int DASHBOARD_WIDTH = 960;

    private final ToggleButton button = new ToggleButton("\u25CF Record");
    private final ComboBox<Source> source = new ComboBox<>();
    private final Button chooseFile = new Button("\u2026");
    private final Node window;
    private final Consumer<String> status;
    private final Consumer<String> problem;

    private GanSession session;
    private GanRunFeed feed;
    private Path chosenFile;
    private Recorder recorder;
    private RecordingListener viewRecording;
    private FramePacing pacing;
    private long lastBucket = Long.MIN_VALUE;
    private WritableImage snapshot;
    private String lastLine = "";

    /**
     * @param window the node snapshotted for "Whole window"
     * @param status shows the recording line in the status bar ("" hides it)
     * @param problem shows a problem in the banner
     */
    RecordControl(Node window, Consumer<String> status, Consumer<String> problem) {
        this.window = window;
        this.status = status;
        this.problem = problem;
        button.getStyleClass().add("record-button");
        button.setTooltip(new Tooltip(Shortcuts.tip("Record the training as an MP4 (H.264) or GIF with step and "
                + "losses", Shortcuts.RECORD)));
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(e -> {
            if (button.isSelected()) {
                start();
            } else {
                stop();
            }
        });
        source.getItems().setAll(Source.values());
        source.setValue(Source.VIEW);
        source.setTooltip(new Tooltip("What to record: the sample grid / 2D view, or the whole window with the charts"));
        chooseFile.setTooltip(new Tooltip("Choose the video file (.mp4 or .gif); default: video.mp4 in the run directory"));
        chooseFile.setOnAction(e -> chooseFile());
        update();
    }

    ToggleButton button() {
        return button;
    }

    List<Node> controls() {
        return List.of(button, source, chooseFile);
    }

    /** A new live run: recording starts off. */
    void attach(GanSession newSession, GanRunFeed newFeed) {
        stop();
        session = newSession;
        feed = newFeed;
        update();
    }

    boolean isRecording() {
        return recorder != null;
    }

    /** Starts recording now (the demo's --record does this without a click). */
    void start(Source what) {
        source.setValue(what);
        button.setSelected(true);
        start();
    }

    private void start() {
        if (recorder != null || session == null || feed == null || !feed.isStarted() || feed.isFinished()) {
            button.setSelected(recorder != null);
            return;
        }
        Source what = source.getValue();
        Path file = chosenFile != null ? chosenFile
                : freeName(feed.getRunDir(), what == Source.VIEW ? "video" : "dashboard");
        VideoSettings settings = VideoSettings.defaults();
        if (what == Source.DASHBOARD) {
            double w = window.getLayoutBounds().getWidth();
            double h = window.getLayoutBounds().getHeight();
            int height = (int) Math.round(DASHBOARD_WIDTH * h / Math.max(1, w)) + 48;
            settings = settings.withSize(DASHBOARD_WIDTH, height + (height & 1));
        }
        try {
            recorder = Recorder.start(file, settings);
        } catch (UserError e) {
            problem.accept(e.getMessage());
            button.setSelected(false);
            return;
        }
        chosenFile = null;
        pacing = settings.pacing();
        lastBucket = Long.MIN_VALUE;
        String title = feed.getRunDir().getFileName().toString();
        if (what == Source.VIEW) {
            viewRecording = RecordingListener.attach(session, recorder, title);
        }
        update();
    }

    /** Ends the recording; the file is finalized on a background thread so the window never waits. */
    void stop() {
        Recorder r = recorder;
        recorder = null;
        viewRecording = null;
        button.setSelected(false);
        if (r == null) {
            return;
        }
        status.accept("finishing video: encoding " + r.backlog() + " frames…");
        Thread t = new Thread(() -> {
            RecordingResult result = r.close();
            Platform.runLater(() -> {
                lastLine = result.ok() ? "saved " + result.describe() : result.describe();
                status.accept(lastLine);
                if (!result.error().isEmpty()) {
                    problem.accept("Recording stopped: " + result.error());
                }
            });
        }, "video-close");
        t.setDaemon(false); // the file must be finished even if the window closes meanwhile
        t.start();
        update();
    }

    /** Closing the studio: finish the file before the JVM exits. */
    void shutdown() {
        Recorder r = recorder;
        recorder = null;
        if (r != null) {
            r.close();
        }
    }

    /** Called by the window's timer (FX thread): dashboard snapshots, the status line, the enabled state. */
    void tick() {
        if (recorder != null && (feed == null || feed.isFinished())) {
            stop();
        }
        if (recorder != null && viewRecording == null) {
            snapshotIfDue();
        }
        if (recorder != null) {
            status.accept(String.format(Locale.ROOT, "recording\u2026 %d frames (%d encoded), %d dropped",
                    recorder.framesTaken(), recorder.framesWritten(), recorder.dropped()));
        }
        update();
    }

    private void snapshotIfDue() {
        StepMetrics m = feed.getLastMetrics();
        if (m == null) {
            return;
        }
        long bucket = pacing.bucket(m.step());
        if (bucket == lastBucket) {
            return;
        }
        lastBucket = bucket;
        snapshot = window.snapshot(null, snapshot);
        int w = (int) snapshot.getWidth();
        int h = (int) snapshot.getHeight();
        IntBuffer argb = VideoFrame.newPixelBuffer(w, h);
        snapshot.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, w);
        String title = feed.getRunDir().getFileName().toString();
        recorder.offer(VideoFrame.offHeap(m.step(), w, h, argb, List.of(Caption.of(title,
                session.getConfig().getString(ConfigSchema.OBJECTIVE_KIND), m.step(), feed.getTotalSteps(), m))));
    }

    private void update() {
        boolean live = session != null && feed != null && feed.isStarted() && !feed.isFinished();
        button.setDisable(!live && recorder == null);
        source.setDisable(recorder != null);
        chooseFile.setDisable(recorder != null);
        button.setText(recorder != null ? "\u25A0 Stop recording" : "\u25CF Record");
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Record to");
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("MP4 video (H.264)", "*.mp4"),
                new FileChooser.ExtensionFilter("Animated GIF", "*.gif"));
        if (feed != null && feed.getRunDir() != null) {
            chooser.setInitialDirectory(feed.getRunDir().toFile());
        }
        chooser.setInitialFileName(source.getValue() == Source.VIEW ? "video.mp4" : "dashboard.mp4");
        File f = chooser.showSaveDialog(window.getScene() == null ? null : window.getScene().getWindow());
        if (f != null) {
            chosenFile = f.toPath();
            chooseFile.setTooltip(new Tooltip("Next recording: " + chosenFile));
        }
    }

    /** name.mp4, or name-2.mp4, … when taken. */
    static Path freeName(Path dir, String name) {
        Path p = dir.resolve(name + ".mp4");
        for (int i = 2; Files.exists(p); i++) {
            p = dir.resolve(name + "-" + i + ".mp4");
        }
        return p;
    }
}
