package ganstudio.ui.common;

import java.util.Objects;
import java.util.function.BiConsumer;

import javafx.beans.binding.Bindings;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.StrokeType;

/**
 * Shows a small picture (a 28x28 grid cell is 28 pixels) fitted to the pane by default, aspect ratio kept and
 * without smoothing, so single pixels stay crisp squares instead of a blur. A zoomable pane also zooms in fixed
 * steps (wheel, its − Fit + buttons, or the shortcuts its window installs) and scrolls when the picture outgrows
 * it; a click reports the picture pixel under the mouse, and one rectangle of picture pixels can be outlined.
 */
public final class PixelImagePane extends BorderPane {

    private static final double MARGIN = 4;

    private final ImageView view = new ImageView();
    private final Rectangle outline = new Rectangle();
    private final Pane canvas = new Pane(view, outline);
    private final StackPane holder = new StackPane(canvas);
    private final ScrollPane scroller = new ScrollPane(holder);
    private final Label readout = new Label();
    private final Label caption = new Label();
    private final Label placeholder = new Label("No frame yet: pick a preset and press Start, or open a run.");
    private final Button zoomOut = new Button("−");
    private final Button zoomFit = new Button("Fit");
    private final Button zoomIn = new Button("+");
    private final Label zoomLabel = new Label();
    private final Tooltip clickHint = new Tooltip();
    private String clickHintText;
    private final Tooltip readoutTip = new Tooltip();
    private double zoom = ZoomSteps.FIT;
    private int[] outlined;
    private boolean revealOutline;
    private BiConsumer<Integer, Integer> onPixelClicked = (x, y) -> { };

    /** @param zoomable whether the pane zooms and shows its zoom controls (the compare view's panes only fit) */
    public PixelImagePane(boolean zoomable) {
        getStyleClass().add("image-pane");
        view.setPreserveRatio(true);
        view.setSmooth(false);
        // The view must not dictate the pane's size, or the pane could never shrink below the image.
        setMinSize(120, 120);
        scroller.getStyleClass().add("image-scroll");
        scroller.setPannable(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // The holder fills the viewport and centres the picture while it is smaller than the viewport.
        holder.minWidthProperty().bind(Bindings.createDoubleBinding(
                () -> scroller.getViewportBounds().getWidth(), scroller.viewportBoundsProperty()));
        holder.minHeightProperty().bind(Bindings.createDoubleBinding(
                () -> scroller.getViewportBounds().getHeight(), scroller.viewportBoundsProperty()));
        canvas.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        canvas.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        view.layoutBoundsProperty().addListener((o, a, b) -> {
            canvas.setPrefSize(b.getWidth(), b.getHeight());
            placeOutline();
            zoomLabel.setText(ZoomSteps.label(zoom, shownScale()));
        });
        scroller.viewportBoundsProperty().addListener((o, a, b) -> applyZoom());
        outline.setManaged(false);
        outline.setFill(Color.TRANSPARENT);
        outline.setStroke(Color.web("#ffd400"));
        outline.setStrokeType(StrokeType.OUTSIDE);
        outline.setStrokeWidth(2);
        outline.setMouseTransparent(true);
        outline.setVisible(false);
        view.setOnMouseClicked(e -> {
            Image img = view.getImage();
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress() && img != null && img.getWidth() > 0) {
                double scale = shownScale();
                onPixelClicked.accept((int) Math.floor(e.getX() / scale), (int) Math.floor(e.getY() / scale));
            }
        });

        readout.getStyleClass().add("readout");
        readout.setVisible(false);
        readout.setManaged(false);
        caption.getStyleClass().add("caption");
        caption.setMinWidth(0);
        caption.setWrapText(true);
        placeholder.getStyleClass().add("placeholder");
        placeholder.setWrapText(true);
        HBox.setHgrow(caption, Priority.ALWAYS);
        caption.setMaxWidth(Double.MAX_VALUE);
        HBox bottom = new HBox(6, caption);
        bottom.setAlignment(Pos.CENTER_LEFT);
        if (zoomable) {
            bottom.getChildren().add(zoomControls());
            scroller.addEventFilter(ScrollEvent.SCROLL, e -> {
                if (e.getDeltaY() != 0 && view.getImage() != null) {
                    zoomAround(e.getDeltaY() > 0 ? ZoomSteps.in(shownScale())
                            : ZoomSteps.out(shownScale(), fitScale()), e.getX(), e.getY());
                }
                e.consume();
            });
        }
        setTop(readout);
        setCenter(new StackPane(scroller, placeholder));
        setBottom(bottom);
        zoomLabel.setText(ZoomSteps.label(zoom, 1));
    }

