package ganstudio.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.config.UserError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    /** Three 2x2 images; bytes chosen to hit both ends of the range and a value with an exact decimal. */
    private static final byte[] PIXELS = {
        0, (byte) 255, 51, 127,
        (byte) 128, 1, (byte) 254, 0,
        10, 20, 30, 40};
    private static final byte[] LABELS = {7, 0, 9};

    @TempDir
    Path dir;

    static byte[] idxImages(int magic, int count, int rows, int cols, byte[] pixels) {
        ByteBuffer b = ByteBuffer.allocate(16 + pixels.length);
        b.putInt(magic).putInt(count).putInt(rows).putInt(cols).put(pixels);
        return b.array();
    }

    static byte[] idxLabels(int count, byte[] labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
        b.putInt(IdxReader.LABEL_MAGIC).putInt(count).put(labels);
        return b.array();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return p;
    }

    private static void assertExactPixels(ImageSet set) {
        assertEquals(3, set.count());
        assertEquals(1, set.channels());
        assertEquals(2, set.height());
        assertEquals(2, set.width());
        float[] p = set.pixels();
        assertEquals(12, p.length);
        assertEquals(-1.0f, p[0]);
        assertEquals(1.0f, p[1]);
        assertEquals((float) (51 / 127.5 - 1), p[2]);
        for (int i = 0; i < PIXELS.length; i++) {
            assertEquals((float) ((PIXELS[i] & 0xFF) / 127.5 - 1), p[i], "pixel " + i);
        }
    }

    @Test
    void readsRawFiles() throws IOException {
        Path images = write("train-images-idx3-ubyte", idxImages(IdxReader.IMAGE_MAGIC, 3, 2, 2, PIXELS));
        Path labels = write("train-labels-idx1-ubyte", idxLabels(3, LABELS));
        ImageSet set = IdxReader.read(images, labels);
        assertExactPixels(set);
        assertArrayEquals(new int[] {7, 0, 9}, set.labels());
        assertTrue(set.classNames().isEmpty());
    }

    @Test
    void readsGzipByMagicBytesEvenWithoutGzName() throws IOException {
        Path images = write("images.bin", gzip(idxImages(IdxReader.IMAGE_MAGIC, 3, 2, 2, PIXELS)));
        Path labels = write("labels.gz", gzip(idxLabels(3, LABELS)));
        ImageSet set = IdxReader.read(images, labels, IdxReader.MNIST_CLASSES);
        assertExactPixels(set);
        assertArrayEquals(new int[] {7, 0, 9}, set.labels());
        assertEquals(IdxReader.MNIST_CLASSES, set.classNames());
    }

    @Test
    void unlabeledWhenNoLabelsFile() throws IOException {
        Path images = write("x-images-idx3-ubyte", idxImages(IdxReader.IMAGE_MAGIC, 3, 2, 2, PIXELS));
        ImageSet set = IdxReader.read(images, null);
        assertArrayEquals(new int[] {-1, -1, -1}, set.labels());
    }

    @Test
    void readDirectoryFindsSplitInSubFolder() throws IOException {
        write("FashionMNIST/raw/t10k-images-idx3-ubyte.gz", gzip(idxImages(IdxReader.IMAGE_MAGIC, 3, 2, 2, PIXELS)));
        write("FashionMNIST/raw/t10k-labels-idx1-ubyte.gz", gzip(idxLabels(3, LABELS)));
        ImageSet set = IdxReader.readDirectory(dir, false, IdxReader.FASHION_MNIST_CLASSES);
        assertExactPixels(set);
        assertEquals("Ankle boot", set.classNames().get(9));
        UserError e = assertThrows(UserError.class, () -> IdxReader.readDirectory(dir, true));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte"), e.getMessage());
    }

    @Test
    void readPathFindsLabelsBesideAFile() throws IOException {
        Path images = write("train-images.idx3-ubyte", idxImages(IdxReader.IMAGE_MAGIC, 3, 2, 2, PIXELS));
        write("train-labels.idx1-ubyte", idxLabels(3, LABELS));
        assertArrayEquals(new int[] {7, 0, 9}, IdxReader.readPath(images, true, List.of()).labels());
    }

    @Test
    void wrongMagic() throws IOException {
        Path images = write("train-images-idx3-ubyte.gz", gzip(idxImages(0, 3, 2, 2, PIXELS)));
        UserError e = assertThrows(UserError.class, () -> IdxReader.read(images, null));
        assertEquals("train-images-idx3-ubyte.gz: wrong magic number 0x00000000 (expected 0x00000803 for an IDX"
                + " image file)", e.getMessage());
    }

    @Test
    void labelsFileGivenAsImagesIsNamed() throws IOException {
        Path labels = write("train-labels-idx1-ubyte", idxLabels(3, LABELS));
        UserError e = assertThrows(UserError.class, () -> IdxReader.read(labels, null));
        assertTrue(e.getMessage().contains("label file"), e.getMessage());
    }

    @Test
    void truncatedImages() throws IOException {
        byte[] full = idxImages(IdxReader.IMAGE_MAGIC, 3, 2, 2, PIXELS);
        Path images = write("train-images-idx3-ubyte", Arrays.copyOf(full, full.length - 5));
        UserError e = assertThrows(UserError.class, () -> IdxReader.read(images, null));
        assertTrue(e.getMessage().startsWith("train-images-idx3-ubyte: truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 28 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("found 23"), e.getMessage());
    }

    @Test
    void truncatedGzipContentSaysDecompressed() throws IOException {
        byte[] full = idxImages(IdxReader.IMAGE_MAGIC, 3, 2, 2, PIXELS);
        Path images = write("train-images-idx3-ubyte.gz", gzip(Arrays.copyOf(full, 20)));
        UserError e = assertThrows(UserError.class, () -> IdxReader.read(images, null));
        assertTrue(e.getMessage().contains("truncated: expected 28 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("found 20 after decompression"), e.getMessage());
    }

    @Test
    void cutGzipStream() throws IOException {
        byte[] gz = gzip(idxImages(IdxReader.IMAGE_MAGIC, 3, 2, 2, PIXELS));
        Path images = write("train-images-idx3-ubyte.gz", Arrays.copyOf(gz, gz.length - 12));
        UserError e = assertThrows(UserError.class, () -> IdxReader.read(images, null));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void trailingBytesRejected() throws IOException {
        byte[] full = idxImages(IdxReader.IMAGE_MAGIC, 3, 2, 2, PIXELS);
        Path images = write("train-images-idx3-ubyte", Arrays.copyOf(full, full.length + 3));
        UserError e = assertThrows(UserError.class, () -> IdxReader.read(images, null));
        assertTrue(e.getMessage().contains("31 bytes but the header"), e.getMessage());
    }

    @Test
    void zeroDimensionRejected() throws IOException {
        Path images = write("train-images-idx3-ubyte", idxImages(IdxReader.IMAGE_MAGIC, 3, 0, 2, new byte[0]));
        UserError e = assertThrows(UserError.class, () -> IdxReader.read(images, null));
        assertTrue(e.getMessage().contains("row count"), e.getMessage());
    }

    @Test
    void countMismatch() throws IOException {
        Path images = write("train-images-idx3-ubyte", idxImages(IdxReader.IMAGE_MAGIC, 3, 2, 2, PIXELS));
        Path labels = write("train-labels-idx1-ubyte", idxLabels(2, new byte[] {1, 2}));
        UserError e = assertThrows(UserError.class, () -> IdxReader.read(images, labels));
        assertTrue(e.getMessage().startsWith("images: 3"), e.getMessage());
        assertTrue(e.getMessage().contains("labels: 2"), e.getMessage());
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte"), e.getMessage());
    }

    @Test
    void labelOutsideClassNames() throws IOException {
        Path images = write("train-images-idx3-ubyte", idxImages(IdxReader.IMAGE_MAGIC, 3, 2, 2, PIXELS));
        Path labels = write("train-labels-idx1-ubyte", idxLabels(3, new byte[] {1, (byte) 200, 2}));
        assertEquals(200, IdxReader.read(images, labels).labels()[1]);
        UserError e = assertThrows(UserError.class,
                () -> IdxReader.read(images, labels, IdxReader.FASHION_MNIST_CLASSES));
        assertTrue(e.getMessage().contains("label 200 at index 1"), e.getMessage());
    }

    @Test
    void missingPaths() {
        Path missing = dir.resolve("nope/train-images-idx3-ubyte.gz");
        UserError e = assertThrows(UserError.class, () -> IdxReader.read(missing, null));
        assertTrue(e.getMessage().startsWith(missing + ": no such file or directory (set data.path"),
                e.getMessage());
        UserError d = assertThrows(UserError.class, () -> IdxReader.readDirectory(dir.resolve("nope"), true));
        assertTrue(d.getMessage().contains("no such file or directory"), d.getMessage());
    }

    @Test
    void labelsWithoutImagesFolderExplains() throws IOException {
        write("train-images-idx3-ubyte", idxImages(IdxReader.IMAGE_MAGIC, 3, 2, 2, PIXELS));
        UserError e = assertThrows(UserError.class, () -> IdxReader.readDirectory(dir, true));
        assertTrue(e.getMessage().contains("no train-labels-idx1-ubyte"), e.getMessage());
    }

    @Test
    void gzipWithTrailingGarbageIsRejected() throws IOException {
        byte[] gz = gzip(idxImages(IdxReader.IMAGE_MAGIC, 3, 2, 2, PIXELS));
        Path images = write("g-images-idx3-ubyte.gz", Arrays.copyOf(gz, gz.length + 4));
        UserError e = assertThrows(UserError.class, () -> IdxReader.read(images, null));
        assertEquals(images + ": 4 bytes after the end of the gzip stream (the file is corrupt, or several files"
                + " were joined)", e.getMessage());
    }

    @Test
    void twoJoinedGzipStreamsAreRejectedNotDecompressedOn() throws IOException {
        byte[] first = gzip(idxImages(IdxReader.IMAGE_MAGIC, 3, 2, 2, PIXELS));
        byte[] second = gzip(new byte[1000]);
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        Path images = write("j-images-idx3-ubyte.gz", both);
        UserError e = assertThrows(UserError.class, () -> IdxReader.read(images, null));
        assertEquals(images + ": " + second.length + " bytes after the end of the gzip stream (the file is corrupt,"
                + " or several files were joined)", e.getMessage());
    }

    @Test
    void gzipChecksumIsVerified() throws IOException {
        byte[] gz = gzip(idxImages(IdxReader.IMAGE_MAGIC, 3, 2, 2, PIXELS));
        gz[gz.length - 5] ^= 1;
        Path images = write("c-images-idx3-ubyte.gz", gz);
        UserError e = assertThrows(UserError.class, () -> IdxReader.read(images, null));
        assertTrue(e.getMessage().startsWith(images + ": corrupt gzip data (checksum mismatch"), e.getMessage());
    }

    @Test
    void gzipHeaderWithFileNameAndCommentIsRead() throws IOException {
        byte[] gz = gzip(idxImages(IdxReader.IMAGE_MAGIC, 3, 2, 2, PIXELS));
        // FNAME | FCOMMENT: two zero-terminated strings after the 10-byte header, as gzip(1) writes them.
        byte[] named = new byte[gz.length + 8];
        System.arraycopy(gz, 0, named, 0, 10);
        named[3] = (byte) (8 | 16);
        System.arraycopy(new byte[] {'a', '.', 'b', 0, 'h', 'i', '!', 0}, 0, named, 10, 8);
        System.arraycopy(gz, 10, named, 18, gz.length - 10);
        assertExactPixels(IdxReader.read(write("n-images-idx3-ubyte.gz", named), null));
    }

    @Test
    void hugeHeaderInATinyFileAllocatesNothing() throws IOException {
        Path raw = write("h-images-idx3-ubyte", idxImages(IdxReader.IMAGE_MAGIC, 1, 46340, 46340, new byte[0]));
        UserError e = assertThrows(UserError.class, () -> IdxReader.read(raw, null));
        assertEquals("h-images-idx3-ubyte: truncated: expected 2147395616 bytes (16-byte header + 1 images of"
                + " 46340x46340) but found 16", e.getMessage());
        Path gz = write("h2-images-idx3-ubyte.gz", gzip(idxImages(IdxReader.IMAGE_MAGIC, 20000, 300, 300,
                new byte[0])));
        e = assertThrows(UserError.class, () -> IdxReader.read(gz, null));
        assertEquals("h2-images-idx3-ubyte.gz: truncated: expected 1800000016 bytes (16-byte header + 20000 images of"
                + " 300x300) but found 16 after decompression", e.getMessage());
    }
}
