package ganstudio.ui;

import java.util.List;

import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.util.Duration;

/**
 * The small modal window shown while the studio stops its runs on the way out: which runs are still stopping,
 * which are done, and a bar; when the limit passes, where the unfinished runs stay. It only reads
 * {@link StudioShutdown}, whose threads do the waiting: the FX thread never blocks here.
 */
final class CloseDialog {

    /** After the limit passed: how long the note stays on screen before the studio quits. */
    static final Duration NOTE_SECONDS = Duration.seconds(3);

    private final StudioShutdown shutdown;
    private final Stage stage = new Stage();
    private final Label headline = new Label();
    private final VBox lines = new VBox(4);
    private final ProgressBar bar = new ProgressBar(0);
    private final Label countdown = new Label();
    private final Label note = new Label();
    private final Timeline refresh;
    private final Runnable quit;
    private boolean quitting;

    /**
     * @param owner the studio's window, which the dialog blocks (not its FX thread)
     * @param quit closes the studio; called once on the FX thread when every run ended or after the note
     */
    CloseDialog(Stage owner, StudioShutdown shutdown, Runnable quit) {
        this.shutdown = shutdown;
        this.quit = quit;
        headline.getStyleClass().add("close-headline");
        headline.setStyle("-fx-font-weight: bold;");
        lines.getStyleClass().add("close-runs");
        bar.setMaxWidth(Double.MAX_VALUE);
        countdown.getStyleClass().add("close-countdown");
        note.getStyleClass().add("close-note");
        note.setWrapText(true);
        note.setVisible(false);
        note.setManaged(false);
        VBox root = new VBox(10, headline, lines, bar, countdown, note);
        root.getStyleClass().add("close-dialog");
        // A frame of its own: without a window manager (Xvfb) the dialog has no border to set it off.
        root.setStyle("-fx-border-color: -fx-accent; -fx-border-width: 1;");
        root.setPadding(new Insets(16));
        root.setPrefWidth(600);
        Scene scene = new Scene(root);
        if (owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.initStyle(StageStyle.UTILITY);
        stage.setTitle("Quitting GAN Studio");
        stage.setResizable(false);
        stage.setOnCloseRequest(e -> e.consume()); // the runs are stopping either way; it goes when they have
        refresh = new Timeline(new KeyFrame(Duration.millis(200), e -> show()));
        refresh.setCycleCount(Timeline.INDEFINITE);
    }

    /** Tells the runs to stop, shows the dialog and returns at once. */
    void open() {
        shutdown.begin(index -> Platform.runLater(this::show), all -> Platform.runLater(() -> finished(all)));
        show();
        stage.show();
        refresh.play();
    }

    Stage stage() {
        return stage;
    }

    private void show() {
        headline.setText(shutdown.headline());
        List<String> text = shutdown.lines();
        while (lines.getChildren().size() < text.size()) {
            Label l = new Label();
            l.getStyleClass().add("close-run");
            l.setWrapText(true);
            lines.getChildren().add(l);
        }
        for (int i = 0; i < text.size(); i++) {
            ((Label) lines.getChildren().get(i)).setText((shutdown.hasEnded(i) ? "\u2713 " : "\u2022 ") + text.get(i));
        }
        int ended = shutdown.endedCount();
        // Moving while none has ended yet, so the dialog never looks stuck; then the share that has.
        bar.setProgress(ended == 0 && !shutdown.runs().isEmpty() ? ProgressBar.INDETERMINATE_PROGRESS
                : shutdown.runs().isEmpty() ? 1 : (double) ended / shutdown.runs().size());
        countdown.setText(shutdown.countdown());
    }

    private void finished(boolean allEnded) {
        refresh.stop();
        show();
        bar.setProgress(shutdown.runs().isEmpty() ? 1 : (double) shutdown.endedCount() / shutdown.runs().size());
        if (allEnded) {
            close();
            return;
        }
        String text = shutdown.resumableNote();
        System.err.println(shutdown.headline() + ". " + text);
        note.setText(text);
        note.setVisible(true);
        note.setManaged(true);
        stage.sizeToScene();
        PauseTransition wait = new PauseTransition(NOTE_SECONDS);
        wait.setOnFinished(e -> close());
        wait.play();
    }

    private void close() {
        if (quitting) {
            return;
        }
        quitting = true;
        stage.hide();
        quit.run();
    }
}
