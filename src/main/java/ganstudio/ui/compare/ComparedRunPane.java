package ganstudio.ui.compare;

import ganstudio.ui.common.PixelImagePane;

import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * One run's column in the compare view: its saved frame at the timeline's step, a status line (step, samples/s,
 * status) and what it changed against its pair. A frame is loaded from disk in the background by JavaFX and
 * swapped in only once loaded, so scrubbing neither blocks nor blanks the picture.
 */
final class ComparedRunPane extends VBox {

    private final PixelImagePane image = new PixelImagePane(false);
    private final Label title = new Label();
    private final Label status = new Label();
    private final Label note = new Label();
    private Long shownStep;
    private Image loading;

    ComparedRunPane(ComparedRun run) {
        getStyleClass().add("compared-run");
        setSpacing(2);
        title.setText(run.label());
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        status.setWrapText(true);
        status.getStyleClass().add("hint");
        note.getStyleClass().add("twin-note");
        note.setWrapText(true);
        note.setText(run.note());
        note.setVisible(!run.note().isEmpty());
        note.setManaged(!run.note().isEmpty());
        image.setMinSize(120, 120);
        VBox.setVgrow(image, Priority.ALWAYS);
        getChildren().addAll(title, image, status, note);
    }

    /** Shows the frame saved at frameStep (the newest at or before the timeline's step), or none. */
    void showFrame(ComparedRun run, long timelineStep) {
        Long frameStep = run.frameAt(timelineStep);
        if (frameStep == null) {
            shownStep = null;
            image.show(null, timelineStep > 0 ? "no frame at or before step " + timelineStep : "");
            return;
        }
        if (frameStep.equals(shownStep)) {
            return;
        }
        shownStep = frameStep;
        Image img = new Image(run.framePath(frameStep).toUri().toString(), true);
        loading = img;
        img.progressProperty().addListener((o, a, b) -> {
            if (b.doubleValue() >= 1 && loading == img && !img.isError()) {
                image.show(img, "frame at step " + frameStep);
            }
        });
    }

    void setStatus(String text) {
        status.setText(text);
    }
}
