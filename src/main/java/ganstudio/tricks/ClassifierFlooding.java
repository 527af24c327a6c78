package ganstudio.tricks;

import ai.djl.ndarray.NDArray;

import ganstudio.config.ClassifierKeys;

import java.util.List;

/** Flooding of a classifier's loss (Ishida et al., 2020): once the loss falls below b, training ascends. */
public final class ClassifierFlooding implements Trick {

    public static final TrickType TYPE = new TrickType("flooding", "classifier", List.of(ClassifierKeys.CLS_FLOODING),
            c -> c.getDouble(ClassifierKeys.CLS_FLOODING) > 0,
            s -> new ClassifierFlooding((float) s.config().getDouble(ClassifierKeys.CLS_FLOODING)));

    private final float level;

    public ClassifierFlooding(float level) {
        this.level = level;
    }

    @Override
    public NDArray classifierLoss(NDArray loss) {
        return Losses.flood(loss, level);
    }

    @Override
    public List<String> describe() {
        return List.of("flooding " + level);
    }
}