    private HBox zoomControls() {
        zoomOut.setTooltip(new Tooltip("Zoom out (Ctrl+−, or the mouse wheel); stops at fit to the window"));
        zoomIn.setTooltip(new Tooltip("Zoom in (Ctrl++, or the mouse wheel over the picture); pixels stay "
                + "crisp squares. Drag the picture or use the scroll bars to pan"));
        zoomFit.setTooltip(new Tooltip("Fit the whole picture into the window (Ctrl+0), the default"));
        zoomLabel.setTooltip(new Tooltip("Screen pixels per picture pixel"));
        zoomOut.setOnAction(e -> zoomOut());
        zoomIn.setOnAction(e -> zoomIn());
        zoomFit.setOnAction(e -> fit());
        zoomLabel.getStyleClass().add("hint");
        zoomLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(4, zoomLabel, zoomOut, zoomFit, zoomIn);
        box.getStyleClass().add("zoom-controls");
        box.setAlignment(Pos.CENTER_RIGHT);
        for (Button b : new Button[] {zoomOut, zoomFit, zoomIn}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        return box;
    }

    public void show(Image image, String text) {
        view.setImage(image);
        placeholder.setVisible(image == null);
        caption.setText(text == null ? "" : text);
        updateAccessibleText();
        applyZoom();
        if (image != null && image.getProgress() < 1) {
            // A picture loading in the background has no size yet: zoom it once it has one.
            image.progressProperty().addListener((o, a, b) -> {
                if (b.doubleValue() >= 1 && view.getImage() == image) {
                    applyZoom();
                }
            });
        }
    }

    public Image getImage() {
        return view.getImage();
    }

    /** A line over the picture (the 2D view's mode coverage) and what it means; null hides it. */
    public void setReadout(String text, String explanation) {
        readout.setText(text == null ? "" : text);
        readout.setVisible(text != null);
        readout.setManaged(text != null);
        readoutTip.setText(explanation == null ? "" : explanation);
        readout.setTooltip(explanation == null ? null : readoutTip);
        updateAccessibleText();
    }

    /** What a screen reader says of the picture: its caption (the step, what it shows) and the mode readout. */
    private void updateAccessibleText() {
        String what = view.getImage() == null ? "No picture yet" : caption.getText();
        String modes = readout.isVisible() ? readout.getText() : "";
        view.setAccessibleText(modes.isEmpty() ? what : what + "; " + modes);
        view.setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
    }

    /** Where a click on the picture goes, in picture pixels (0,0 top left). */
    public void onPixelClicked(BiConsumer<Integer, Integer> handler) {
        this.onPixelClicked = handler;
    }

    /** Whether clicking the picture means something: a hand cursor and a tooltip say so. */
    public void setClickHint(String tooltip) {
        if (Objects.equals(tooltip, clickHintText)) {
            return; // called for every live frame
        }
        clickHintText = tooltip;
        view.setCursor(tooltip == null ? Cursor.DEFAULT : Cursor.HAND);
        if (tooltip == null) {
            Tooltip.uninstall(view, clickHint);
        } else {
            clickHint.setText(tooltip);
            Tooltip.install(view, clickHint);
        }
    }

    /** Outlines a rectangle of picture pixels (it follows the zoom) and scrolls it into sight, or none for null. */
    public void setOutline(int[] xywh) {
        outlined = xywh;
        revealOutline = xywh != null;
        placeOutline();
        revealOutlineIfDue();
    }

    // Centres a new outline when zoomed in, once the picture has a size (an opened run's loads in the background).
    private void revealOutlineIfDue() {
        Image img = view.getImage();
        if (!revealOutline || outlined == null || img == null || img.getWidth() <= 0) {
            return;
        }
        revealOutline = false;
        if (zoom == ZoomSteps.FIT) {
            return;
        }
        scroller.applyCss();
        scroller.layout();
        double s = shownScale();
        Bounds vp = scroller.getViewportBounds();
        Bounds at = canvas.getBoundsInParent();
        scroller.setHvalue(scrollValue(at.getMinX() + (outlined[0] + outlined[2] / 2.0) * s - vp.getWidth() / 2,
                holder.getWidth(), vp.getWidth()));
        scroller.setVvalue(scrollValue(at.getMinY() + (outlined[1] + outlined[3] / 2.0) * s - vp.getHeight() / 2,
                holder.getHeight(), vp.getHeight()));
    }

    public Button zoomInButton() {
        return zoomIn;
    }

    public Button zoomOutButton() {
        return zoomOut;
    }

    public Button zoomFitButton() {
        return zoomFit;
    }

    /** One step in, about the middle of what is on screen (the wheel zooms about the mouse). */
    public void zoomIn() {
        if (view.getImage() != null) {
            zoomAroundCentre(ZoomSteps.in(shownScale()));
        }
    }

    public void zoomOut() {
        if (view.getImage() != null) {
            zoomAroundCentre(ZoomSteps.out(shownScale(), fitScale()));
        }
    }

    private void zoomAroundCentre(double z) {
        Bounds vp = scroller.getViewportBounds();
        zoomAround(z, vp.getWidth() / 2, vp.getHeight() / 2);
    }

    public void fit() {
        setZoom(ZoomSteps.FIT);
    }

    /** Screen pixels per picture pixel, or {@link ZoomSteps#FIT}. */
    public void setZoom(double z) {
        zoom = z;
        applyZoom();
    }

    /** Zooms keeping the picture point under (x, y) of the viewport where it was. */
    private void zoomAround(double z, double x, double y) {
        Bounds vp = scroller.getViewportBounds();
        Bounds inHolder = canvas.getBoundsInParent();
        double left = scrollOffset(scroller.getHvalue(), holder.getWidth(), vp.getWidth());
        double top = scrollOffset(scroller.getVvalue(), holder.getHeight(), vp.getHeight());
        double old = shownScale();
        double px = (left + x - inHolder.getMinX()) / old;
        double py = (top + y - inHolder.getMinY()) / old;
        setZoom(z);
        scroller.applyCss();
        scroller.layout();
        double scale = shownScale();
        Bounds after = canvas.getBoundsInParent();
        scroller.setHvalue(scrollValue(after.getMinX() + px * scale - x, holder.getWidth(), vp.getWidth()));
        scroller.setVvalue(scrollValue(after.getMinY() + py * scale - y, holder.getHeight(), vp.getHeight()));
    }

    private static double scrollOffset(double value, double content, double viewport) {
        return Math.max(0, content - viewport) * value;
    }

    private static double scrollValue(double offset, double content, double viewport) {
        double room = content - viewport;
        return room <= 0 ? 0 : Math.max(0, Math.min(1, offset / room));
    }

    private void applyZoom() {
        Image img = view.getImage();
        Bounds vp = scroller.getViewportBounds();
        boolean fit = zoom == ZoomSteps.FIT || img == null || img.getWidth() <= 0;
        if (fit) {
            // Bars off while fitting, or their own size would shrink the viewport and refit forever.
            scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
            scroller.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
            view.setFitWidth(Math.max(1, vp.getWidth() - MARGIN));
            view.setFitHeight(Math.max(1, vp.getHeight() - MARGIN));
        } else {
            scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
            scroller.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
            view.setFitWidth(img.getWidth() * zoom);
            view.setFitHeight(img.getHeight() * zoom);
        }
        zoomLabel.setText(ZoomSteps.label(zoom, shownScale()));
        revealOutlineIfDue();
    }

    private double shownScale() {
        Image img = view.getImage();
        return img == null || img.getWidth() <= 0 ? 1 : view.getLayoutBounds().getWidth() / img.getWidth();
    }

    private double fitScale() {
        Image img = view.getImage();
        Bounds vp = scroller.getViewportBounds();
        if (img == null || img.getWidth() <= 0) {
            return 1;
        }
        return Math.min((vp.getWidth() - MARGIN) / img.getWidth(), (vp.getHeight() - MARGIN) / img.getHeight());
    }

    private void placeOutline() {
        outline.setVisible(outlined != null && view.getImage() != null);
        if (outlined != null) {
            double s = shownScale();
            outline.setX(outlined[0] * s);
            outline.setY(outlined[1] * s);
            outline.setWidth(outlined[2] * s);
            outline.setHeight(outlined[3] * s);
        }
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
