package ganstudio.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;

/**
 * Shows a small picture (a 28x28 grid cell is 28 pixels) as large as the pane allows, aspect ratio kept and
 * without smoothing, so single pixels stay crisp squares instead of a blur.
 */
final class PixelImagePane extends StackPane {

    private final ImageView view = new ImageView();
    private final Label caption = new Label();
    private final Label placeholder = new Label("No frame yet: pick a preset and press Start, or open a run.");

    PixelImagePane() {
        getStyleClass().add("image-pane");
        view.setPreserveRatio(true);
        view.setSmooth(false);
        // The view must not dictate the pane's size, or the pane could never shrink below the image.
        setMinSize(120, 120);
        view.fitWidthProperty().bind(widthProperty().subtract(16));
        view.fitHeightProperty().bind(heightProperty().subtract(48));
        caption.getStyleClass().add("caption");
        placeholder.getStyleClass().add("placeholder");
        placeholder.setWrapText(true);
        StackPane.setAlignment(caption, Pos.BOTTOM_CENTER);
        StackPane.setAlignment(view, Pos.TOP_CENTER);
        getChildren().addAll(placeholder, view, caption);
    }

    void show(Image image, String text) {
        view.setImage(image);
        placeholder.setVisible(image == null);
        caption.setText(text == null ? "" : text);
    }

    Image getImage() {
        return view.getImage();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 480;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 480;
    }
}
