package ganstudio.tricks;

import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.data.ImageSet;
import ganstudio.config.ClassifierKeys;
import ganstudio.config.ConfigKey;
import ganstudio.config.ConfigSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The data tricks of a classifier config, applied to each training batch on the host: per-image geometric and
 * colour changes, then cutout / random erasing, then the batch mixers (mixup, RICAP), which also mix the
 * targets. Validation and test batches never pass through it.
 */
public final class Augmenter implements Trick {

    private final int crop;
    private final boolean flip;
    private final double rotate;
    private final double brightness;
    private final double contrast;
    private final double colour;
    private final PcaColour pca;
    private final AutoAugmentPolicy auto;
    private final int cutout;
    private final double erasing;
    private final Mixup mixup;
    private final Ricap ricap;
    private SplittableRandom random;

    private Augmenter(RunConfig c, PcaColour pca, long seed) {
        crop = c.getInt(ClassifierKeys.AUG_CROP);
        flip = c.getBool(ClassifierKeys.AUG_FLIP);
        rotate = c.getDouble(ClassifierKeys.AUG_ROTATE);
        brightness = c.getDouble(ClassifierKeys.AUG_BRIGHTNESS);
        contrast = c.getDouble(ClassifierKeys.AUG_CONTRAST);
        colour = c.getDouble(ClassifierKeys.AUG_COLOUR);
        this.pca = pca;
        auto = c.getBool(ClassifierKeys.AUG_AUTO) ? new AutoAugmentPolicy() : null;
        cutout = c.getInt(ClassifierKeys.AUG_CUTOUT);
        erasing = c.getDouble(ClassifierKeys.AUG_ERASING);
        mixup = c.getDouble(ClassifierKeys.AUG_MIXUP) > 0 ? new Mixup(c.getDouble(ClassifierKeys.AUG_MIXUP)) : null;
        ricap = c.getDouble(ClassifierKeys.AUG_RICAP) > 0 ? new Ricap(c.getDouble(ClassifierKeys.AUG_RICAP)) : null;
        random = new SplittableRandom(seed);
    }

    /** The keys of the batch augmentations; any of them above 0 (or true) turns the augmenter on. */
    static final List<ConfigKey<?>> KEYS = List.of(ClassifierKeys.AUG_CROP, ClassifierKeys.AUG_FLIP,
            ClassifierKeys.AUG_ROTATE, ClassifierKeys.AUG_BRIGHTNESS, ClassifierKeys.AUG_CONTRAST,
            ClassifierKeys.AUG_COLOUR, ClassifierKeys.AUG_PCA, ClassifierKeys.AUG_CUTOUT, ClassifierKeys.AUG_ERASING,
            ClassifierKeys.AUG_MIXUP, ClassifierKeys.AUG_RICAP, ClassifierKeys.AUG_AUTO);

    public static final TrickType TYPE = new TrickType("augmentation", "classifier", KEYS,
            c -> KEYS.stream().anyMatch(k -> isOn(c, k)), Augmenter::requireFittingData,
            s -> fromConfig(s.config(), s.trainImages()));

    private static boolean isOn(RunConfig c, ConfigKey<?> key) {
        Object v = c.get(key.getName());
        return v instanceof Boolean ? (Boolean) v : ((Number) v).doubleValue() > 0;
    }

    /** Refuses mixing twice, and colour tricks on images the config already says are grayscale. */
    private static void requireFittingData(RunConfig c) {
        if (c.getDouble(ClassifierKeys.AUG_MIXUP) > 0 && c.getDouble(ClassifierKeys.AUG_RICAP) > 0) {
            throw new UserError("aug.mixup and aug.ricap both mix the batch: turn one of them off (set it to 0)");
        }
        int channels = c.getInt(ConfigSchema.DATA_CHANNELS);
        String kind = c.getString(ConfigSchema.DATA_KIND);
        if (channels == 0 && ("mnist".equals(kind) || "fashion-mnist".equals(kind))) {
            channels = 1;
        }
        if (channels != 0) {
            requireRgbForColour(c, channels);
        }
    }

    /** Colour tricks need three channels; a folder's or IDX file's count is known only once it is read. */
    private static void requireRgbForColour(RunConfig c, int channels) {
        if (channels != 3 && (c.getDouble(ClassifierKeys.AUG_PCA) > 0 || c.getDouble(ClassifierKeys.AUG_COLOUR) > 0)) {
            throw new UserError("aug.pca and aug.colour need RGB images; these have " + channels
                    + " channel(s): set them to 0 (aug.brightness and aug.contrast work on any image)");
        }
    }

