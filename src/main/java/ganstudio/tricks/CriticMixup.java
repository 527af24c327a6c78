package ganstudio.tricks;

import ganstudio.config.ConfigSchema;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.Arrays;
import java.util.List;

/**
 * Mixup for the critic (Zhang et al., 2018): the critic learns on λ·real + (1 − λ)·generated against the soft
 * target λ, one λ ~ Beta(α, α) per sample, instead of on the two batches apart.
 */
public final class CriticMixup implements Trick {

    public static final TrickType TYPE = new TrickType("critic mixup", "gan", List.of(ConfigSchema.TRICKS_MIXUP_D),
            c -> c.getDouble(ConfigSchema.TRICKS_MIXUP_D) > 0,
            c -> RealLabelSmoothing.requireTargets(c, "tricks.mixupD", "it trains a %s critic on soft targets"),
            s -> new CriticMixup((float) s.config().getDouble(ConfigSchema.TRICKS_MIXUP_D), s.manager()));

    private final float alpha;
    private final NDManager manager;

    public CriticMixup(float alpha, NDManager manager) {
        this.alpha = alpha;
        this.manager = manager;
    }

    @Override
    public NDArray criticLoss(NDArray loss, CriticPass pass) {
        NDArray real = pass.real();
        NDArray mix = lambdas(real.getShape(), pass);
        NDArray mixed = real.mul(mix).add(pass.fake().mul(mix.neg().add(1f)));
        NDArray out = pass.critic(mixed);
        return pass.softTargetLoss(out, mix.reshape(out.getShape()));
    }

    /** One λ per sample, shaped to broadcast over the sample's axes. */
    private NDArray lambdas(Shape like, CriticPass pass) {
        int n = (int) like.get(0);
        float[] l = new float[n];
        for (int i = 0; i < n; i++) {
            l[i] = (float) BetaSampler.beta(pass.random(), alpha, alpha);
        }
        long[] dims = new long[like.dimension()];
        Arrays.fill(dims, 1);
        dims[0] = n;
        return manager.create(l, new Shape(dims));
    }
}
