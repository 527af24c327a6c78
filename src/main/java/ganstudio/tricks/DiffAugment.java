package ganstudio.tricks;

import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.config.ConfigSchema;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * DiffAugment (Zhao et al., 2020) for every input of D, real and generated alike, built from differentiable ops
 * so that G's gradient passes through: color (brightness, saturation, contrast), translation by up to 1/8 of
 * the side with zero fill, cutout of a half-side square. Random draws are per sample. Translation is a product
 * with one-hot shift matrices, S_y·x·S_xᵀ, as DJL has no grid sampling.
 */
public final class DiffAugment implements Trick {

    public static final TrickType TYPE = new TrickType("DiffAugment", "gan", List.of(ConfigSchema.TRICKS_DIFF_AUGMENT),
            c -> !c.getString(ConfigSchema.TRICKS_DIFF_AUGMENT).isBlank(), DiffAugment::requireImagesAndKnownParts,
            s -> new DiffAugment(s.config().getString(ConfigSchema.TRICKS_DIFF_AUGMENT),
                    s.config().getLong(ConfigSchema.SEED)));

    private final boolean color;
    private final boolean translation;
    private final boolean cutout;
    private SplittableRandom random;

    public DiffAugment(String policy, long seed) {
        List<String> parts = new ArrayList<>();
        for (String p : policy.split(",")) {
            parts.add(p.trim());
        }
        color = parts.contains("color");
        translation = parts.contains("translation");
        cutout = parts.contains("cutout");
        random = new SplittableRandom(seed);
    }

    /** Starts the Java-side draws (shifts, cutout) anew, so an iteration's draws depend on its seed alone. */
    public void reseed(long seed) {
        random = new SplittableRandom(seed);
    }

    private static void requireImagesAndKnownParts(RunConfig c) {
        if (c.isTwoDimensional()) {
            throw new UserError("tricks.diffAugment works on images; data.kind = " + c.getString(ConfigSchema.DATA_KIND)
                    + " is 2D: leave it empty");
        }
        for (String part : c.getString(ConfigSchema.TRICKS_DIFF_AUGMENT).split(",")) {
            String p = part.trim();
            if (!p.equals("color") && !p.equals("translation") && !p.equals("cutout")) {
                throw new UserError("tricks.diffAugment: '" + p + "' is not one of color, translation, cutout");
            }
        }
    }

    @Override
    public void startCriticIteration(SplittableRandom iterationRandom) {
        reseed(iterationRandom.nextLong());
    }

    @Override
    public void startGeneratorStep(long seed) {
        reseed(seed);
    }

    @Override
    public NDArray criticInput(NDArray x, long step) {
        return apply(x);
    }


    /** x: [N, C, H, W] in [−1, 1]. */
    public NDArray apply(NDArray x) {
        NDManager m = x.getManager();
        long n = x.getShape().get(0);
        int h = (int) x.getShape().get(2);
        int w = (int) x.getShape().get(3);
        NDArray y = x;
        if (color) {
            Shape per = new Shape(n, 1, 1, 1);
            y = y.add(m.randomUniform(-0.5f, 0.5f, per));
            NDArray meanC = y.mean(new int[] {1}, true);
            y = y.sub(meanC).mul(m.randomUniform(0f, 2f, per)).add(meanC);
            NDArray mean = y.reshape(n, -1).mean(new int[] {1}, true).reshape(per); // one axis at a time in DJL
            y = y.sub(mean).mul(m.randomUniform(0.5f, 1.5f, per)).add(mean);
        }
        if (translation) {
            y = shiftRows(y, m, n, h, w);
        }
        if (cutout) {
            y = y.mul(m.create(cutoutMask((int) n, h, w), new Shape(n, 1, h, w)));
        }
        return y;
    }

    private NDArray shiftRows(NDArray x, NDManager m, long n, int h, int w) {
        int maxY = (int) (h * 0.125 + 0.5);
        int maxX = (int) (w * 0.125 + 0.5);
        float[] sy = new float[(int) n * h * h];
        float[] sxT = new float[(int) n * w * w];
        for (int i = 0; i < n; i++) {
            int dy = random.nextInt(2 * maxY + 1) - maxY;
            int dx = random.nextInt(2 * maxX + 1) - maxX;
            for (int r = 0; r < h; r++) {
                int src = r - dy;
                if (src >= 0 && src < h) {
                    sy[i * h * h + r * h + src] = 1f; // output row r takes input row r − dy
                }
            }
            for (int c = 0; c < w; c++) {
                int src = c - dx;
                if (src >= 0 && src < w) {
                    sxT[i * w * w + src * w + c] = 1f; // (x·Sxᵀ)[.., c] = x[.., c − dx]
                }
            }
        }
        NDArray rows = m.create(sy, new Shape(n, 1, h, h));
        NDArray cols = m.create(sxT, new Shape(n, 1, w, w));
        // Values outside come in as 0, DiffAugment's fill (mid-gray in [−1, 1]).
        return rows.matMul(x).matMul(cols);
    }

    /** 1 everywhere but a half-side square per sample, centred anywhere so it may hang over the edge. */
    float[] cutoutMask(int n, int h, int w) {
        int ch = (h + 1) / 2;
        int cw = (w + 1) / 2;
        float[] mask = new float[n * h * w];
        java.util.Arrays.fill(mask, 1f);
        for (int i = 0; i < n; i++) {
            int cy = random.nextInt(h + (1 - ch % 2));
            int cx = random.nextInt(w + (1 - cw % 2));
            for (int y = Math.max(0, cy - ch / 2); y < Math.min(h, cy - ch / 2 + ch); y++) {
                for (int x = Math.max(0, cx - cw / 2); x < Math.min(w, cx - cw / 2 + cw); x++) {
                    mask[i * h * w + y * w + x] = 0f;
                }
            }
        }
        return mask;
    }
}
