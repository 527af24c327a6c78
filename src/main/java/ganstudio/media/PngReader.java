package ganstudio.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** Reads a saved frame back into ARGB pixels, so a view can cut cells out of pictures on disk. */
public final class PngReader {

    private PngReader() {}

    public static Frame read(long step, Path file) throws IOException {
        BufferedImage img = ImageIO.read(file.toFile());
        if (img == null) {
            throw new IOException(file + ": not a picture ImageIO can read");
        }
        int w = img.getWidth();
        int h = img.getHeight();
        return Frame.image(step, w, h, img.getRGB(0, 0, w, h, null, 0, w));
    }
}
