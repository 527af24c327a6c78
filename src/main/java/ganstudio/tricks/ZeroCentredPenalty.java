package ganstudio.tricks;

import ganstudio.config.ConfigSchema;
import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.nn.SampleNorms;
import ganstudio.nn.Scalars;

import ai.djl.ndarray.NDArray;

import java.util.ArrayList;
import java.util.List;

/**
 * The zero-centred gradient penalties of Mescheder et al. (2018): R1 = γ/2 · E‖∇D(x)‖² on real samples, R2 the
 * same on generated ones, added to the critic's loss. Lazy (StyleGAN2): only every k-th critic iteration, weighted
 * by k, so the average penalty is the same at a k-th of the cost.
 */
public final class ZeroCentredPenalty implements Trick {

    public static final TrickType TYPE = new TrickType("R1/R2 penalty", "gan",
            List.of(ConfigSchema.TRICKS_R1, ConfigSchema.TRICKS_R2, ConfigSchema.TRICKS_R_EVERY),
            c -> c.getDouble(ConfigSchema.TRICKS_R1) > 0 || c.getDouble(ConfigSchema.TRICKS_R2) > 0,
            ZeroCentredPenalty::requirePerSampleGradient,
            s -> new ZeroCentredPenalty(s.config().getDouble(ConfigSchema.TRICKS_R1),
                    s.config().getDouble(ConfigSchema.TRICKS_R2), s.config().getInt(ConfigSchema.TRICKS_R_EVERY)));

    private final double r1;
    private final double r2;
    private final int every;

    public ZeroCentredPenalty(double r1, double r2, int every) {
        this.r1 = r1;
        this.r2 = r2;
        this.every = every;
    }

    private static void requirePerSampleGradient(RunConfig c) {
        if ("batch".equals(c.getString(ConfigSchema.MODEL_D_NORM))) {
            throw new UserError("tricks.r1 / tricks.r2 need each sample's input gradient, which model.dNorm = batch "
                    + "mixes across the batch: use none, layer or group");
        }
        if ("wgan".equals(c.getString(ConfigSchema.OBJECTIVE_KIND))) {
            throw new UserError("tricks.r1 / tricks.r2 do not go with objective.kind = wgan, whose weight clipping "
                    + "already bounds D: use them with nsgan, hinge or lsgan (or wgan-gp's own penalty)");
        }
    }

    @Override
    public NDArray criticLoss(NDArray loss, CriticPass pass) {
        if (pass.iteration() % every != 0) {
            return loss;
        }
        NDArray total = loss;
        if (r1 > 0) {
            total = total.add(Scalars.mul(meanSquaredNorm(pass.inputGradient(pass.real())), r1 / 2 * every));
        }
        if (r2 > 0) {
            total = total.add(Scalars.mul(meanSquaredNorm(pass.inputGradient(pass.fake())), r2 / 2 * every));
        }
        return total;
    }

    /** E‖g_i‖² over the samples of an input gradient. */
    public static NDArray meanSquaredNorm(NDArray gradient) {
        return SampleNorms.squared(gradient).mean();
    }

    @Override
    public List<String> describe() {
        List<String> parts = new ArrayList<>();
        if (r1 > 0) {
            parts.add("R1 γ " + r1);
        }
        if (r2 > 0) {
            parts.add("R2 γ " + r2);
        }
        return List.of(String.join(", ", parts) + (every > 1 ? " every " + every + " critic iterations" : ""));
    }
}
