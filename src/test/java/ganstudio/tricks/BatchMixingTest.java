package ganstudio.tricks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** mixup and RICAP: the right mixing of pixels and targets, and target rows that still sum to 1. */
class BatchMixingTest {

    @Test
    void mixupBlendsPixelsAndTargetsWithTheSameLambda() {
        ImageBatch b = new ImageBatch(2, 1, 1, 2, 2, new float[] {1, -1, 0, 0.5f},
                ImageBatch.oneHot(new int[] {0, 1}, 2));
        Mixup.apply(b, 0.3, new int[] {1, 0});
        assertArrayEquals(new float[] {0.3f, 0.05f, 0.7f, -0.55f}, b.pixels, 1e-6f);
        assertArrayEquals(new float[] {0.3f, 0.7f, 0.7f, 0.3f}, b.targets, 1e-6f);
    }

    @Test
    void randomMixupKeepsLabelMassOne() {
        ImageBatch b = new ImageBatch(8, 1, 2, 2, 3, new float[32], ImageBatch.oneHot(new int[] {0, 1, 2, 0, 1, 2,
            0, 1}, 3));
        new Mixup(0.4).apply(b, new SplittableRandom(3));
        for (int i = 0; i < 8; i++) {
            assertEquals(1.0, b.targets[i * 3] + b.targets[i * 3 + 1] + b.targets[i * 3 + 2], 1e-6);
        }
    }

    @Test
    void ricapPatchesFourImagesAndWeightsLabelsByArea() {
        int n = 4;
        float[] px = new float[n * 16];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(px, i * 16, i * 16 + 16, i); // image i is the constant i
        }
        ImageBatch b = new ImageBatch(n, 1, 4, 4, 4, px, ImageBatch.oneHot(new int[] {0, 1, 2, 3}, 4));
        int[] id = {0, 1, 2, 3};
        int[][] perm = {id, {1, 2, 3, 0}, {2, 3, 0, 1}, {3, 0, 1, 2}};
        int[][] pos = {{0, 0}, {0, 0}, {0, 0}, {0, 0}};
        Ricap.apply(b, 1, 3, perm, pos); // boundary at x = 1, y = 3: areas 3, 9, 1, 3 of 16
        // output 0: top-left column from image 0, top-right from 1, bottom-left from 2, bottom-right from 3
        assertEquals(0f, b.pixels[0]);
        assertEquals(1f, b.pixels[1]);
        assertEquals(1f, b.pixels[2 * 4 + 3]);
        assertEquals(2f, b.pixels[3 * 4]);
        assertEquals(3f, b.pixels[3 * 4 + 3]);
        assertArrayEquals(new float[] {3 / 16f, 9 / 16f, 1 / 16f, 3 / 16f}, java.util.Arrays.copyOfRange(b.targets, 0,
                4), 1e-7f);
        for (int i = 0; i < n; i++) {
            float sum = 0;
            for (int k = 0; k < 4; k++) {
                sum += b.targets[i * 4 + k];
            }
            assertEquals(1f, sum, 1e-6f);
        }
    }

    @Test
    void randomRicapKeepsLabelMassOne() {
        ImageBatch b = new ImageBatch(6, 3, 8, 8, 5, new float[6 * 3 * 64], ImageBatch.oneHot(new int[] {0, 1, 2, 3,
            4, 0}, 5));
        new Ricap(0.3).apply(b, new SplittableRandom(5));
        for (int i = 0; i < 6; i++) {
            double sum = 0;
            for (int k = 0; k < 5; k++) {
                sum += b.targets[i * 5 + k];
                assertTrue(b.targets[i * 5 + k] >= 0);
            }
            assertEquals(1.0, sum, 1e-6);
        }
    }
}
