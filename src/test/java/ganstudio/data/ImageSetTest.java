package ganstudio.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageSetTest {

    @Test
    void byteScaling() {
        assertEquals(-1f, ImageSet.unit(0));
        assertEquals(1f, ImageSet.unit(255));
        assertEquals((float) (51 / 127.5 - 1), ImageSet.unit(51));
        assertEquals(1f, ImageSet.unit((byte) -1), "signed bytes are read as unsigned");
    }

    @Test
    void validatesLengthsAndLabels() {
        assertThrows(IllegalArgumentException.class,
                () -> new ImageSet(2, 1, 2, 2, new float[7], null, List.of(), "x"));
        assertThrows(IllegalArgumentException.class,
                () -> new ImageSet(2, 1, 2, 2, new float[8], new int[3], List.of(), "x"));
        assertThrows(IllegalArgumentException.class,
                () -> new ImageSet(1, 1, 2, 2, new float[4], new int[] {2}, List.of("a", "b"), "x"));
        ImageSet unlabeled = new ImageSet(2, 1, 2, 2, new float[8], null, null, "x");
        assertArrayEquals(new int[] {-1, -1}, unlabeled.labels());
        assertFalse(unlabeled.hasLabels());
    }

    @Test
    void labelsAreCopiedAndLimitKeepsTheHead() {
        int[] labels = {0, 1, 1};
        float[] px = {1, 2, 3, 4, 5, 6};
        ImageSet set = new ImageSet(3, 1, 1, 2, px, labels, List.of("a", "b"), "src");
        labels[0] = 1;
        set.labels()[1] = 0;
        assertArrayEquals(new int[] {0, 1, 1}, set.labels());
        assertTrue(set.hasLabels());
        ImageSet head = set.limit(2);
        assertEquals(2, head.count());
        assertArrayEquals(new float[] {1, 2, 3, 4}, head.pixels());
        float[] batch = new float[3];
        set.copyImage(2, batch, 1);
        assertArrayEquals(new float[] {0, 5, 6}, batch);
        assertEquals(set, set.limit(0));
    }
}
