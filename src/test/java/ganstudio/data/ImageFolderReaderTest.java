package ganstudio.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.config.UserError;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderReaderTest {

    @TempDir
    Path dir;

    private static void png(Path file, int w, int h, int rgb) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        Files.createDirectories(file.getParent());
        assertTrue(ImageIO.write(img, "png", file.toFile()));
    }

    @Test
    void classSubFoldersGiveLabelsAndNames() throws IOException {
        png(dir.resolve("dogs/b.png"), 10, 6, 0xFF0000);
        png(dir.resolve("dogs/a.PNG"), 6, 6, 0x00FF00);
        png(dir.resolve("cats/z.png"), 8, 8, 0x0000FF);
        Files.writeString(dir.resolve("cats/notes.txt"), "ignored");
        ImageSet set = ImageFolderReader.read(dir, 4, 3, 0);
        assertEquals(List.of("cats", "dogs"), set.classNames());
        assertArrayEquals(new int[] {0, 1, 1}, set.labels());
        assertEquals(3, set.channels());
        assertEquals(4, set.height());
        float[] p = set.pixels();
        int plane = 16;
        // cats/z.png is pure blue, dogs/a.PNG green (sorted before b.png), dogs/b.png red
        assertEquals(-1f, p[0], 1e-6);
        assertEquals(1f, p[2 * plane], 1e-6);
        assertEquals(1f, p[3 * plane + plane], 1e-6);
        assertEquals(1f, p[6 * plane], 1e-6);
        assertEquals(-1f, p[6 * plane + plane], 1e-6);
    }

    @Test
    void flatFolderIsUnlabeledAndGrayUsesLuma() throws IOException {
        png(dir.resolve("one.png"), 5, 5, 0xFF0000);
        png(dir.resolve("two.jpeg"), 5, 5, 0xFFFFFF);
        ImageSet set = ImageFolderReader.read(dir, 3, 1, 0);
        assertArrayEquals(new int[] {-1, -1}, set.labels());
        assertTrue(set.classNames().isEmpty());
        assertEquals((float) (0.299 * 255 / 127.5 - 1), set.pixels()[0], 1e-5);
    }

    @Test
    void realJpegIsDecoded() throws IOException {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                img.setRGB(x, y, 0x808080);
            }
        }
        assertTrue(ImageIO.write(img, "jpg", dir.resolve("photo.JPG").toFile()));
        ImageSet set = ImageFolderReader.read(dir, 8, 3, 0);
        assertEquals(1, set.count());
        for (float v : set.pixels()) {
            assertEquals((float) (128 / 127.5 - 1), v, 0.02);
        }
    }

    @Test
    void grayPngKeepsItsValues() throws IOException {
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                img.getRaster().setSample(x, y, 0, 51);
            }
        }
        ImageIO.write(img, "png", dir.resolve("g.png").toFile());
        ImageSet set = ImageFolderReader.read(dir, 2, 3, 0);
        for (float v : set.pixels()) {
            assertEquals((float) (51 / 127.5 - 1), v, 1e-5);
        }
    }

    @Test
    void areaAveragingWhenShrinking() throws IOException {
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                img.setRGB(x, y, (x + y) % 2 == 0 ? 0xFFFFFF : 0x000000);
            }
        }
        ImageIO.write(img, "png", dir.resolve("checker.png").toFile());
        ImageSet set = ImageFolderReader.read(dir, 2, 1, 0);
        for (float v : set.pixels()) {
            assertEquals(0f, v, 1e-5, "a 2x2 block of a checkerboard averages to mid-gray");
        }
    }

    @Test
    void limitSpreadsOverClasses() throws IOException {
        for (String c : List.of("a", "b")) {
            for (int i = 0; i < 3; i++) {
                png(dir.resolve(c + "/" + i + ".png"), 2, 2, 0);
            }
        }
        assertArrayEquals(new int[] {0, 0, 1}, ImageFolderReader.read(dir, 2, 1, 3).labels());
    }

    @Test
    void unreadableImageIsNamed() throws IOException {
        png(dir.resolve("good.png"), 2, 2, 0);
        Path bad = dir.resolve("broken.png");
        Files.writeString(bad, "not really a png");
        UserError e = assertThrows(UserError.class, () -> ImageFolderReader.read(dir, 2, 3, 0));
        assertTrue(e.getMessage().startsWith(bad + ": not a readable image"), e.getMessage());
    }

    @Test
    void emptyAndMissingFolders() throws IOException {
        Files.writeString(dir.resolve("readme.txt"), "no images here");
        UserError e = assertThrows(UserError.class, () -> ImageFolderReader.read(dir, 2, 3, 0));
        assertTrue(e.getMessage().startsWith("folder " + dir + " has no PNG or JPEG images"), e.getMessage());
        Path missing = dir.resolve("missing");
        UserError m = assertThrows(UserError.class, () -> ImageFolderReader.read(missing, 2, 3, 0));
        assertTrue(m.getMessage().startsWith(missing + ": no such file or directory"), m.getMessage());
    }

    @Test
    void looseImagesBesideClassFoldersRejected() throws IOException {
        png(dir.resolve("loose.png"), 2, 2, 0);
        png(dir.resolve("cls/x.png"), 2, 2, 0);
        UserError e = assertThrows(UserError.class, () -> ImageFolderReader.read(dir, 2, 3, 0));
        assertTrue(e.getMessage().contains("mixes 1 loose images"), e.getMessage());
    }
}
