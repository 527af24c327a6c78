package ganstudio.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.NormalInitializer;

/**
 * Spectral normalization (Miyato et al., 2018) of one layer's weight: the layer uses W / σ(W), with σ the largest
 * singular value of W seen as a matrix of one row per output unit, estimated as σ = uᵀ W v from a left singular
 * vector u kept across updates. The trainer runs one power-iteration step per update of the network; u is a
 * parameter that does not train, so it is saved in the checkpoint with the weights and a resumed run goes on with
 * the same estimate. u and v are constants for the gradient, as in the paper and PyTorch.
 */
public final class SpectralNorm {

    /** Keeps a normalization finite for an all-zero vector. */
    static final float EPS = 1e-12f;

    private final Parameter u;
    private final boolean outputsSecond;

    /**
     * @param outputsSecond whether the weight's second axis is its outputs (a transposed convolution's [in, out,
     *     k, k], whose matrix PyTorch also takes over the outputs)
     */
    SpectralNorm(boolean outputsSecond) {
        this.outputsSecond = outputsSecond;
        this.u = Parameter.builder().setName("sigmaVector").setType(Parameter.Type.OTHER).optRequiresGrad(false)
                .optInitializer(new NormalInitializer(1f)).build();
    }

    /** The parameter the owning layer registers, so it is initialized, saved and loaded with the layer. */
    Parameter vector() {
        return u;
    }

    /** Sizes u for a weight of this shape (from the layer's prepare). */
    void setWeightShape(Shape weightShape) {
        u.setShape(new Shape(weightShape.get(outputsSecond ? 1 : 0)));
    }

    /** W / σ(W): what the layer computes with, differentiable with respect to W. */
    NDArray normalize(NDArray w) {
        return w.div(sigma(w));
    }

    /** σ = uᵀ W v with v = Wᵀu / ‖Wᵀu‖, u and v held constant; a scalar array. */
    NDArray sigma(NDArray w) {
        NDArray m = matrix(w);
        NDArray uu = u.getArray().reshape(1, -1);
        NDArray v = unit(uu.matMul(m.stopGradient()));
        return uu.matMul(m).matMul(v.transpose()).reshape(new Shape());
    }

    /** One power-iteration step on the current weight: u ← W Wᵀu / ‖W Wᵀu‖ (in place, outside any gradient). */
    void powerIteration(NDArray w) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray m = matrix(w).stopGradient();
            NDArray uu = u.getArray();
            NDArray v = unit(uu.reshape(1, -1).matMul(m));
            NDArray next = unit(v.matMul(m.transpose())).reshape(uu.getShape());
            Scalars.muli(uu, 0).addi(next);
        }
    }

    private NDArray matrix(NDArray w) {
        Shape s = w.getShape();
        NDArray rowsFirst = outputsSecond ? w.swapAxes(0, 1) : w;
        return rowsFirst.reshape(rowsFirst.getShape().get(0), s.size() / rowsFirst.getShape().get(0));
    }

    private static NDArray unit(NDArray row) {
        return row.div(row.square().sum().add(EPS).sqrt());
    }
}
