package ganstudio.media.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.config.UserError;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import org.jcodec.api.FrameGrab;
import org.jcodec.common.DemuxerTrackMeta;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.Picture;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encode short sequences, read them back from the container and check what a player would see. */
class VideoWritersTest {

    /** Frame i: a solid colour that changes each frame, so a decoder that mixes frames up shows it. */
    private static int[] solid(int w, int h, int argb) {
        int[] p = new int[w * h];
        java.util.Arrays.fill(p, argb);
        return p;
    }

    private static final int[] COLOURS = {0xFFFF0000, 0xFF00FF00, 0xFF0000FF, 0xFF808080, 0xFFF58C29, 0xFF2961A8,
        0xFFFFFFFF, 0xFF000000, 0xFF30C0C0, 0xFFC030C0, 0xFF404040, 0xFFE0E0E0};

    @Test
    void mp4HasTheFramesSizeAndDurationItWasGiven(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.mp4");
        try (VideoWriter w = VideoWriter.open(file, 64, 48, 10)) {
            for (int i = 0; i < 12; i++) {
                w.write(solid(64, 48, COLOURS[i]), 1);
            }
            assertEquals(12, w.frames());
        }
        try (FileChannelWrapper ch = NIOUtils.readableChannel(file.toFile())) {
            MP4Demuxer demuxer = MP4Demuxer.createMP4Demuxer(ch);
            assertEquals(1, demuxer.getVideoTracks().size());
            DemuxerTrackMeta meta = demuxer.getVideoTracks().get(0).getMeta();
            assertEquals(12, meta.getTotalFrames());
            assertEquals(1.2, meta.getTotalDuration(), 1e-9);
            assertEquals(64, meta.getVideoCodecMeta().getSize().getWidth());
            assertEquals(48, meta.getVideoCodecMeta().getSize().getHeight());
        }
        try (FileChannelWrapper ch = NIOUtils.readableChannel(file.toFile())) {
            FrameGrab grab = FrameGrab.createFrameGrab(ch);
            for (int i = 0; i < 12; i++) {
                Picture pic = grab.getNativeFrame();
                assertEquals(64, pic.getCroppedWidth());
                assertEquals(48, pic.getCroppedHeight());
                int[] rgb = centreRgb(pic);
                int want = COLOURS[i];
                assertClose(want >> 16 & 0xFF, rgb[0], "red of frame " + i);
                assertClose(want >> 8 & 0xFF, rgb[1], "green of frame " + i);
                assertClose(want & 0xFF, rgb[2], "blue of frame " + i);
            }
        }
    }

    @Test
    void mp4FramesThatStandInForDroppedOnesLastLonger(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("merged.mp4");
        try (VideoWriter w = new Mp4Writer(file, 40, 30, 5)) {
            w.write(solid(40, 30, COLOURS[0]), 1);
            w.write(solid(40, 30, COLOURS[1]), 3);
            w.write(solid(40, 30, COLOURS[2]), 1);
        }
        try (FileChannelWrapper ch = NIOUtils.readableChannel(file.toFile())) {
            DemuxerTrackMeta meta = MP4Demuxer.createMP4Demuxer(ch).getVideoTracks().get(0).getMeta();
            assertEquals(3, meta.getTotalFrames());
            assertEquals(1.0, meta.getTotalDuration(), 1e-9); // (1 + 3 + 1) / 5 fps
            assertEquals(40, meta.getVideoCodecMeta().getSize().getWidth());
            assertEquals(30, meta.getVideoCodecMeta().getSize().getHeight());
        }
    }

