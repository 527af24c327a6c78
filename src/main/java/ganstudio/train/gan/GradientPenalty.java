package ganstudio.train.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import ganstudio.nn.GradSequential;
import ganstudio.nn.SampleNorms;
import ganstudio.nn.Scalars;

/**
 * The WGAN-GP penalty (Gulrajani et al., 2017): E[(‖∇x̂ f(x̂)‖₂ − 1)²] at x̂ = αx + (1−α)x̃, with one α ~ U(0,1)
 * per sample, or WGAN-LP's one-sided E[max(0, ‖∇x̂ f(x̂)‖₂ − 1)²]. The input gradient comes from {@link GradSequential#backwardInput} as an expression of the
 * critic's weights, so one ordinary backward pass also differentiates the penalty.
 */
public final class GradientPenalty {

    /** Keeps the norm differentiable where the gradient vanishes (sqrt has an infinite slope at 0). */
    static final float NORM_EPS = 1e-12f;

    private GradientPenalty() {}

    /** Mixing coefficients shaped [N, 1, ...] to broadcast over a sample. */
    public static NDArray coefficients(NDArray real) {
        Shape s = real.getShape();
        long[] dims = new long[s.dimension()];
        java.util.Arrays.fill(dims, 1);
        dims[0] = s.get(0);
        return real.getManager().randomUniform(0, 1, new Shape(dims), real.getDataType(), real.getDevice());
    }

    /**
     * @return the penalty (a scalar), differentiable with respect to the critic's weights
     */
    public static NDArray compute(GradSequential critic, ParameterStore ps, NDArray real, NDArray fake,
            NDArray alpha, boolean oneSided) {
        NDArray mixed = real.mul(alpha).add(fake.mul(alpha.neg().add(1f)));
        NDArray grad = inputGradient(critic, ps, mixed);
        return oneSided ? oneSidedPenaltyOf(grad) : penaltyOf(grad);
    }

    /** ∇x Σ f(x): each sample's input gradient of its own output (the critic must not mix samples). */
    public static NDArray inputGradient(GradSequential critic, ParameterStore ps, NDArray x) {
        NDArray out = critic.forward(ps, new NDList(x), true).singletonOrThrow();
        return critic.backwardInput(ps, out.onesLike());
    }

    /** mean over samples of (‖g_i‖ − 1)². */
    public static NDArray penaltyOf(NDArray inputGradient) {
        return norms(inputGradient).sub(1f).square().mean();
    }

    /** mean over samples of max(0, ‖g_i‖ − 1)² (WGAN-LP). */
    public static NDArray oneSidedPenaltyOf(NDArray inputGradient) {
        return Scalars.atLeast(norms(inputGradient).sub(1f), 0).square().mean();
    }

    private static NDArray norms(NDArray inputGradient) {
        return SampleNorms.squared(inputGradient).add(NORM_EPS).sqrt();
    }
}
