package ganstudio.data;

import java.util.Arrays;
import java.util.List;

/**
 * An in-memory image dataset in NCHW order with pixel values in [-1, 1] (byte v maps to v/127.5-1), the range a
 * tanh generator produces, so real and fake images can be compared without rescaling.
 *
 * <p>The pixel array is shared, not copied: a 50000-image RGB set is 600 MB and the trainer reads it for every
 * batch. Treat {@link #pixels()} as read-only; everything else is defensively copied.
 */
public final class ImageSet {

    /** Byte value 0..255 to [-1, 1]; a table so every reader scales bytes identically. */
    private static final float[] BYTE_TO_UNIT = new float[256];

    static {
        for (int v = 0; v < 256; v++) {
            BYTE_TO_UNIT[v] = (float) (v / 127.5 - 1.0);
        }
    }

    private final int count;
    private final int channels;
    private final int height;
    private final int width;
    private final float[] pixels;
    private final int[] labels;
    private final List<String> classNames;
    private final String source;

    /**
     * Takes ownership of {@code pixels}. {@code labels} may be null for an unlabeled set (all -1). When class names
     * are given every label must be -1 or an index into them.
     */
    public ImageSet(int count, int channels, int height, int width, float[] pixels, int[] labels,
                    List<String> classNames, String source) {
        if (count < 0 || channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("bad image set shape " + count + "x" + channels + "x" + height
                    + "x" + width);
        }
        long expected = (long) count * channels * height * width;
        if (pixels == null || pixels.length != expected) {
            throw new IllegalArgumentException("pixels: " + (pixels == null ? "null" : pixels.length)
                    + " values but " + count + "x" + channels + "x" + height + "x" + width + " needs " + expected);
        }
        int[] labelCopy;
        if (labels == null) {
            labelCopy = new int[count];
            Arrays.fill(labelCopy, -1);
        } else if (labels.length != count) {
            throw new IllegalArgumentException("labels: " + labels.length + " but images: " + count);
        } else {
            labelCopy = labels.clone();
        }
        List<String> names = classNames == null ? List.of() : List.copyOf(classNames);
        for (int i = 0; i < count; i++) {
            int label = labelCopy[i];
            if (label < -1 || (!names.isEmpty() && label >= names.size())) {
                throw new IllegalArgumentException("label " + label + " at index " + i + " outside -1.."
                        + (names.isEmpty() ? "" : names.size() - 1));
            }
        }
        this.count = count;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.pixels = pixels;
        this.labels = labelCopy;
        this.classNames = names;
        this.source = source == null ? "" : source;
    }

    /** The [-1, 1] value of an unsigned byte 0..255. */
    public static float unit(int byteValue) {
        return BYTE_TO_UNIT[byteValue & 0xFF];
    }

    public int count() {
        return count;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Values per image: channels * height * width. */
    public int imageSize() {
        return channels * height * width;
    }

    /** The shared backing array (see class comment): do not write to it. */
    public float[] pixels() {
        return pixels;
    }

    /** Copies image {@code index} into {@code dst} at {@code dstOffset}; how batches are assembled. */
    public void copyImage(int index, float[] dst, int dstOffset) {
        int size = imageSize();
        System.arraycopy(pixels, index * size, dst, dstOffset, size);
    }

    public int[] labels() {
        return labels.clone();
    }

    public int label(int index) {
        return labels[index];
    }

    /** True when at least one image has a class label. */
    public boolean hasLabels() {
        for (int label : labels) {
            if (label >= 0) {
                return true;
            }
        }
        return false;
    }

    public List<String> classNames() {
        return classNames;
    }

    public String source() {
        return source;
    }

    /** The first {@code n} images (all when n is 0 or at least count), for quick runs. */
    public ImageSet limit(int n) {
        if (n <= 0 || n >= count) {
            return this;
        }
        float[] head = Arrays.copyOf(pixels, n * imageSize());
        return new ImageSet(n, channels, height, width, head, Arrays.copyOf(labels, n), classNames,
                source + " (first " + n + ")");
    }

    /** The images at {@code indices}, in that order (a validation hold-out, a shuffled split). */
    public ImageSet subset(int[] indices, String subsetSource) {
        int len = imageSize();
        float[] px = new float[indices.length * len];
        int[] lab = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * len, px, i * len, len);
            lab[i] = labels[indices[i]];
        }
        return new ImageSet(indices.length, channels, height, width, px, lab, classNames, subsetSource);
    }

    @Override
    public String toString() {
        return count + " images " + channels + "x" + height + "x" + width
                + (classNames.isEmpty() ? "" : ", " + classNames.size() + " classes") + " from " + source;
    }
}