    @Test
    void gifHasItsFramesDelaysAndLoop(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.gif");
        try (VideoWriter w = VideoWriter.open(file, 64, 48, 30)) {
            for (int i = 0; i < 6; i++) {
                w.write(solid(64, 48, COLOURS[i]), i == 4 ? 2 : 1);
            }
        }
        List<Integer> delays = new ArrayList<>();
        List<String> loops = new ArrayList<>();
        int frames;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            frames = reader.getNumImages(true);
            for (int i = 0; i < frames; i++) {
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i)
                        .getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode gce = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
                delays.add(Integer.parseInt(gce.getAttribute("delayTime")));
                if (root.getElementsByTagName("ApplicationExtension").getLength() > 0) {
                    IIOMetadataNode app = (IIOMetadataNode) root.getElementsByTagName("ApplicationExtension").item(0);
                    loops.add(app.getAttribute("applicationID") + app.getAttribute("authenticationCode")
                            + java.util.Arrays.toString((byte[]) app.getUserObject()));
                }
            }
            assertEquals(64, reader.getWidth(0));
            assertEquals(48, reader.getHeight(0));
        }
        assertEquals(6, frames);
        // 30 fps in hundredths: 3.33 rounded from the running total; frame 4 lasts two slots.
        assertEquals(List.of(3, 4, 3, 3, 7, 3), delays);
        assertEquals(List.of("NETSCAPE2.0[1, 0, 0]"), loops);
    }

    @Test
    void gifStoresOnlyTheChangedRectangle() {
        byte[] a = new byte[6 * 4];
        byte[] b = a.clone();
        b[1 * 6 + 2] = 7;
        b[2 * 6 + 4] = 9;
        assertArrayEquals(new int[] {2, 1, 3, 2}, GifWriter.changedBox(a, b, 6, 4));
        assertArrayEquals(new int[] {0, 0, 1, 1}, GifWriter.changedBox(a, a.clone(), 6, 4));
    }

    @Test
    void gifFramesShowTheRightPicture(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("p.gif");
        try (VideoWriter w = VideoWriter.open(file, 32, 32, 10)) {
            w.write(solid(32, 32, 0xFF000000), 1);
            int[] half = solid(32, 32, 0xFF000000);
            for (int i = 0; i < 32 * 16; i++) {
                half[i] = 0xFFFFFFFF;
            }
            w.write(half, 1);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            // The second frame is stored as the changed top half only, placed at the origin.
            assertEquals(32, reader.getWidth(1));
            assertEquals(16, reader.getHeight(1));
            assertEquals(0xFFFFFFFF, reader.read(1).getRGB(5, 5));
        }
    }

    @Test
    void greyLevelsDitherToTheirMean() {
        int w = 64;
        int h = 64;
        java.awt.image.IndexColorModel cm = GifPalette.colorModel();
        for (int grey : new int[] {0, 17, 100, 128, 201, 255}) {
            byte[] idx = new byte[w * h];
            GifPalette.quantize(solid(w, h, 0xFF000000 | grey << 16 | grey << 8 | grey), w, h, idx);
            double sum = 0;
            for (byte b : idx) {
                assertEquals(cm.getRed(b & 0xFF), cm.getBlue(b & 0xFF), "a grey maps to greys only");
                sum += cm.getRed(b & 0xFF);
            }
            assertEquals(grey, sum / idx.length, 1.0, "mean of grey " + grey);
        }
    }

    @Test
    void unknownExtensionIsTheUsersToFix(@TempDir Path dir) {
        UserError e = org.junit.jupiter.api.Assertions.assertThrows(UserError.class,
                () -> VideoWriter.open(dir.resolve("x.avi"), 10, 10, 10));
        assertTrue(e.getMessage().contains(".mp4"), e.getMessage());
        assertEquals(VideoFormat.GIF, VideoFormat.of(dir.resolve("A.GIF")));
    }

    /** Mean RGB of the centre 8×8 block, from decoded 4:2:0 samples with BT.709 limited-range inversion. */
    private static int[] centreRgb(Picture pic) {
        int w = pic.getPlaneWidth(0);
        double ys = 0;
        double us = 0;
        double vs = 0;
        int cx = pic.getCroppedWidth() / 2;
        int cy = pic.getCroppedHeight() / 2;
        for (int y = cy - 4; y < cy + 4; y++) {
            for (int x = cx - 4; x < cx + 4; x++) {
                ys += pic.getPlaneData(0)[y * w + x] + 128;
                us += pic.getPlaneData(1)[y / 2 * pic.getPlaneWidth(1) + x / 2] + 128;
                vs += pic.getPlaneData(2)[y / 2 * pic.getPlaneWidth(2) + x / 2] + 128;
            }
        }
        double yy = (ys / 64 - 16) * 255 / 219;
        double cb = (us / 64 - 128) * 255 / 224;
        double cr = (vs / 64 - 128) * 255 / 224;
        double r = yy + 2 * (1 - 0.2126) * cr;
        double b = yy + 2 * (1 - 0.0722) * cb;
        double g = (yy - 0.2126 * r - 0.0722 * b) / 0.7152;
        return new int[] {(int) Math.round(r), (int) Math.round(g), (int) Math.round(b)};
    }

    private static void assertClose(int want, int got, String what) {
        assertTrue(Math.abs(want - got) <= 6, what + ": want " + want + ", got " + got);
    }
}
