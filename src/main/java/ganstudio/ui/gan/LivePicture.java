package ganstudio.ui.gan;

import ganstudio.media.Frame;
import ganstudio.media.ImageGrid;
import ganstudio.metrics.ModeReadout;

import javafx.scene.image.WritableImage;

/**
 * The live run's picture: its newest frame as an image (one image, repainted in place) with its caption, and
 * what the view reads off it: for 2D data the mode-coverage line, else the grid's layout for following a cell.
 */
final class LivePicture {

    private int noiseBank;
    private Frame frame;
    private WritableImage image;
    private String caption = "";
    private ImageGrid.Layout layout;
    private Frame grid;
    private String readout;

    /** A new run, whose fixed noise bank has noiseBank vectors: nothing of the last run's picture is shown. */
    void reset(int noiseBank) {
        this.noiseBank = noiseBank;
        image = null;
        layout = null;
        grid = null;
        readout = null;
    }

    void take(Frame f) {
        frame = f;
        image = FrameImages.toImage(f, image);
        caption = "step " + f.step() + (f.isTwoDimensional()
                ? "   generated points (black) over the critic (blue low, orange high)" : "");
        if (f.isTwoDimensional()) {
            ModeReadout m = ModeReadout.of(f);
            readout = m == null ? null : m.text();
        } else {
            grid = f;
            if (layout == null || layout.width() != f.width() || layout.height() != f.height()) {
                layout = ImageGrid.layoutOf(noiseBank, f.width(), f.height());
            }
        }
    }

    /** The newest frame taken, or null. */
    Frame frame() {
        return frame;
    }

    WritableImage image() {
        return image;
    }

    String caption() {
        return caption;
    }

    /** The grid's layout, or null for the 2D view or before the first frame. */
    ImageGrid.Layout layout() {
        return layout;
    }

    /** The newest grid frame, for following a cell. */
    Frame grid() {
        return grid;
    }

    /** The 2D mode-coverage line, or null. */
    String readout() {
        return readout;
    }
}
