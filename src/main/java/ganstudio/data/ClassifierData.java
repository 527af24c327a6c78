package ganstudio.data;

import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.config.ClassifierKeys;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The three splits of a classifier run. Validation is held out of the training images (a fixed shuffle of
 * seed 0, so every run of a data set validates on the same images); with cls.validation = 0 the test set
 * doubles as validation, and {@link #validationIsTest} says so. Kinds without a test split (folders, lone
 * IDX files) hold out a further 10% as the test set.
 */
public record ClassifierData(ImageSet train, ImageSet validation, ImageSet test, boolean validationIsTest) {

    public int classes() {
        return Math.max(train.classNames().size(), maxLabel(train) + 1);
    }

    public static ClassifierData load(RunConfig c) {
        if (c.isTwoDimensional()) {
            throw new UserError("task = classifier needs images: set data.kind to fashion-mnist, mnist, cifar10, "
                    + "idx or folder");
        }
        ImageSet all = TrainingData.loadTrainImages(c);
        requireLabels(all);
        int[] order = shuffled(all.count());
        ImageSet test = TrainingData.loadTestImages(c).orElse(null);
        int cursor = 0;
        if (test == null) {
            int n = Math.max(1, all.count() / 10);
            test = all.subset(Arrays.copyOfRange(order, 0, n), all.source() + " (held-out test 10%)");
            cursor = n;
        } else {
            requireLabels(test);
        }
        int val = c.getInt(ClassifierKeys.CLS_VALIDATION);
        if (val >= all.count() - cursor) {
            throw new UserError("cls.validation = " + val + " leaves no training images out of " + all.count()
                    + "; lower it (0 validates on the test set)");
        }
        ImageSet validation;
        if (val > 0) {
            validation = all.subset(Arrays.copyOfRange(order, cursor, cursor + val),
                    all.source() + " (validation hold-out)");
            cursor += val;
        } else {
            validation = test;
        }
        int[] rest = Arrays.copyOfRange(order, cursor, order.length);
        Arrays.sort(rest); // keep the file order for what is trained on; the loop shuffles per epoch
        ImageSet train = cursor == 0 ? all : all.subset(rest, all.source());
        return new ClassifierData(train, validation, test, val == 0);
    }

    private static int[] shuffled(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        SplittableRandom r = new SplittableRandom(0);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static void requireLabels(ImageSet set) {
        if (!set.hasLabels()) {
            throw new UserError(set.source() + ": has no labels; a classifier needs a labels file (IDX) or one "
                    + "sub-folder per class (folder)");
        }
    }

    private static int maxLabel(ImageSet set) {
        int max = -1;
        for (int l : set.labels()) {
            max = Math.max(max, l);
        }
        return max;
    }
}
