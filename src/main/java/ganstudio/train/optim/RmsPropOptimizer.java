package ganstudio.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

import ganstudio.nn.Scalars;

/**
 * RMSProp as torch.optim.RMSprop defines it (the WGAN paper's optimizer): v = α·v + (1−α)·g²,
 * w -= lr · g / (sqrt(v) + ε), with optional momentum on that step. DJL's PyTorch engine has no RMSProp.
 */
public class RmsPropOptimizer extends ParameterOptimizer {

    private final float alpha;
    private final float eps;
    private final float momentum;

    public RmsPropOptimizer(float learningRate, float alpha, float eps, float momentum, float weightDecay) {
        super(learningRate, weightDecay);
        this.alpha = alpha;
        this.eps = eps;
        this.momentum = momentum;
    }

    @Override
    protected int stateCount() {
        return momentum > 0 ? 2 : 1;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        NDArray[] s = state(parameterId, weight);
        nextStep(parameterId);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray g = decayed(grad, weight);
            Scalars.muli(s[0], alpha).addi(Scalars.muli(g.square(), 1 - alpha));
            NDArray step = g.div(s[0].sqrt().addi(eps));
            if (momentum > 0) {
                Scalars.muli(s[1], momentum).addi(step);
                step = s[1];
            }
            weight.subi(Scalars.mul(step, learningRate));
        }
        JniUtils.zeroGrad((PtNDArray) weight);
    }
}
