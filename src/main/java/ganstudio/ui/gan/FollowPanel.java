package ganstudio.ui.gan;

import ganstudio.media.Frame;
import ganstudio.media.ImageGrid;

import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * "Following z #k": one cell of the sample grid enlarged, and a filmstrip of that cell across the saved frames,
 * newest on the right. Hidden while nothing is followed.
 */
final class FollowPanel extends VBox {

    /** Screen pixels per cell pixel of the enlarged cell and of the filmstrip. */
    private static final double LARGE = 4;
    private static final double STRIP = 2;

    private final Label title = new Label();
    private final Label detail = new Label();
    private final Button close = new Button("×");
    private final ImageView large = new ImageView();
    private final ImageView strip = new ImageView();
    private final ScrollPane stripScroll = new ScrollPane(strip);
    private WritableImage largeImage;
    private WritableImage stripImage;
    private final Tooltip stripTip = new Tooltip("This z at every saved frame so far, oldest left, newest right");
    private List<Long> filmSteps = List.of();
    private ImageGrid.Layout filmLayout;

    FollowPanel(Runnable onClose) {
        getStyleClass().add("follow-panel");
        setSpacing(4);
        title.getStyleClass().add("section-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        detail.getStyleClass().add("hint");
        detail.setMinWidth(0);
        close.setTooltip(new Tooltip("Stop following (Esc, or click the cell again)"));
        close.setOnAction(e -> onClose.run());
        close.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(8, title, detail, grow, close);
        head.setAlignment(Pos.CENTER_LEFT);
        large.setSmooth(false);
        large.setPreserveRatio(true);
        Tooltip.install(large, new Tooltip("This z at the frame on screen"));
        strip.setSmooth(false);
        strip.setPreserveRatio(true);
        Tooltip.install(strip, stripTip);
        strip.setOnMouseMoved(e -> {
            int at = filmLayout == null || filmSteps.isEmpty() ? -1
                    : filmLayout.cellAt((int) (e.getX() / STRIP), (int) (e.getY() / STRIP));
            stripTip.setText((at >= 0 ? "step " + filmSteps.get(at) + "\n" : "")
                    + "This z at every saved frame so far, oldest left, newest right");
        });
        stripScroll.getStyleClass().add("image-scroll");
        stripScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        stripScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        stripScroll.setPannable(true);
        stripScroll.setMaxHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(stripScroll, Priority.ALWAYS);
        HBox body = new HBox(8, large, stripScroll);
        body.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(head, body);
        setVisible(false);
        setManaged(false);
    }

    Button closeButton() {
        return close;
    }

    /**
     * @param cell the followed cell at the frame on screen (size² ARGB), or null before it is known
     * @param film the filmstrip, or null while the saved frames load
     */
    void show(int index, int[] cell, int size, Frame film, String text, List<Long> filmSteps) {
        title.setText("Following z #" + index);
        detail.setText(text);
        if (cell != null) {
            largeImage = FrameImages.toImage(Frame.image(0, size, size, cell), largeImage);
            large.setImage(largeImage);
            large.setFitWidth(size * LARGE);
        }
        if (film != null) {
            this.filmSteps = filmSteps;
            this.filmLayout = new ImageGrid.Layout(Math.max(1, filmSteps.size()), Math.max(1, filmSteps.size()), size);
            boolean atEnd = stripScroll.getHvalue() >= 0.999 || strip.getImage() == null;
            stripImage = FrameImages.toImage(film, stripImage);
            strip.setImage(stripImage);
            strip.setFitWidth(film.width() * STRIP);
            stripScroll.setPrefViewportHeight(film.height() * STRIP);
            if (atEnd) {
                // Newest last: keep the newest cell in sight while it grows, unless the user scrolled back.
                stripScroll.layout();
                stripScroll.setHvalue(1);
            }
        }
        setVisible(true);
        setManaged(true);
    }

    void hide() {
        setVisible(false);
        setManaged(false);
        large.setImage(null);
        strip.setImage(null);
        largeImage = null;
        stripImage = null;
    }
}
