package ganstudio.tricks;

import ganstudio.config.ClassifierKeys;

import java.util.List;

/**
 * Label smoothing (Szegedy et al., 2016): every target moves ε/k toward the uniform distribution over the k
 * classes, y ← (1 − ε)·y + ε/k, after the batch's mixing (so mixup's soft targets are smoothed too).
 */
public final class LabelSmoothing implements Trick {

    public static final TrickType TYPE = new TrickType("label smoothing", "classifier",
            List.of(ClassifierKeys.CLS_LABEL_SMOOTHING), c -> c.getDouble(ClassifierKeys.CLS_LABEL_SMOOTHING) > 0,
            s -> new LabelSmoothing((float) s.config().getDouble(ClassifierKeys.CLS_LABEL_SMOOTHING)));

    private final float epsilon;

    public LabelSmoothing(float epsilon) {
        this.epsilon = epsilon;
    }

    /** Smooths the targets in place, rounding each step to float as the engine's float32 arithmetic does. */
    @Override
    public ImageBatch transformBatch(ImageBatch batch, long seed) {
        float keep = 1 - epsilon;
        float share = epsilon / batch.k;
        float[] t = batch.targets;
        for (int i = 0; i < t.length; i++) {
            t[i] = t[i] * keep + share;
        }
        return batch;
    }

    @Override
    public List<String> describe() {
        return List.of("label smoothing " + epsilon);
    }
}
