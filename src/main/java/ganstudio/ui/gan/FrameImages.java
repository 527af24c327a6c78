package ganstudio.ui.gan;

import ganstudio.media.Frame;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Turns the engine's ARGB frames into JavaFX images, reusing the image while the size stays the same. */
final class FrameImages {

    private FrameImages() {}

    /** Writes a frame into reuse when it has the frame's size, else into a new image; returns the one written. */
    static WritableImage toImage(Frame frame, WritableImage reuse) {
        WritableImage img = reuse;
        if (img == null || (int) img.getWidth() != frame.width() || (int) img.getHeight() != frame.height()) {
            img = new WritableImage(frame.width(), frame.height());
        }
        // Frames are opaque (alpha 255), so non-premultiplied ARGB is also correct and needs no conversion.
        img.getPixelWriter().setPixels(0, 0, frame.width(), frame.height(), PixelFormat.getIntArgbInstance(),
                frame.argb(), 0, frame.width());
        return img;
    }
}
