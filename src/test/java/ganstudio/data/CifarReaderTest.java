package ganstudio.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.config.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarReaderTest {

    @TempDir
    Path dir;

    /** Record r: label, then pixel byte (r*7 + i) % 256 so every position and record differs. */
    private static byte[] records(int first, int... labels) {
        byte[] b = new byte[labels.length * CifarReader.RECORD];
        for (int r = 0; r < labels.length; r++) {
            b[r * CifarReader.RECORD] = (byte) labels[r];
            for (int i = 0; i < 3072; i++) {
                b[r * CifarReader.RECORD + 1 + i] = (byte) (((first + r) * 7 + i) % 256);
            }
        }
        return b;
    }

    private static float expected(int record, int i) {
        return (float) (((record * 7 + i) % 256) / 127.5 - 1);
    }

    @Test
    void readsRecordsInNchwOrder() throws IOException {
        Path file = Files.write(dir.resolve("test_batch.bin"), records(0, 3, 9));
        ImageSet set = CifarReader.read(file, false);
        assertEquals(2, set.count());
        assertEquals(3, set.channels());
        assertEquals(32, set.height());
        assertEquals(32, set.width());
        assertArrayEquals(new int[] {3, 9}, set.labels());
        assertEquals("cat", set.classNames().get(3));
        float[] p = set.pixels();
        for (int r = 0; r < 2; r++) {
            for (int i = 0; i < 3072; i++) {
                assertEquals(expected(r, i), p[r * 3072 + i], "record " + r + " value " + i);
            }
        }
        // channel 1 (green), row 2, column 5 of record 1 is byte 1024 + 2*32 + 5 of that record's pixels
        assertEquals(expected(1, 1024 + 69), p[3072 + 1024 + 2 * 32 + 5]);
    }

    @Test
    void folderReadsTrainBatchesInNumericOrder() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("cifar-10-batches-bin"));
        Files.write(bin.resolve("data_batch_10.bin"), records(2, 5));
        Files.write(bin.resolve("data_batch_2.bin"), records(1, 1));
        Files.write(bin.resolve("data_batch_1.bin"), records(0, 0));
        Files.write(bin.resolve("test_batch.bin"), records(0, 8));
        ImageSet train = CifarReader.read(dir, true);
        assertArrayEquals(new int[] {0, 1, 5}, train.labels());
        assertEquals(expected(2, 0), train.pixels()[2 * 3072]);
        assertArrayEquals(new int[] {8}, CifarReader.read(bin, false).labels());
    }

    @Test
    void truncated() throws IOException {
        Path file = Files.write(dir.resolve("data_batch_1.bin"), new byte[30000]);
        UserError e = assertThrows(UserError.class, () -> CifarReader.read(file, true));
        assertEquals("data_batch_1.bin: truncated: 30000 bytes is not a multiple of 3073-byte CIFAR-10 records",
                e.getMessage());
    }

    @Test
    void emptyFile() throws IOException {
        Path file = Files.write(dir.resolve("data_batch_1.bin"), new byte[0]);
        UserError e = assertThrows(UserError.class, () -> CifarReader.read(file, true));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void badLabel() throws IOException {
        Path file = Files.write(dir.resolve("data_batch_1.bin"), records(0, 4, 10));
        UserError e = assertThrows(UserError.class, () -> CifarReader.read(file, true));
        assertTrue(e.getMessage().startsWith("data_batch_1.bin: label 10 in record 1 is outside 0..9"),
                e.getMessage());
    }

    @Test
    void folderWithoutBatches() throws IOException {
        Files.createDirectories(dir.resolve("cifar-10-batches-py"));
        UserError e = assertThrows(UserError.class, () -> CifarReader.read(dir, true));
        assertTrue(e.getMessage().contains("binary version"), e.getMessage());
        UserError missing = assertThrows(UserError.class, () -> CifarReader.read(dir.resolve("x"), true));
        assertTrue(missing.getMessage().contains("no such file or directory"), missing.getMessage());
    }
}
