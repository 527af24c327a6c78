package ganstudio.tricks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * A training trick as the trainers see it: hooks called at fixed points of an iteration, each doing nothing unless
 * the trick overrides it. A trainer builds the active tricks of its config from {@link Tricks} and calls every hook
 * on each of them in the registry's order, so the loop itself names no trick. How a trick is switched on, which keys
 * it reads and which settings it refuses is its {@link TrickType}.
 */
public interface Trick {

    /** A critic iteration begins; {@code random} is its own stream for the tricks' Java-side draws. */
    default void startCriticIteration(SplittableRandom random) {}

    /** A generator step begins; its tricks' draws start from {@code seed}. */
    default void startGeneratorStep(long seed) {}

    /**
     * What the critic sees of a batch, real or generated, at G step {@code step}; must stay differentiable so the
     * generator's gradient passes through.
     */
    default NDArray criticInput(NDArray x, long step) {
        return x;
    }

    /** The critic's loss, given the loss so far and the iteration's pass (to recompute it or add to it). */
    default NDArray criticLoss(NDArray loss, CriticPass pass) {
        return loss;
    }

    /** The generator's loss, given the loss so far. */
    default NDArray generatorLoss(NDArray loss) {
        return loss;
    }

    /**
     * A classifier's training batch before the forward pass (augmentations, mixing); its draws start from
     * {@code seed}, the batch's own, so a resumed run draws the same.
     */
    default ImageBatch transformBatch(ImageBatch batch, long seed) {
        return batch;
    }

    /** What the trick does, in words, for the line that starts a run. */
    default List<String> describe() {
        return List.of();
    }

    /** A classifier's loss on its batch, given the loss so far, before the backward pass. */
    default NDArray classifierLoss(NDArray loss) {
        return loss;
    }

    /**
     * Between a classifier's backward pass and its optimizer's update: may change the trainable parameters'
     * gradients (and weights) in place. Called outside any NDScope.
     *
     * @param lr the learning rate of the coming update
     */
    default void beforeUpdate(List<Pair<String, Parameter>> params, double lr) {}

    /** After the generator's update number {@code step} (0-based) was applied. */
    default void afterUpdate(long step) {}

    /** Runs {@code draw}, which samples the generator for pictures or evaluation, with the weights the trick wants. */
    default <T> T sampling(Supplier<T> draw) {
        return draw.get();
    }

    /** Writes what the trick learned while training into the checkpoint's state; most learn nothing. */
    default void save(DataOutputStream out) throws IOException {}

    /** The networks' weights were replaced before training began (model.initFrom): copies of them start again. */
    default void weightsReplaced() {}

    /** Reads what {@link #save} wrote. */
    default void load(DataInputStream in, NDManager manager) throws IOException {}
}
