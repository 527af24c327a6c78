package ganstudio.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

import ganstudio.nn.Scalars;

/**
 * RAdam (Liu et al., 2020) as torch.optim.RAdam: Adam whose adaptive step is switched on only once the
 * variance of the adaptive rate is tractable (ρ_t > 5), and then multiplied by the rectification term
 * r_t = √((ρ_t−4)(ρ_t−2)ρ_∞ / ((ρ_∞−4)(ρ_∞−2)ρ_t)); before that it takes plain momentum steps.
 */
public class RAdamOptimizer extends AdamFamilyOptimizer {


    public RAdamOptimizer(float learningRate, float beta1, float beta2, float eps, float weightDecay) {
        super(learningRate, beta1, beta2, eps, weightDecay);
    }

    /** The rectification r_t, or 0 while ρ_t ≤ 5 (no adaptive step yet). */
    public static double rectification(double beta2, int t) {
        double rhoInf = 2 / (1 - beta2) - 1;
        double b2t = Math.pow(beta2, t);
        double rho = rhoInf - 2 * t * b2t / (1 - b2t);
        if (rho <= 5) {
            return 0;
        }
        return Math.sqrt((rho - 4) * (rho - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rho));
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        NDArray[] s = state(parameterId, weight);
        int t = nextStep(parameterId);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray g = decayed(grad, weight);
            updateMoments(s, g, beta1, beta2);
            double bc1 = 1 - Math.pow(beta1, t);
            double bc2 = 1 - Math.pow(beta2, t);
            double r = rectification(beta2, t);
            if (r == 0) {
                weight.subi(Scalars.mul(s[0], learningRate / bc1));
            } else {
                NDArray denom = s[1].sqrt().addi(eps);
                weight.subi(Scalars.muli(s[0].div(denom), learningRate / bc1 * r * Math.sqrt(bc2)));
            }
        }
        JniUtils.zeroGrad((PtNDArray) weight);
    }
}
