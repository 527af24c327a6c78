package ganstudio.media.video;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * An animated GIF through javax.imageio: one fixed palette (GifPalette), a delay per frame, looping forever.
 * After the first frame only the rectangle that changed is stored (the rest stays on screen), so a dashboard
 * whose charts grow a little per frame stays small.
 *
 * <p>GIF delays are whole hundredths of a second; each frame's delay is rounded from the running total, so a
 * 30 fps GIF alternates 3 and 4 and keeps the right length.
 */
public final class GifWriter extends FrameFileWriter {

    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private final ImageOutputStream stream;
    private final ImageWriter writer;
    private final IndexColorModel palette = GifPalette.colorModel();
    private final byte[] current;
    private byte[] previous;
    private long slotsWritten;

    public GifWriter(Path file, int width, int height, int fps) throws IOException {
        super(width, height, fps);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IOException("this Java has no GIF writer");
        }
        this.writer = writers.next();
        java.nio.file.Files.deleteIfExists(file);
        this.stream = ImageIO.createImageOutputStream(file.toFile());
        if (stream == null) {
            throw new IOException(file + ": cannot open for writing");
        }
        writer.setOutput(stream);
        writer.prepareWriteSequence(null);
        this.current = new byte[width * height];
    }

    @Override
    protected void writeFrame(int[] argb, int slots) throws IOException {
        GifPalette.quantize(argb, width, height, current);
        int[] box = previous == null ? new int[] {0, 0, width, height} : changedBox(previous, current);
        BufferedImage img = new BufferedImage(box[2], box[3], BufferedImage.TYPE_BYTE_INDEXED, palette);
        byte[] dst = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < box[3]; y++) {
            System.arraycopy(current, (box[1] + y) * width + box[0], dst, y * box[2], box[2]);
        }
        long before = Math.round(slotsWritten * 100.0 / fps);
        slotsWritten += slots;
        int delay = (int) (Math.round(slotsWritten * 100.0 / fps) - before);
        writer.writeToSequence(new IIOImage(img, null, metadata(img, box, delay, frames == 0)), null);
        if (previous == null) {
            previous = new byte[width * height];
        }
        System.arraycopy(current, 0, previous, 0, current.length);
    }

    /** x, y, width, height of the pixels that differ; 1×1 at the origin when none do (a frame must still count). */
    static int[] changedBox(byte[] before, byte[] after, int width, int height) {
        int minX = width;
        int minY = height;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                if (before[row + x] != after[row + x]) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = y;
                }
            }
        }
        return maxX < 0 ? new int[] {0, 0, 1, 1} : new int[] {minX, minY, maxX - minX + 1, maxY - minY + 1};
    }

    private int[] changedBox(byte[] before, byte[] after) {
        return changedBox(before, after, width, height);
    }

    private IIOMetadata metadata(BufferedImage img, int[] box, int delay, boolean first) throws IIOInvalidTreeException {
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), null);
        IIOMetadataNode root = new IIOMetadataNode(FORMAT);
        IIOMetadataNode descriptor = new IIOMetadataNode("ImageDescriptor");
        descriptor.setAttribute("imageLeftPosition", String.valueOf(box[0]));
        descriptor.setAttribute("imageTopPosition", String.valueOf(box[1]));
        descriptor.setAttribute("imageWidth", String.valueOf(box[2]));
        descriptor.setAttribute("imageHeight", String.valueOf(box[3]));
        descriptor.setAttribute("interlaceFlag", "FALSE");
        root.appendChild(descriptor);
        IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
        control.setAttribute("disposalMethod", "doNotDispose");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", String.valueOf(delay));
        control.setAttribute("transparentColorIndex", "0");
        root.appendChild(control);
        if (first) {
            IIOMetadataNode apps = new IIOMetadataNode("ApplicationExtensions");
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0}); // sub-block 1: loop count 0 = forever
            apps.appendChild(loop);
            root.appendChild(apps);
        }
        meta.mergeTree(FORMAT, root);
        return meta;
    }

    @Override
    protected void finishFile() throws IOException {
        writer.endWriteSequence();
    }

    @Override
    protected void release() throws IOException {
        writer.dispose();
        stream.close();
    }
}