    /**
     * The augmenter of a config for these training images (PCA colour augmentation fits itself to them).
     *
     * @throws UserError for colour tricks on grayscale images
     */
    public static Augmenter fromConfig(RunConfig c, ImageSet train) {
        requireRgbForColour(c, train.channels());
        PcaColour pca = null;
        if (c.getDouble(ClassifierKeys.AUG_PCA) > 0) {
            pca = PcaColour.fit(c.getDouble(ClassifierKeys.AUG_PCA), train.pixels(), Math.min(train.count(), 2000),
                    train.height(),
                    train.width());
        }
        return new Augmenter(c, pca, c.getLong(ConfigSchema.SEED) * 31 + 7);
    }

    @Override
    public ImageBatch transformBatch(ImageBatch batch, long seed) {
        reseed(seed);
        apply(batch);
        return batch;
    }

    @Override
    public List<String> describe() {
        return active();
    }

    /** Starts the draws anew, so a batch's augmentation depends on its own seed alone (exact resume). */
    public void reseed(long seed) {
        random = new SplittableRandom(seed);
    }

    /** The names of the tricks that are on, for logs. */
    public List<String> active() {
        List<String> on = new ArrayList<>();
        if (crop > 0) {
            on.add("crop±" + crop);
        }
        if (flip) {
            on.add("flip");
        }
        if (rotate > 0) {
            on.add("rotate±" + rotate);
        }
        if (brightness > 0 || contrast > 0) {
            on.add("brightness/contrast");
        }
        if (colour > 0) {
            on.add("colour shift");
        }
        if (pca != null) {
            on.add("PCA colour");
        }
        if (auto != null) {
            on.add("auto-augment");
        }
        if (cutout > 0) {
            on.add("cutout " + cutout);
        }
        if (erasing > 0) {
            on.add("random erasing");
        }
        if (mixup != null) {
            on.add("mixup");
        }
        if (ricap != null) {
            on.add("RICAP");
        }
        return on;
    }

    public void apply(ImageBatch b) {
        int len = b.imageLength();
        for (int i = 0; i < b.n; i++) {
            int off = b.offset(i);
            if (crop > 0) {
                PixelOps.padCrop(b.pixels, off, b.c, b.h, b.w, crop, random.nextInt(2 * crop + 1),
                        random.nextInt(2 * crop + 1));
            }
            if (flip && random.nextBoolean()) {
                PixelOps.flipHorizontal(b.pixels, off, b.c, b.h, b.w);
            }
            if (rotate > 0) {
                PixelOps.rotate(b.pixels, off, b.c, b.h, b.w, (random.nextDouble() * 2 - 1) * rotate);
            }
            if (brightness > 0 || contrast > 0) {
                PixelOps.contrastBrightness(b.pixels, off, len, 1 + (random.nextDouble() * 2 - 1) * contrast,
                        (random.nextDouble() * 2 - 1) * brightness);
            }
            if (colour > 0) {
                double[] shift = new double[b.c];
                for (int ch = 0; ch < b.c; ch++) {
                    shift[ch] = 2 * (random.nextDouble() * 2 - 1) * colour;
                }
                PixelOps.shiftChannels(b.pixels, off, b.c, b.h, b.w, shift);
            }
            if (pca != null) {
                pca.apply(b.pixels, off, b.h, b.w, random);
            }
            if (auto != null) {
                auto.apply(b.pixels, off, b.c, b.h, b.w, random);
            }
            if (cutout > 0) {
                // Centre anywhere in the image, so the square may hang over the edge (DeVries and Taylor).
                int cx = random.nextInt(b.w);
                int cy = random.nextInt(b.h);
                PixelOps.fillRect(b.pixels, off, b.c, b.h, b.w, cx - cutout / 2, cy - cutout / 2, cutout, cutout, 0f);
            }
            if (erasing > 0 && random.nextDouble() < erasing) {
                erase(b, off);
            }
        }
        if (mixup != null) {
            mixup.apply(b, random);
        }
        if (ricap != null) {
            ricap.apply(b, random);
        }
    }

    /** Random erasing (Zhong et al., 2020): a rectangle of 2-40% of the area, aspect 0.3-3.3, random values. */
    private void erase(ImageBatch b, int off) {
        for (int attempt = 0; attempt < 10; attempt++) {
            double area = b.h * b.w * (0.02 + random.nextDouble() * 0.38);
            double aspect = Math.exp(Math.log(0.3) + random.nextDouble() * (Math.log(1 / 0.3) - Math.log(0.3)));
            int rh = (int) Math.round(Math.sqrt(area * aspect));
            int rw = (int) Math.round(Math.sqrt(area / aspect));
            if (rh < b.h && rw < b.w && rh > 0 && rw > 0) {
                int y0 = random.nextInt(b.h - rh + 1);
                int x0 = random.nextInt(b.w - rw + 1);
                for (int ch = 0; ch < b.c; ch++) {
                    for (int y = y0; y < y0 + rh; y++) {
                        for (int x = x0; x < x0 + rw; x++) {
                            b.pixels[off + (ch * b.h + y) * b.w + x] = (float) (random.nextDouble() * 2 - 1);
                        }
                    }
                }
                return;
            }
        }
    }
}
