package ganstudio.media;

import ganstudio.config.UserError;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads PNG/JPEG files whose size is checked first: the width and height come from the file's header (ImageIO's
 * reader, before any pixel is decoded), so a 17 KB PNG that declares 12000 x 12000 is refused instead of decoded
 * into 576 MB of pixels.
 */
public final class ImageFiles {

    /**
     * The largest side of a saved frame read back (video, the studio's views): frames are sample grids, 2D views
     * and window snapshots, a few hundred to 1,920 pixels wide; video sizes stop at 4096.
     */
    public static final int MAX_FRAME_SIDE = 8192;

    private ImageFiles() {}

    /**
     * The decoded image.
     *
     * @param maxSide the largest width or height accepted
     * @param tooBig what to say after "WxH pixels; " when a side is over maxSide
     * @throws UserError naming the file when it is too big, not an image, or corrupt
     */
    public static BufferedImage read(Path file, int maxSide, String tooBig) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new UserError(file + ": cannot read");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new UserError(file + ": not a readable image (no PNG or JPEG decoder accepts it)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w > maxSide || h > maxSide) {
                    throw new UserError(file + ": " + w + "x" + h + " pixels; " + tooBig);
                }
                if (w <= 0 || h <= 0) {
                    throw new UserError(file + ": not a readable image (its header says " + w + "x" + h + ")");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (UserError e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null || e.getMessage().isBlank() ? "cut short or corrupt" : e.getMessage();
            throw new UserError(file + ": not a readable image (" + why.replace('\n', ' ') + ")", e);
        }
    }

    /** A saved frame: sides up to {@link #MAX_FRAME_SIDE}. */
    public static BufferedImage readFrame(Path file) {
        return read(file, MAX_FRAME_SIDE, "frame sides over " + MAX_FRAME_SIDE + " pixels are not read");
    }
}
