package ganstudio.tricks;

import java.util.SplittableRandom;

/**
 * An AutoAugment-style policy for small images (Cubuk et al., 2019): each image gets one of ten sub-policies
 * at random, each two operations with a probability and a magnitude 0-10. The sub-policies are hand-picked
 * from AutoAugment's operations, leaving out Invert, which AutoAugment's SVHN policy loves but which turns a
 * dark-background garment into a different kind of image.
 */
public final class AutoAugmentPolicy {

    enum Op { SHEAR_X, SHEAR_Y, TRANSLATE_X, TRANSLATE_Y, ROTATE, CONTRAST, BRIGHTNESS, AUTOCONTRAST, EQUALIZE,
        SOLARIZE, POSTERIZE }

    private record Step(Op op, double p, int magnitude) {}

    private static final Step[][] POLICY = {
        {new Step(Op.SHEAR_X, 0.9, 4), new Step(Op.AUTOCONTRAST, 0.8, 0)},
        {new Step(Op.TRANSLATE_Y, 0.7, 5), new Step(Op.EQUALIZE, 0.5, 0)},
        {new Step(Op.ROTATE, 0.7, 3), new Step(Op.CONTRAST, 0.5, 5)},
        {new Step(Op.SHEAR_Y, 0.8, 4), new Step(Op.TRANSLATE_X, 0.6, 4)},
        {new Step(Op.POSTERIZE, 0.4, 6), new Step(Op.BRIGHTNESS, 0.6, 4)},
        {new Step(Op.SOLARIZE, 0.2, 5), new Step(Op.ROTATE, 0.6, 2)},
        {new Step(Op.EQUALIZE, 0.6, 0), new Step(Op.SHEAR_X, 0.5, 6)},
        {new Step(Op.CONTRAST, 0.7, 6), new Step(Op.TRANSLATE_Y, 0.4, 4)},
        {new Step(Op.AUTOCONTRAST, 0.5, 0), new Step(Op.ROTATE, 0.7, 4)},
        {new Step(Op.BRIGHTNESS, 0.5, 5), new Step(Op.SHEAR_Y, 0.6, 3)},
    };

    public void apply(float[] px, int off, int c, int h, int w, SplittableRandom random) {
        for (Step s : POLICY[random.nextInt(POLICY.length)]) {
            if (random.nextDouble() < s.p()) {
                double sign = random.nextBoolean() ? 1 : -1;
                apply(s.op(), s.magnitude() / 10.0, sign, px, off, c, h, w);
            }
        }
    }

    static void apply(Op op, double m, double sign, float[] px, int off, int c, int h, int w) {
        int len = c * h * w;
        switch (op) {
            case SHEAR_X:
                PixelOps.affine(px, off, c, h, w, 1, sign * 0.3 * m, 0, 1, 0, 0);
                break;
            case SHEAR_Y:
                PixelOps.affine(px, off, c, h, w, 1, 0, sign * 0.3 * m, 1, 0, 0);
                break;
            case TRANSLATE_X:
                PixelOps.translate(px, off, c, h, w, (int) Math.round(sign * 0.3 * m * w), 0);
                break;
            case TRANSLATE_Y:
                PixelOps.translate(px, off, c, h, w, 0, (int) Math.round(sign * 0.3 * m * h));
                break;
            case ROTATE:
                PixelOps.rotate(px, off, c, h, w, sign * 30 * m);
                break;
            case CONTRAST:
                PixelOps.contrastBrightness(px, off, len, 1 + sign * 0.9 * m, 0);
                break;
            case BRIGHTNESS:
                PixelOps.contrastBrightness(px, off, len, 1, sign * 0.3 * m);
                break;
            case AUTOCONTRAST:
                perChannel(px, off, c, h * w, AutoAugmentPolicy::autocontrast);
                break;
            case EQUALIZE:
                perChannel(px, off, c, h * w, AutoAugmentPolicy::equalize);
                break;
            case SOLARIZE: {
                float threshold = (float) (1 - 2 * m); // magnitude 0 leaves all, 10 inverts all above −1
                for (int i = off; i < off + len; i++) {
                    if (px[i] >= threshold) {
                        px[i] = -px[i];
                    }
                }
                break;
            }
            case POSTERIZE: {
                int bits = 8 - (int) Math.round(4 * m);
                int drop = 8 - bits;
                for (int i = off; i < off + len; i++) {
                    int v = Math.round((px[i] + 1) * 127.5f);
                    px[i] = ((v >> drop) << drop) / 127.5f - 1;
                }
                break;
            }
            default:
                throw new IllegalStateException(op.name());
        }
    }

    private interface ChannelOp {
        void apply(float[] px, int from, int len);
    }

    private static void perChannel(float[] px, int off, int c, int plane, ChannelOp f) {
        for (int ch = 0; ch < c; ch++) {
            f.apply(px, off + ch * plane, plane);
        }
    }

    /** Stretches the channel's range to [−1, 1]. */
    static void autocontrast(float[] px, int from, int len) {
        float lo = Float.MAX_VALUE;
        float hi = -Float.MAX_VALUE;
        for (int i = from; i < from + len; i++) {
            lo = Math.min(lo, px[i]);
            hi = Math.max(hi, px[i]);
        }
        if (hi - lo < 1e-6f) {
            return;
        }
        for (int i = from; i < from + len; i++) {
            px[i] = (px[i] - lo) / (hi - lo) * 2 - 1;
        }
    }

    /** Histogram equalization over 256 levels. */
    static void equalize(float[] px, int from, int len) {
        int[] hist = new int[256];
        int[] level = new int[len];
        for (int i = 0; i < len; i++) {
            level[i] = Math.max(0, Math.min(255, Math.round((px[from + i] + 1) * 127.5f)));
            hist[level[i]]++;
        }
        int[] cdf = new int[256];
        int run = 0;
        int min = -1;
        for (int v = 0; v < 256; v++) {
            run += hist[v];
            cdf[v] = run;
            if (min < 0 && hist[v] > 0) {
                min = run;
            }
        }
        if (len - min <= 0) {
            return;
        }
        for (int i = 0; i < len; i++) {
            double eq = (double) (cdf[level[i]] - min) / (len - min);
            px[from + i] = (float) (eq * 2 - 1);
        }
    }
}
