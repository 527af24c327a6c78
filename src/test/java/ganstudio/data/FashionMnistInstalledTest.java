package ganstudio.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Reads the real dataset when Debian's dataset-fashion-mnist is installed; skipped otherwise. */
class FashionMnistInstalledTest {

    @Test
    void readsInstalledFashionMnist() {
        Assumptions.assumeTrue(IdxReader.defaultFashionMnistDir().isPresent(),
                "Fashion-MNIST not installed at " + IdxReader.FASHION_MNIST_DIR
                        + " (apt-get install dataset-fashion-mnist)");
        ImageSet train = IdxReader.readFashionMnist(true);
        assertEquals(60000, train.count());
        assertEquals(1, train.channels());
        assertEquals(28, train.height());
        assertEquals(28, train.width());
        assertEquals(10, train.classNames().size());
        int[] perClass = new int[10];
        for (int label : train.labels()) {
            assertTrue(label >= 0 && label <= 9, "label " + label);
            perClass[label]++;
        }
        for (int c = 0; c < 10; c++) {
            assertEquals(6000, perClass[c], "class " + c);
        }
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : train.pixels()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(-1f, min);
        assertEquals(1f, max);

        ImageSet test = IdxReader.readFashionMnist(false);
        assertEquals(10000, test.count());
        for (int label : test.labels()) {
            assertTrue(label >= 0 && label <= 9, "label " + label);
        }
    }
}
