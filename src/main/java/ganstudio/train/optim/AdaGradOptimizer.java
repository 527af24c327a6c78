package ganstudio.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

import ganstudio.nn.Scalars;

/** AdaGrad as torch.optim.Adagrad (no lr decay, accumulator starting at 0): s += g²; w −= lr·g/(√s + ε). */
public class AdaGradOptimizer extends ParameterOptimizer {

    private final float eps;

    public AdaGradOptimizer(float learningRate, float eps, float weightDecay) {
        super(learningRate, weightDecay);
        this.eps = eps;
    }

    @Override
    protected int stateCount() {
        return 1;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        NDArray[] s = state(parameterId, weight);
        nextStep(parameterId);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray g = decayed(grad, weight);
            s[0].addi(g.square());
            weight.subi(Scalars.muli(g.div(s[0].sqrt().addi(eps)), learningRate));
        }
        JniUtils.zeroGrad((PtNDArray) weight);
    }
}
