package ganstudio.tricks;

import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;

import ganstudio.config.RunConfig;
import ganstudio.nn.Scalars;
import ganstudio.nn.ThreadGradientCollector;
import ganstudio.config.ClassifierKeys;

/**
 * Adversarial examples for adversarial training, in the L∞ ball of radius ε around the clean batch, inside
 * the pixel range [−1, 1]. FGSM (Goodfellow et al., 2015): x + ε·sign(∇ₓL). PGD (Madry et al., 2018): a random
 * start in the ball, then steps of α·sign(∇ₓL), each projected back into the ball. ε and α are given in pixel
 * units of [0, 1] and doubled for the [−1, 1] range the networks see.
 */
public final class Adversary {

    /** The loss of the model at an input; called with gradients recorded. */
    public interface InputLoss {
        NDArray loss(NDArray x);
    }

    public enum Kind { FGSM, PGD }

    private final Kind kind;
    private final float eps;
    private final float stepSize;
    private final int steps;

    public Adversary(Kind kind, double eps01, double stepSize01, int steps) {
        this.kind = kind;
        this.eps = (float) (2 * eps01);
        this.stepSize = (float) (2 * stepSize01);
        this.steps = steps;
    }

    /** The adversary of a config, or null when adv.kind = none. */
    public static Adversary fromConfig(RunConfig c) {
        switch (c.getString(ClassifierKeys.ADV_KIND)) {
            case "fgsm":
                return new Adversary(Kind.FGSM, c.getDouble(ClassifierKeys.ADV_EPS),
                        c.getDouble(ClassifierKeys.ADV_EPS), 1);
            case "pgd":
                return new Adversary(Kind.PGD, c.getDouble(ClassifierKeys.ADV_EPS),
                        c.getDouble(ClassifierKeys.ADV_STEP_SIZE),
                        c.getInt(ClassifierKeys.ADV_STEPS));
            default:
                return null;
        }
    }

    /** ε in the networks' [−1, 1] units. */
    public float epsilon() {
        return eps;
    }

    /**
     * The perturbed batch, detached from any graph. The caller zeroes the parameter gradients the attack's
     * backward passes leave behind.
     */
    public NDArray perturb(NDArray x, InputLoss loss) {
        NDArray lower = Scalars.atLeast(x.sub(eps), -1);
        NDArray upper = Scalars.atMost(x.add(eps), 1);
        NDArray adv;
        if (kind == Kind.PGD) {
            NDArray noise = x.getManager().randomUniform(-eps, eps, x.getShape(), x.getDataType(), x.getDevice());
            adv = x.add(noise).maximum(lower).minimum(upper);
        } else {
            adv = x.duplicate();
        }
        int n = kind == Kind.PGD ? steps : 1;
        float alpha = kind == Kind.PGD ? stepSize : eps;
        for (int i = 0; i < n; i++) {
            NDArray g = inputGradient(adv, loss);
            adv = adv.add(Scalars.mul(g.sign(), alpha)).maximum(lower).minimum(upper);
        }
        return adv.stopGradient();
    }

    private static NDArray inputGradient(NDArray x, InputLoss loss) {
        NDArray leaf = x.stopGradient();
        leaf.setRequiresGradient(true);
        try (GradientCollector gc = new ThreadGradientCollector()) {
            gc.backward(loss.loss(leaf));
        }
        return leaf.getGradient().duplicate();
    }
}
