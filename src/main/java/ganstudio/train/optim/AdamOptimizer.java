package ganstudio.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Adam through PyTorch's fused in-place update (one native call per parameter). It applies the bias
 * correction to the step size, w -= lr·sqrt(1-β2^t)/(1-β1^t) · m / (sqrt(v) + ε), which differs from
 * torch.optim.Adam only in how ε is scaled. The native call zeroes the gradient afterwards.
 */
public class AdamOptimizer extends AdamFamilyOptimizer {


    public AdamOptimizer(float learningRate, float beta1, float beta2, float eps, float weightDecay) {
        super(learningRate, beta1, beta2, eps, weightDecay);
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        NDArray[] s = state(parameterId, weight);
        int t = nextStep(parameterId);
        double correction = Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
        JniUtils.adamUpdate((PtNDArray) weight, (PtNDArray) grad, (PtNDArray) s[0], (PtNDArray) s[1],
                learningRate, (float) (learningRate * correction), weightDecay, 1f, -1f, beta1, beta2, eps,
                false);
        JniUtils.zeroGrad((PtNDArray) weight);
    }
}
