package ganstudio.ui.gan;

import com.google.gson.JsonObject;

import ganstudio.config.UserError;
import ganstudio.runs.RunDirectory;
import ganstudio.ui.common.Background;

import java.util.List;
import java.util.function.LongConsumer;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The opened run's timeline under the picture: a slider over its saved frames, "step S (i/n)", and "Close run".
 * Hidden while the live run is on screen.
 */
final class FrameTimeline {

    private static final long LOOK_EVERY_NANOS = 2_000_000_000L;

    private final Slider slider = new Slider();
    private final Label position = new Label();
    private final HBox box;
    private final LongConsumer onFrame;
    private final Runnable onClose;
    private RunDirectory run;
    private List<Long> steps = List.of();
    private long lastLook;
    private boolean lookPending;

    /**
     * @param onFrame the step of the frame to show, each time the slider lands on one
     * @param onClose "Close run"
     */
    FrameTimeline(LongConsumer onFrame, Runnable onClose) {
        this.onFrame = onFrame;
        this.onClose = onClose;
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(1);
        slider.setSnapToTicks(true);
        slider.valueProperty().addListener((o, a, b) -> showFrame());
        HBox.setHgrow(slider, Priority.ALWAYS);
        Label frameLabel = new Label("Frame");
        frameLabel.setMinWidth(Region.USE_PREF_SIZE);
        position.setMinWidth(Region.USE_PREF_SIZE);
        slider.setMinWidth(60);
        box = new HBox(8, frameLabel, slider, position);
        box.getStyleClass().add("timeline");
        setShown(false);
    }

    HBox box() {
        return box;
    }

    /** Shows run's frames, on the newest. */
    void show(RunDirectory run, List<Long> frames) {
        this.run = run;
        steps = frames;
        setShown(true);
        slider.setMin(0);
        slider.setMax(Math.max(0, frames.size() - 1));
        slider.setDisable(frames.size() < 2);
        if (slider.getValue() == frames.size() - 1) {
            showFrame();
        } else {
            slider.setValue(Math.max(0, frames.size() - 1));
        }
    }

    void hide() {
        run = null;
        steps = List.of();
        setShown(false);
    }

    /**
     * An opened run that is still training (here, or by the CLI): every 2 s the timeline takes in the frames
     * saved since, following them when the slider sits on the newest. Called on every UI tick.
     */
    void lookForNewFrames() {
        long now = System.nanoTime();
        if (run == null || lookPending || now - lastLook < LOOK_EVERY_NANOS) {
            return;
        }
        lastLook = now;
        lookPending = true;
        RunDirectory looked = run;
        // The summary and the samples/ listing are file reads: off the FX thread, so a slow disk never stalls it.
        Background.run("timeline-look", () -> look(looked), saved -> {
            lookPending = false;
            if (saved.steps() != null && looked == run) {
                grow(saved.steps(), saved.training());
            }
        });
    }

    /** The frames on disk, or null steps when the folder cannot be listed now; training unless it surely ended. */
    private record Saved(List<Long> steps, boolean training) {}

    private static Saved look(RunDirectory run) {
        List<Long> steps = null;
        boolean training = true;
        try {
            JsonObject summary = run.readSummary();
            training = summary.has("status") && "running".equals(summary.get("status").getAsString());
        } catch (UserError e) {
            // caught mid-write: take only the frames that are surely complete
        }
        try {
            steps = run.frameSteps();
        } catch (RuntimeException e) {
            // the folder went away or is unreadable for now: look again next time
        }
        return new Saved(steps, training);
    }

    private void grow(List<Long> saved, boolean training) {
        List<Long> grown = TimelineSteps.grown(steps, saved, training);
        if (grown == null) {
            return;
        }
        boolean follow = TimelineSteps.atNewest(slider.getValue(), steps.size());
        steps = grown;
        slider.setMax(grown.size() - 1);
        slider.setDisable(grown.size() < 2);
        if (follow) {
            slider.setValue(grown.size() - 1); // shows it through the slider's listener
        } else {
            showPosition((int) Math.round(slider.getValue())); // the count grew, the picture stays
        }
    }

    private void showFrame() {
        if (run == null || steps.isEmpty()) {
            return;
        }
        int i = (int) Math.round(slider.getValue());
        i = Math.max(0, Math.min(steps.size() - 1, i));
        showPosition(i);
        onFrame.accept(steps.get(i));
    }

    private void showPosition(int i) {
        position.setText("step " + steps.get(i) + "  (" + (i + 1) + "/" + steps.size() + ")");
    }

    private void setShown(boolean show) {
        box.setVisible(show);
        box.setManaged(show);
        if (show && box.getChildren().size() == 3) {
            Button back = new Button("Close run");
            back.setMinWidth(Region.USE_PREF_SIZE);
            back.setTooltip(new Tooltip("Back to the live run (or an empty view when none is running)"));
            back.setOnAction(e -> onClose.run());
            box.getChildren().add(back);
        }
    }
}
