package ganstudio.tricks;

/**
 * A batch on the host, before it goes to the device: pixels [n, c, h, w] in [−1, 1] and soft targets [n, k]
 * whose rows sum to 1. Augmentations change it in place.
 */
public final class ImageBatch {

    public final int n;
    public final int c;
    public final int h;
    public final int w;
    public final int k;
    public final float[] pixels;
    public final float[] targets;

    public ImageBatch(int n, int c, int h, int w, int k, float[] pixels, float[] targets) {
        if (pixels.length != n * c * h * w || targets.length != n * k) {
            throw new IllegalArgumentException("batch arrays do not match " + n + "x" + c + "x" + h + "x" + w
                    + " with " + k + " classes");
        }
        this.n = n;
        this.c = c;
        this.h = h;
        this.w = w;
        this.k = k;
        this.pixels = pixels;
        this.targets = targets;
    }

    /** One-hot targets for integer labels. */
    public static float[] oneHot(int[] labels, int k) {
        float[] t = new float[labels.length * k];
        for (int i = 0; i < labels.length; i++) {
            t[i * k + labels[i]] = 1f;
        }
        return t;
    }

    public int imageLength() {
        return c * h * w;
    }

    public int offset(int sample) {
        return sample * imageLength();
    }
}
