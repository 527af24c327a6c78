package ganstudio.tricks;

import ai.djl.ndarray.NDArray;

import java.util.SplittableRandom;

/** One critic iteration as a trick sees it: the two batches, the critic's outputs, and the objective's losses. */
public interface CriticPass {

    /** The real batch as the critic saw it (after the critic-input tricks). */
    NDArray real();

    /** The generated batch as the critic saw it. */
    NDArray fake();

    /** The critic's output on {@code x}, recorded for the backward pass. */
    NDArray critic(NDArray x);

    /** The critic's outputs on {@link #real()}, as the objective's loss took them. */
    NDArray realOutput();

    /** The critic's outputs on {@link #fake()}. */
    NDArray fakeOutput();

    /**
     * Each sample's gradient of the critic's output with respect to its input x, as an expression of the critic's
     * weights (so a penalty on it trains them).
     */
    NDArray inputGradient(NDArray x);

    /** The count of critic iterations before this one (resume-exact; lazy penalties run on multiples of k). */
    long iteration();

    /** The objective's critic loss on this pass's outputs, with {@code realTarget} as the target of real samples. */
    NDArray criticLoss(float realTarget);

    /** The objective's loss of outputs {@code out} against soft targets in [0, 1] of the same shape. */
    NDArray softTargetLoss(NDArray out, NDArray target);

    /** This iteration's stream for Java-side draws (the same one {@link Trick#startCriticIteration} got). */
    SplittableRandom random();
}
