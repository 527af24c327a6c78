package ganstudio.media;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import javax.imageio.ImageIO;

/** Writes a frame as PNG, through a temporary file so a reader never sees half a picture. */
public final class PngWriter {

    private PngWriter() {}

    public static void write(Frame frame, Path file) throws IOException {
        BufferedImage img = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, frame.width(), frame.height(), frame.argb(), 0, frame.width());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        // Through our own stream, so a full disk says "No space left on device", not ImageIO's "Can't create an
        // ImageOutputStream"; the partial file is removed so the space it took is free again.
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                if (!ImageIO.write(img, "png", out)) {
                    throw new IOException("no PNG writer available");
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }
}
