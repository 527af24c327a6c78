package ganstudio.train.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;

import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.data.ImageSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * eval.features through the TorchScript fixtures of src/test/resources/ganstudio/features (made by
 * make_tiny_features.py there): tiny_features.pt turns an N x 3 x S x S batch into (channel means)·W, W = [[1, 2],
 * [3, 4], [5, 6]], and S, so a grey image of value g (in the network's range) repeated to 3 channels gives
 * (9g, 12g, S).
 */
class FeatureNetworkTest {

    @TempDir
    Path tmp;

    static Path fixture(String name) throws Exception {
        return Path.of(FeatureNetworkTest.class.getResource("/ganstudio/features/" + name).toURI());
    }

    private static RunConfig config(Path file, int side, String range) {
        return RunConfig.defaults().with("eval.features", file.toString()).with("eval.featuresSize",
                String.valueOf(side)).with("eval.featuresRange", range);
    }

    /** Four 4x4 grey images: black, mid-grey, white, and black over white (rows -1, -1, 1, 1). */
    private static ImageSet greys() {
        float[] px = new float[4 * 16];
        Arrays.fill(px, 0, 16, -1f);
        Arrays.fill(px, 16, 32, 0f);
        Arrays.fill(px, 32, 48, 1f);
        Arrays.fill(px, 48, 56, -1f);
        Arrays.fill(px, 56, 64, 1f);
        return new ImageSet(4, 1, 4, 4, px, null, null, "greys");
    }

    private static double[][] features(Path file, int side, String range) {
        ImageSet images = greys();
        try (FeatureNetwork net = FeatureNetwork.load(config(file, side, range), 1, Device.cpu())) {
            assertEquals(3, net.channels(), "grey images go in as 3 channels: the network takes nothing else");
            assertEquals(3, net.dimension());
            return net.features(images.pixels(), 4, images, () -> false);
        }
    }

    @Test
    void greyImagesBecomeThreeChannelsAtTheSideAndRangeAsked() throws Exception {
        // 0..1: g = (v + 1) / 2 = 0, 0.5, 1; black over white resized 4 -> 8 (bilinear, half-pixel centres) has rows
        // 0, 0, 0, 0.25, 0.75, 1, 1, 1: mean 0.5.
        double[][] f = features(fixture("tiny_features.pt"), 8, "0..1");
        assertArrayEquals(new double[] {0, 0, 8}, f[0], 1e-6);
        assertArrayEquals(new double[] {4.5, 6, 8}, f[1], 1e-6);
        assertArrayEquals(new double[] {9, 12, 8}, f[2], 1e-6);
        assertArrayEquals(new double[] {4.5, 6, 8}, f[3], 1e-6);

        double[][] signed = features(fixture("tiny_features.pt"), 16, "-1..1");
        assertArrayEquals(new double[] {-9, -12, 16}, signed[0], 1e-6);
        assertArrayEquals(new double[] {0, 0, 16}, signed[1], 1e-6);
        assertArrayEquals(new double[] {9, 12, 16}, signed[2], 1e-6);

        double[][] bytes = features(fixture("tiny_features.pt"), 8, "0..255");
        assertArrayEquals(new double[] {9 * 127.5, 12 * 127.5, 8}, bytes[1], 1e-3);
        assertArrayEquals(new double[] {9 * 255, 12 * 255, 8}, bytes[2], 1e-3);
    }

    @Test
    void aMissingFileIsNamedWithTheFix() {
        Path missing = tmp.resolve("inception.pt");
        UserError e = assertThrows(UserError.class, () -> FeatureNetwork.load(config(missing, 299, "0..1"), 1,
                Device.cpu()));
        assertEquals("eval.features = " + missing + ": no such file; give the path of a TorchScript network (saved "
                + "with torch.jit.trace(...).save or torch.jit.script(...).save), or leave eval.features empty for "
                + "the classifier's features", e.getMessage());
    }

    @Test
    void aFileThatIsNotTorchScriptIsNamedWithTheFix() throws Exception {
        Path text = tmp.resolve("weights.pt");
        Files.writeString(text, "not a network");
        UserError e = assertThrows(UserError.class, () -> FeatureNetwork.load(config(text, 8, "0..1"), 1,
                Device.cpu()));
        assertTrue(e.getMessage().startsWith("eval.features = " + text + ": not a TorchScript network PyTorch can "
                + "load ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("); save it with torch.jit.trace(net, example).save(file) or "
                + "torch.jit.script(net).save(file)"), e.getMessage());
    }

    @Test
    void oneNumberForTheWholeBatchIsTheWrongShape() throws Exception {
        Path scalar = fixture("tiny_scalar.pt");
        UserError e = assertThrows(UserError.class, () -> FeatureNetwork.load(config(scalar, 8, "0..1"), 1,
                Device.cpu()));
        assertEquals("eval.features = " + scalar + ": gives a tensor of shape () for a batch of 2 images of 3x8x8; "
                + "it must give one row of features per image (shape 2 x d): return the pooled features, e.g. the "
                + "output of pytorch-fid's InceptionV3 block 3", e.getMessage());
    }
}
