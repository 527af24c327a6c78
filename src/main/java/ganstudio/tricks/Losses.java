package ganstudio.tricks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;

import ganstudio.nn.Scalars;

/**
 * Classification losses over logits [N, K] and soft targets [N, K] (rows sum to 1: one-hot, smoothed, or
 * mixed by mixup/RICAP). Every loss is the batch mean of a per-sample sum over classes.
 */
public final class Losses {

    private Losses() {}

    /** −Σ y log softmax(z), with PyTorch's log_softmax, which subtracts the row maximum first. */
    public static NDArray crossEntropy(NDArray logits, NDArray targets) {
        return targets.mul(logits.logSoftmax(1)).sum(new int[] {1}).mean().neg();
    }

    /** Focal loss (Lin et al., 2017): −Σ y·α·(1 − p)^γ·log p. γ = 0, α = 1 is cross-entropy. */
    public static NDArray focal(NDArray logits, NDArray targets, float gamma, float alpha) {
        NDArray logP = logits.logSoftmax(1);
        NDArray weight = Scalars.pow(logP.exp().neg().add(1f), gamma);
        return Scalars.mul(targets.mul(weight).mul(logP).sum(new int[] {1}).mean(), -alpha);
    }

    /** Smooth L1 (Huber, β = 1) between the softmax probabilities and the targets. */
    public static NDArray smoothL1(NDArray logits, NDArray targets) {
        NDArray d = logits.softmax(1).sub(targets).abs();
        NDArray small = d.lt(1f);
        NDArray perValue = NDArrays.where(small, Scalars.mul(d.square(), 0.5), d.sub(0.5f));
        return perValue.sum(new int[] {1}).mean();
    }

    /** Flooding (Ishida et al., 2020): |loss − b| + b, so training ascends once the loss falls below b. */
    public static NDArray flood(NDArray loss, float level) {
        return level <= 0 ? loss : loss.sub(level).abs().add(level);
    }

    /**
     * Knowledge distillation (Hinton et al., 2015): T²·KL(softmax(t/T) ‖ softmax(s/T)), batch mean. The T²
     * keeps its gradient on the scale of the hard loss.
     */
    public static NDArray distillation(NDArray studentLogits, NDArray teacherLogits, float temperature) {
        NDArray logQ = Scalars.div(teacherLogits, temperature).logSoftmax(1);
        NDArray logS = Scalars.div(studentLogits, temperature).logSoftmax(1);
        return Scalars.mul(logQ.exp().mul(logQ.sub(logS)).sum(new int[] {1}).mean(), temperature * temperature);
    }
}
