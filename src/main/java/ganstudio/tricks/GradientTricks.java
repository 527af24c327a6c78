package ganstudio.tricks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import ganstudio.config.ClassifierKeys;
import ganstudio.config.RunConfig;
import ganstudio.nn.Scalars;

import java.util.ArrayList;
import java.util.List;

/**
 * What happens to gradients and weights between the backward pass and the optimizer: the L1 penalty's
 * subgradient, clipping by value and by global norm, and decoupled weight decay.
 */
public final class GradientTricks implements Trick {

    public static final TrickType TYPE = new TrickType("gradient tricks", "classifier",
            List.of(ClassifierKeys.REG_L1, ClassifierKeys.REG_CLIP_VALUE, ClassifierKeys.REG_CLIP_NORM,
                    ClassifierKeys.REG_WEIGHT_DECAY, ClassifierKeys.REG_DECOUPLED),
            c -> fromConfig(c).isActive(), s -> fromConfig(s.config()));

    private final float l1;
    private final float clipValue;
    private final float clipNorm;
    private final float decoupledDecay;

    public GradientTricks(double l1, double clipValue, double clipNorm, double decoupledDecay) {
        this.l1 = (float) l1;
        this.clipValue = (float) clipValue;
        this.clipNorm = (float) clipNorm;
        this.decoupledDecay = (float) decoupledDecay;
    }

    public static GradientTricks fromConfig(RunConfig c) {
        return new GradientTricks(c.getDouble(ClassifierKeys.REG_L1), c.getDouble(ClassifierKeys.REG_CLIP_VALUE),
                c.getDouble(ClassifierKeys.REG_CLIP_NORM),
                decaysDecoupled(c) ? c.getDouble(ClassifierKeys.REG_WEIGHT_DECAY) : 0);
    }

    /** Whether reg.weightDecay shrinks the weights here (reg.decoupled or AdamW) rather than in the optimizer. */
    public static boolean decaysDecoupled(RunConfig c) {
        return c.getBool(ClassifierKeys.REG_DECOUPLED) || "adamw".equals(c.getString(ClassifierKeys.OPT_KIND));
    }

    /** The L2 decay the classifier's optimizer adds to its gradients: 0 when the decay is decoupled. */
    public static float coupledWeightDecay(RunConfig c) {
        return decaysDecoupled(c) ? 0f : (float) c.getDouble(ClassifierKeys.REG_WEIGHT_DECAY);
    }

    /** Whether any of the tricks is on (otherwise the loop skips them and their syncs). */
    public boolean isActive() {
        return l1 > 0 || clipValue > 0 || clipNorm > 0 || decoupledDecay > 0;
    }

    /**
     * Changes the gradients in place: + l1·sign(w) on weights (not biases or norm scales, as is usual), then
     * clip each value to [−v, v], then scale all together down to the norm bound.
     *
     * @param isWeight per parameter, whether the L1 penalty applies
     * @return the global gradient norm before norm clipping (NaN when norm clipping is off: it costs a sync)
     */
    public double apply(List<NDArray> weights, List<NDArray> grads, List<Boolean> isWeight) {
        for (int i = 0; i < grads.size(); i++) {
            NDArray g = grads.get(i);
            if (l1 > 0 && isWeight.get(i)) {
                g.addi(Scalars.mul(weights.get(i).sign(), l1));
            }
            if (clipValue > 0) {
                NDArray clipped = g.clip(-clipValue, clipValue);
                Scalars.muli(g, 0).addi(clipped);
            }
        }
        if (clipNorm <= 0) {
            return Double.NaN;
        }
        NDList squares = new NDList();
        for (NDArray g : grads) {
            squares.add(g.square().sum());
        }
        double norm = Math.sqrt(NDArrays.stack(squares).sum().getFloat());
        if (norm > clipNorm) {
            float scale = (float) (clipNorm / (norm + 1e-6));
            for (NDArray g : grads) {
                Scalars.muli(g, scale);
            }
        }
        return norm;
    }

    @Override
    public void beforeUpdate(List<Pair<String, Parameter>> params, double lr) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            List<NDArray> weights = new ArrayList<>(params.size());
            List<NDArray> grads = new ArrayList<>(params.size());
            List<Boolean> isWeight = new ArrayList<>(params.size());
            for (Pair<String, Parameter> p : params) {
                NDArray w = p.getValue().getArray();
                weights.add(w);
                grads.add(w.getGradient());
                isWeight.add(p.getValue().getType() == Parameter.Type.WEIGHT);
            }
            apply(weights, grads, isWeight);
            decay(weights, lr);
        }
    }

    /** Decoupled weight decay (Loshchilov and Hutter): w ← w − lr·λ·w, before the optimizer's own step. */
    public void decay(List<NDArray> weights, double lr) {
        if (decoupledDecay <= 0) {
            return;
        }
        float keep = (float) (1 - lr * decoupledDecay);
        for (NDArray w : weights) {
            Scalars.muli(w, keep);
        }
    }
}
