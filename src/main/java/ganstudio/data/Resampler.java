package ganstudio.data;

/**
 * Resizes planar float images with separable 1-D filters: area averaging when shrinking, so every source pixel
 * contributes (plain bilinear would skip pixels and alias when a photo is cut to 64x64), and bilinear with
 * half-pixel centres when enlarging (MNIST 28 to 32 or 64). Both are convex combinations, so values stay in the
 * input's range.
 */
final class Resampler {

    private Resampler() {
    }

    /**
     * Center-crops each {@code height x width} plane of {@code src} to a square and resizes it to
     * {@code size x size}; writes {@code channels} planes to {@code dst} at {@code dstOffset}.
     */
    static void cropResize(float[] src, int srcOffset, int channels, int height, int width, int size,
                           float[] dst, int dstOffset) {
        int side = Math.min(height, width);
        int top = (height - side) / 2;
        int left = (width - side) / 2;
        Kernel horizontal = Kernel.of(left, side, size);
        Kernel vertical = Kernel.of(top, side, size);
        float[] rows = new float[height * size];
        for (int c = 0; c < channels; c++) {
            int plane = srcOffset + c * height * width;
            // Only the cropped rows are filtered horizontally; the vertical pass reads nothing else.
            for (int y = top; y < top + side; y++) {
                horizontal.apply(src, plane + y * width, 1, rows, y * size, 1);
            }
            int out = dstOffset + c * size * size;
            for (int x = 0; x < size; x++) {
                vertical.apply(rows, x, size, dst, out + x, size);
            }
        }
    }

    /** Weights mapping a 1-D source window to each output sample. */
    private static final class Kernel {
        private final int[] start;
        private final int[] length;
        private final float[][] weights;

        private Kernel(int outputs) {
            start = new int[outputs];
            length = new int[outputs];
            weights = new float[outputs][];
        }

        static Kernel of(int offset, int in, int out) {
            Kernel k = new Kernel(out);
            if (out <= in) {
                double scale = (double) in / out;
                for (int o = 0; o < out; o++) {
                    double a = o * scale;
                    double b = (o + 1) * scale;
                    int first = (int) Math.floor(a);
                    int last = Math.min(in - 1, (int) Math.ceil(b) - 1);
                    float[] w = new float[last - first + 1];
                    for (int j = first; j <= last; j++) {
                        w[j - first] = (float) ((Math.min(b, j + 1) - Math.max(a, j)) / scale);
                    }
                    k.set(o, offset + first, w);
                }
            } else {
                for (int o = 0; o < out; o++) {
                    double centre = Math.max(0, Math.min(in - 1, (o + 0.5) * in / out - 0.5));
                    int j0 = (int) Math.floor(centre);
                    int j1 = Math.min(j0 + 1, in - 1);
                    float frac = (float) (centre - j0);
                    k.set(o, offset + j0, j1 == j0 ? new float[] {1f} : new float[] {1f - frac, frac});
                }
            }
            return k;
        }

        private void set(int o, int first, float[] w) {
            start[o] = first;
            length[o] = w.length;
            weights[o] = w;
        }

        /** dst[dstBase + o*dstStride] = sum_j w[o][j] * src[srcBase + (start[o]+j)*srcStride]. */
        void apply(float[] src, int srcBase, int srcStride, float[] dst, int dstBase, int dstStride) {
            for (int o = 0; o < start.length; o++) {
                float[] w = weights[o];
                int s = srcBase + start[o] * srcStride;
                float sum = 0f;
                for (int j = 0; j < length[o]; j++) {
                    sum += w[j] * src[s + j * srcStride];
                }
                dst[dstBase + o * dstStride] = sum;
            }
        }
    }
}
