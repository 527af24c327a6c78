package ganstudio.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

import ganstudio.nn.Scalars;

/**
 * SGD with optional momentum and Nesterov momentum, as torch.optim.SGD defines them (no dampening):
 * b = μ·b + g; step = g + μ·b (Nesterov) or b; w -= lr · step.
 */
public class SgdOptimizer extends ParameterOptimizer {

    private final float momentum;
    private final boolean nesterov;

    public SgdOptimizer(float learningRate, float momentum, boolean nesterov, float weightDecay) {
        super(learningRate, weightDecay);
        this.momentum = momentum;
        this.nesterov = nesterov;
    }

    @Override
    protected int stateCount() {
        return momentum > 0 ? 1 : 0;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        NDArray[] s = state(parameterId, weight);
        nextStep(parameterId);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray g = decayed(grad, weight);
            NDArray step = g;
            if (momentum > 0) {
                Scalars.muli(s[0], momentum).addi(g);
                step = nesterov ? g.add(Scalars.mul(s[0], momentum)) : s[0];
            }
            weight.subi(Scalars.mul(step, learningRate));
        }
        JniUtils.zeroGrad((PtNDArray) weight);
    }
}
