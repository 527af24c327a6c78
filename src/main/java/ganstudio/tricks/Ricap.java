package ganstudio.tricks;

import java.util.SplittableRandom;

/**
 * RICAP (Takahashi et al., 2018): each output image is four crops of four images, top-left w×h, top-right
 * (W−w)×h, bottom-left w×(H−h), bottom-right (W−w)×(H−h), with w = round(W·Beta(β, β)) and h likewise; the
 * target is the four labels weighted by area. Crop k of output i comes from image perm[k][i], at a random
 * position inside it.
 */
public final class Ricap {

    private final double beta;

    public Ricap(double beta) {
        this.beta = beta;
    }

    public void apply(ImageBatch b, SplittableRandom random) {
        int w = (int) Math.round(b.w * BetaSampler.beta(random, beta, beta));
        int h = (int) Math.round(b.h * BetaSampler.beta(random, beta, beta));
        int[][] perm = new int[4][];
        int[][] pos = new int[4][2];
        int[][] sizes = sizes(b.w, b.h, w, h);
        for (int k = 0; k < 4; k++) {
            perm[k] = Mixup.permutation(b.n, random);
            pos[k][0] = random.nextInt(b.w - sizes[k][0] + 1);
            pos[k][1] = random.nextInt(b.h - sizes[k][1] + 1);
        }
        apply(b, w, h, perm, pos);
    }

    /** The four crop sizes {width, height}, in the order top-left, top-right, bottom-left, bottom-right. */
    static int[][] sizes(int width, int height, int w, int h) {
        return new int[][] {{w, h}, {width - w, h}, {w, height - h}, {width - w, height - h}};
    }

    /** With given boundary, permutations and crop positions: the exact rule, for tests. */
    public static void apply(ImageBatch b, int w, int h, int[][] perm, int[][] pos) {
        float[] px = b.pixels.clone();
        float[] t = b.targets.clone();
        int[][] sizes = sizes(b.w, b.h, w, h);
        int[][] corner = {{0, 0}, {w, 0}, {0, h}, {w, h}};
        double area = (double) b.w * b.h;
        java.util.Arrays.fill(b.targets, 0f);
        for (int i = 0; i < b.n; i++) {
            for (int k = 0; k < 4; k++) {
                int src = perm[k][i];
                int cw = sizes[k][0];
                int ch = sizes[k][1];
                for (int c = 0; c < b.c; c++) {
                    for (int y = 0; y < ch; y++) {
                        for (int x = 0; x < cw; x++) {
                            int from = src * b.imageLength() + (c * b.h + pos[k][1] + y) * b.w + pos[k][0] + x;
                            int to = i * b.imageLength() + (c * b.h + corner[k][1] + y) * b.w + corner[k][0] + x;
                            b.pixels[to] = px[from];
                        }
                    }
                }
                double weight = cw * ch / area;
                for (int q = 0; q < b.k; q++) {
                    b.targets[i * b.k + q] += (float) (weight * t[src * b.k + q]);
                }
            }
        }
    }
}
