package ganstudio.ui.common;

import java.util.List;
import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The line at the bottom: where the run is written, on what, how far, how fast, and its state. */
public final class StatusBar extends HBox {

    private static final List<String> STATE_STYLES = List.of("status-failed", "status-running");

    private final Label run = field("no run");
    private final Label device = field("");
    private final Label step = field("");
    private final Label critic = field("");
    private final Label speed = field("");
    private final Label time = field("");
    private final Label status = field("idle");
    private final Label recording = field("");
    private long shownSecond = Long.MIN_VALUE;

    public StatusBar() {
        getStyleClass().add("status-bar");
        setSpacing(18); // also without the stylesheet (styles/ not found): the fields must not run together
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        run.setMinWidth(120);
        run.setMaxWidth(520);
        // A classifier's data line names three sets and a path: it gives way (with "...") before the window does.
        device.setMinWidth(80);
        device.setMaxWidth(560);
        status.getStyleClass().add("status-state");
        recording.getStyleClass().add("status-recording");
        getChildren().addAll(run, device, step, critic, speed, time, grow, recording, status);
    }

    private static Label field(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("status-field");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    public void showRun(String runDir, String deviceText) {
        run.setText(runDir);
        if (!deviceText.equals(device.getText())) { // called every UI frame: a new tooltip only on change
            device.setText(deviceText);
            device.setTooltip(deviceText.isEmpty() ? null : new Tooltip(deviceText));
        }
    }

    public void showProgress(long stepNow, long steps, long criticIterations, double samplesPerSecond, double elapsed,
            double eta) {
        showProgress("step " + stepNow + " / " + steps, "critic its " + criticIterations, samplesPerSecond, elapsed,
                eta);
    }

    /** The same line for any task: the classifier says "epoch 2.4 / 10" and "batch 96". */
    public void showProgress(String position, String detail, double samplesPerSecond, double elapsed, double eta) {
        step.setText(position);
        critic.setText(detail);
        speed.setText(Double.isFinite(samplesPerSecond)
                ? String.format(Locale.ROOT, "%.0f samples/s", samplesPerSecond) : "");
        // Once a second: the ETA is re-estimated every frame and its rounding flickered a few times a second,
        // each time a repaint (see showStatus).
        long second = (long) Math.floor(elapsed);
        if (second != shownSecond || !Double.isFinite(eta)) {
            shownSecond = second;
            time.setText("elapsed " + duration(elapsed) + (Double.isFinite(eta) ? "  ETA " + duration(eta) : ""));
        }
    }

    public void clearProgress() {
        shownSecond = Long.MIN_VALUE;
        step.setText("");
        critic.setText("");
        speed.setText("");
        time.setText("");
    }

    /** "recording… 12 frames, 0 dropped", the saved file afterwards, or "" for nothing. */
    public void showRecording(String text) {
        recording.setText(text);
    }

    /**
     * Called every UI frame with mostly the same text. The style classes change only when the state does: any
     * change to them re-applies CSS and repaints, and a repaint walks the bounds of the whole scene: done 30 times a
     * second it cost the FX thread about a tenth of a core, which on two cores training competes with.
     */
    public void showStatus(String text) {
        status.setText(text);
        String style = stateStyle(text);
        List<String> classes = status.getStyleClass();
        for (String s : STATE_STYLES) {
            if (!s.equals(style) && classes.contains(s)) {
                classes.remove(s);
            }
        }
        if (style != null && !classes.contains(style)) {
            classes.add(style);
        }
    }

    /** The style class of a state line: failed, running (or starting), or none. */
    static String stateStyle(String text) {
        if ("failed".equals(text)) {
            return "status-failed";
        }
        return text.startsWith("running") || text.startsWith("starting") ? "status-running" : null;
    }

    /** h:mm:ss or m:ss. */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "-";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
