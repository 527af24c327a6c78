package ganstudio.tricks;

import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.config.ConfigSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * The registry of the tricks the trainers run as plugins, in the order their hooks are called, and the one
 * validation of a config that the CLI, the form, the sweep and the sessions all use before anything starts.
 */
public final class Tricks {

    /**
     * GAN tricks. Order matters where two touch the same thing: instance noise before DiffAugment on the critic's
     * input (the augmentation sees the noisy batch), packing last (the others see single samples); smoothing, then
     * mixup (which replaces the loss), then flooding, then the penalties, which flooding must not fold.
     */
    public static final List<TrickType> GAN = List.of(InstanceNoise.TYPE, DiffAugment.TYPE, Packing.TYPE,
            RealLabelSmoothing.TYPE, CriticMixup.TYPE, CriticFlooding.TYPE, ZeroCentredPenalty.TYPE,
            ConsistencyRegularization.TYPE, ParameterEma.TYPE);

    /**
     * Classifier tricks that run as plugins: the batch augmentations, then label smoothing of their targets,
     * flooding of the loss, and what happens to gradients before the update. The loss's own form (focal,
     * distillation, adversarial batches) is built by the trainer.
     */
    public static final List<TrickType> CLASSIFIER = List.of(Augmenter.TYPE, LabelSmoothing.TYPE,
            ClassifierFlooding.TYPE, GradientTricks.TYPE);

    private Tricks() {}

    /** The registered tricks of a task: "gan" or "classifier". */
    public static List<TrickType> of(String task) {
        return "gan".equals(task) ? GAN : CLASSIFIER;
    }

    /** The tricks that are on in {@code c}, built for a trainer. */
    public static List<Trick> active(TrickSetup setup) {
        List<Trick> on = new ArrayList<>();
        for (TrickType t : of(setup.config().getString(ConfigSchema.TASK))) {
            if (t.isOn().test(setup.config())) {
                on.add(t.factory().apply(setup));
            }
        }
        return on;
    }

    /**
     * Checks a config whole: each key's own range (RunConfig.validate), then the cross-key rules of every trick
     * that is on.
     *
     * @param source what the config came from, for the message ("" when there is nothing to name)
     * @return the config, for chaining
     * @throws UserError naming the key and the fix
     */
    public static RunConfig validate(RunConfig c, String source) {
        c.validate(source);
        for (TrickType t : of(c.getString(ConfigSchema.TASK))) {
            if (t.isOn().test(c)) {
                try {
                    t.rules().accept(c);
                } catch (UserError e) {
                    throw new UserError((source == null || source.isEmpty() ? "" : source + ": ") + e.getMessage());
                }
            }
        }
        return c;
    }
}
