package ganstudio.tricks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.metrics.SymmetricEigen;
import ganstudio.data.ImageSet;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The per-image tricks change what they should and nothing else. */
class AugmenterTest {

    private static float[] ramp(int n) {
        float[] p = new float[n];
        for (int i = 0; i < n; i++) {
            p[i] = -0.9f + 1.8f * i / n; // distinct values, none equal to the cutout fill 0 exactly
            if (p[i] == 0f) {
                p[i] = 0.001f;
            }
        }
        return p;
    }

    /** Bounding box {x0, y0, x1, y1} of the pixels that differ in image i (channel 0), and how many. */
    private static int[] changed(float[] before, float[] after, int off, int h, int w) {
        int[] box = {w, h, -1, -1, 0};
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (before[off + y * w + x] != after[off + y * w + x]) {
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.min(box[1], y);
                    box[2] = Math.max(box[2], x);
                    box[3] = Math.max(box[3], y);
                    box[4]++;
                }
            }
        }
        return box;
    }

    private static ImageBatch batch(int n, int c, int side) {
        return new ImageBatch(n, c, side, side, 2, ramp(n * c * side * side), new float[n * 2]);
    }

    @Test
    void cutoutChangesOnlyASquareOfItsSide() {
        RunConfig c = RunConfig.defaults().withValue("aug.cutout", 6);
        ImageBatch b = batch(20, 1, 16);
        float[] before = b.pixels.clone();
        Augmenter.fromConfig(c, images(b)).apply(b);
        for (int i = 0; i < 20; i++) {
            int[] box = changed(before, b.pixels, i * 256, 16, 16);
            assertTrue(box[4] > 0, "image " + i + " unchanged");
            assertTrue(box[2] - box[0] < 6 && box[3] - box[1] < 6, "box wider than the cutout");
            assertEquals((box[2] - box[0] + 1) * (box[3] - box[1] + 1), box[4], "not a filled rectangle");
            for (int j = 0; j < 256; j++) {
                if (before[i * 256 + j] != b.pixels[i * 256 + j]) {
                    assertEquals(0f, b.pixels[i * 256 + j]);
                }
            }
        }
    }

    @Test
    void randomErasingChangesOneRectangleOfTwoToFortyPercent() {
        RunConfig c = RunConfig.defaults().withValue("aug.erasing", 1.0);
        ImageBatch b = batch(30, 3, 16);
        float[] before = b.pixels.clone();
        Augmenter.fromConfig(c, images(b)).apply(b);
        for (int i = 0; i < 30; i++) {
            int[] box = changed(before, b.pixels, i * 768, 16, 16);
            int area = (box[2] - box[0] + 1) * (box[3] - box[1] + 1);
            assertTrue(area >= 1 && area <= 0.4 * 256 + 16, "area " + area);
            // Every pixel outside the box is untouched, in every channel.
            for (int ch = 0; ch < 3; ch++) {
                for (int y = 0; y < 16; y++) {
                    for (int x = 0; x < 16; x++) {
                        boolean inside = x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3];
                        int j = i * 768 + ch * 256 + y * 16 + x;
                        if (!inside) {
                            assertEquals(before[j], b.pixels[j]);
                        }
                    }
                }
            }
        }
    }

    @Test
    void padCropShiftsAndFillsWithBlack() {
        float[] px = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        PixelOps.padCrop(px, 0, 1, 3, 3, 1, 2, 0); // shift right... by dx − pad = 1, up by... dy − pad = −1
        assertEquals(-1f, px[0]);
        assertEquals(4f, px[1]);
        assertEquals(5f, px[2]);
        assertEquals(-1f, px[6]);
    }

    @Test
    void flipMirrorsRows() {
        float[] px = {1, 2, 3, 4, 5, 6};
        PixelOps.flipHorizontal(px, 0, 1, 2, 3);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {3, 2, 1, 6, 5, 4}, px);
    }

    @Test
    void rotationByZeroIsTheIdentityAndBy90MovesACorner() {
        float[] px = ramp(9);
        float[] copy = px.clone();
        PixelOps.rotate(px, 0, 1, 3, 3, 0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(copy, px, 1e-6f);
        PixelOps.rotate(px, 0, 1, 3, 3, 90);
        // counter-clockwise: the top-right corner moves to the top-left
        assertEquals(copy[2], px[0], 1e-5f);
        assertEquals(copy[4], px[4], 1e-6f);
    }

    @Test
    void colourTricksOnGrayscaleAreRejected() {
        RunConfig c = RunConfig.defaults().withValue("aug.pca", 0.1);
        UserError e = assertThrows(UserError.class, () -> Augmenter.fromConfig(c, images(batch(1, 1, 2))));
        assertEquals("aug.pca and aug.colour need RGB images; these have 1 channel(s): set them to 0 "
                + "(aug.brightness and aug.contrast work on any image)", e.getMessage());
        // Known from the config alone: refused before any data is read.
        e = assertThrows(UserError.class, () -> Tricks.validate(c.with("task", "classifier")
                .with("data.kind", "fashion-mnist"), ""));
        assertEquals("aug.pca and aug.colour need RGB images; these have 1 channel(s): set them to 0 "
                + "(aug.brightness and aug.contrast work on any image)", e.getMessage());
        Tricks.validate(c.with("task", "classifier").with("data.kind", "cifar10"), "");
    }

    @Test
    void pcaColourFindsTheDominantColourAxis() {
        // Pixels vary only along (1, 1, 0)/√2: one eigenvalue carries all the variance.
        int count = 50;
        float[] px = new float[count * 3 * 4];
        java.util.Random r = new java.util.Random(1);
        for (int n = 0; n < count; n++) {
            for (int i = 0; i < 4; i++) {
                float t = (float) r.nextGaussian() * 0.3f;
                px[(n * 3) * 4 + i] = t;
                px[(n * 3 + 1) * 4 + i] = t;
                px[(n * 3 + 2) * 4 + i] = 0;
            }
        }
        double[][] vectors = new double[3][3];
        double[][] cov = {{2, 2, 0}, {2, 2, 0}, {0, 0, 0}};
        double[] values = SymmetricEigen.jacobi(cov, vectors);
        int top = values[0] > values[1] ? (values[0] > values[2] ? 0 : 2) : (values[1] > values[2] ? 1 : 2);
        assertEquals(4.0, values[top], 1e-9);
        assertEquals(Math.abs(vectors[0][top]), Math.abs(vectors[1][top]), 1e-9);
        assertEquals(0.0, vectors[2][top], 1e-9);
        // Applying it shifts red and green equally and leaves blue alone.
        PcaColour pca = PcaColour.fit(0.5, px, count, 2, 2);
        float[] img = new float[12];
        pca.apply(img, 0, 2, 2, new java.util.SplittableRandom(2));
        assertEquals(img[0], img[4], 1e-5f);
        assertEquals(0f, img[8], 1e-5f);
    }

    /** The batch's pixels as a training set, for the augmentations that fit themselves to one. */
    private static ImageSet images(ImageBatch b) {
        return new ImageSet(b.n, b.c, b.h, b.w, b.pixels.clone(), new int[b.n], List.of(), "test");
    }

    @Test
    void mixingTwiceIsRefusedBeforeAnythingStarts() {
        RunConfig c = RunConfig.defaults().with("task", "classifier").withValue("aug.mixup", 0.2)
                .withValue("aug.ricap", 0.3);
        UserError e = assertThrows(UserError.class, () -> Tricks.validate(c, "mix.json"));
        assertEquals("mix.json: aug.mixup and aug.ricap both mix the batch: turn one of them off (set it to 0)",
                e.getMessage());
    }
}
