package ganstudio.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a saved frame back into ARGB pixels, so a view can cut cells out of pictures on disk.
 *
 * @throws ganstudio.config.UserError when the file is not a picture or larger than a frame can be
 */
public final class PngReader {

    private PngReader() {}

    public static Frame read(long step, Path file) throws IOException {
        BufferedImage img = ImageFiles.readFrame(file); // its size checked before decoding
        int w = img.getWidth();
        int h = img.getHeight();
        return Frame.image(step, w, h, img.getRGB(0, 0, w, h, null, 0, w));
    }
}
