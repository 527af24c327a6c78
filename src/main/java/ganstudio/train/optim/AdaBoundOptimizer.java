package ganstudio.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

import ganstudio.nn.Scalars;

/**
 * AdaBound (Luo et al., 2019), as its authors' PyTorch code: Adam whose per-weight step size
 * lr·√(1−β2^t)/(1−β1^t)/(√v + ε) is clipped into [η_l(t), η_u(t)], bounds that close in on the SGD rate
 * final_lr: η_l = final·(1 − 1/(γt + 1)), η_u = final·(1 + 1/(γt)). final_lr follows schedule changes of lr
 * (final·lr/base_lr).
 */
public class AdaBoundOptimizer extends AdamFamilyOptimizer {

    private final float finalLr;
    private final float gamma;
    private final float baseLr;

    public AdaBoundOptimizer(float learningRate, float beta1, float beta2, float eps, float finalLr, float gamma,
            float weightDecay) {
        super(learningRate, beta1, beta2, eps, weightDecay);
        this.finalLr = finalLr;
        this.gamma = gamma;
        this.baseLr = learningRate;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        NDArray[] s = state(parameterId, weight);
        int t = nextStep(parameterId);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray g = decayed(grad, weight);
            updateMoments(s, g, beta1, beta2);
            double stepSize = learningRate * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
            double target = baseLr > 0 ? finalLr * learningRate / baseLr : finalLr;
            double lower = target * (1 - 1 / (gamma * t + 1));
            double upper = target * (1 + 1 / (gamma * t));
            NDArray eta = Scalars.muli(Scalars.pow(s[1].sqrt().addi(eps), -1), stepSize).clip(lower, upper);
            weight.subi(eta.muli(s[0]));
        }
        JniUtils.zeroGrad((PtNDArray) weight);
    }
}
