package ganstudio.ui.sweeps;

import java.util.List;

import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The sweep's band plots (plot-*.png, as report.json lists them), one under the other at the pane's width. A plot
 * is loaded again when its file was rewritten (after each task), in the background by JavaFX itself.
 */
public final class SweepPlotsPane extends ScrollPane {

    private final VBox plots = new VBox(8);
    private final Label empty = new Label("The band plots appear here once a task is done and the report is "
            + "written: each variant's mean curve over its seeds, shaded from the lowest to the highest seed.");
    private List<SweepSnapshot.PlotFile> shown = List.of();

    SweepPlotsPane() {
        empty.setWrapText(true);
        empty.getStyleClass().add("hint");
        plots.getChildren().add(empty);
        plots.getStyleClass().add("sweep-plots");
        setContent(plots);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        getStyleClass().add("sweep-plots-scroll");
    }

    void show(List<SweepSnapshot.PlotFile> files) {
        if (files.equals(shown)) {
            return;
        }
        shown = List.copyOf(files);
        if (files.isEmpty()) {
            plots.getChildren().setAll(empty);
            return;
        }
        plots.getChildren().clear();
        for (SweepSnapshot.PlotFile f : files) {
            ImageView view = new ImageView(new Image(f.file().toUri().toString(), true));
            view.setPreserveRatio(true);
            view.setSmooth(true);
            // the viewport's width less room for the vertical bar
            view.fitWidthProperty().bind(viewportBoundsProperty().map(b -> Math.max(100, b.getWidth() - 4)));
            view.setOnMouseClicked(e -> showFullSize(view.getImage(), f.file().getFileName().toString()));
            view.setCursor(Cursor.HAND);
            Label name = new Label(f.file().getFileName().toString());
            name.getStyleClass().add("hint");
            plots.getChildren().addAll(view, name);
        }
    }

    /** A plot at its own size in a window of its own (its text is small once fitted to the pane); Esc closes it. */
    private void showFullSize(Image image, String title) {
        ImageView big = new ImageView(image);
        ScrollPane scroll = new ScrollPane(big);
        Stage stage = new Stage();
        stage.initOwner(getScene().getWindow());
        stage.setTitle(title);
        Scene scene = new Scene(scroll, Math.min(1040, image.getWidth() + 20), Math.min(820, image.getHeight() + 20));
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.show();
    }

    /** The plot files on screen, for a test. */
    public List<SweepSnapshot.PlotFile> shown() {
        return shown;
    }
}
