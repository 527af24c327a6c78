package ganstudio.data;

import ganstudio.config.UserError;

import java.util.stream.IntStream;

/**
 * Adapts a loaded set to the shape a model expects, e.g. MNIST 28x28 to the 32x32 or 64x64 of a DCGAN, or RGB
 * CIFAR-10 to one channel. Results stay in [-1, 1].
 */
public final class ImageTransforms {

    private ImageTransforms() {
    }

    /**
     * Each image resized to {@code size x size}: center-cropped to a square first when it is not one, then area
     * averaged (shrinking) or bilinear (enlarging). Returns {@code set} itself when nothing changes.
     */
    public static ImageSet resize(ImageSet set, int size) {
        if (size <= 0) {
            throw new UserError("image size must be positive (got " + size + ")");
        }
        if (set.height() == size && set.width() == size) {
            return set;
        }
        int c = set.channels();
        int inSize = set.imageSize();
        int outSize = c * size * size;
        checkFits(set, outSize);
        float[] src = set.pixels();
        float[] out = new float[set.count() * outSize];
        IntStream.range(0, set.count()).parallel().forEach(i ->
                Resampler.cropResize(src, i * inSize, c, set.height(), set.width(), size, out, i * outSize));
        clamp(out);
        return new ImageSet(set.count(), c, size, size, out, set.labels(), set.classNames(),
                set.source() + " resized to " + size + "x" + size);
    }

    /**
     * 1 to 3 channels repeats the gray plane; 3 to 1 takes luma 0.299R+0.587G+0.114B (the weights sum to 1, so
     * applying them to [-1, 1] values equals converting bytes and rescaling). Returns {@code set} when unchanged.
     */
    public static ImageSet toChannels(ImageSet set, int channels) {
        if (channels != 1 && channels != 3) {
            throw new UserError("image channels must be 1 or 3 (got " + channels + ")");
        }
        int from = set.channels();
        if (from == channels) {
            return set;
        }
        if (from != 1 && from != 3) {
            throw new IllegalArgumentException("cannot convert " + from + "-channel images");
        }
        int plane = set.height() * set.width();
        checkFits(set, channels * plane);
        float[] src = set.pixels();
        float[] out = new float[set.count() * channels * plane];
        for (int i = 0; i < set.count(); i++) {
            int in = i * from * plane;
            int o = i * channels * plane;
            if (channels == 3) {
                for (int c = 0; c < 3; c++) {
                    System.arraycopy(src, in, out, o + c * plane, plane);
                }
            } else {
                for (int p = 0; p < plane; p++) {
                    out[o + p] = (float) (0.299 * src[in + p] + 0.587 * src[in + plane + p]
                            + 0.114 * src[in + 2 * plane + p]);
                }
            }
        }
        clamp(out);
        return new ImageSet(set.count(), channels, set.height(), set.width(), out, set.labels(), set.classNames(),
                set.source() + (channels == 1 ? " as grayscale" : " as RGB"));
    }

    private static void checkFits(ImageSet set, int outImageSize) {
        if ((long) set.count() * outImageSize > Integer.MAX_VALUE - 8) {
            throw new UserError(set.source() + ": " + set.count() + " images at the new shape are too many to hold"
                    + " in memory (set a smaller image size or limit)");
        }
    }

    /** Float rounding in the filter weights can overshoot +-1 by an ulp or so. */
    private static void clamp(float[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.max(-1f, Math.min(1f, values[i]));
        }
    }
}
