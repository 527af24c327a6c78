package ganstudio.tricks;

import ai.djl.ndarray.NDArray;

import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.config.ConfigSchema;

import java.util.List;

/**
 * One-sided label smoothing (Salimans et al., 2016): the critic's target for real samples is 1 − s instead of 1;
 * generated samples keep 0, so the generator is not pulled toward its own mistakes.
 */
public final class RealLabelSmoothing implements Trick {

    public static final TrickType TYPE = new TrickType("one-sided label smoothing", "gan",
            List.of(ConfigSchema.TRICKS_SMOOTH_REAL), c -> c.getDouble(ConfigSchema.TRICKS_SMOOTH_REAL) > 0,
            c -> requireTargets(c, "tricks.smoothReal", "a %s critic has no targets to smooth"),
            s -> new RealLabelSmoothing((float) s.config().getDouble(ConfigSchema.TRICKS_SMOOTH_REAL)));

    private final float smoothing;

    public RealLabelSmoothing(float smoothing) {
        this.smoothing = smoothing;
    }

    @Override
    public NDArray criticLoss(NDArray loss, CriticPass pass) {
        return pass.criticLoss(1f - smoothing);
    }

    /** Refuses {@code key} unless the objective has targets (gan, nsgan, lsgan); {@code why} takes the objective. */
    static void requireTargets(RunConfig c, String key, String why) {
        String objective = c.getString(ConfigSchema.OBJECTIVE_KIND);
        if (!"gan".equals(objective) && !"nsgan".equals(objective) && !"lsgan".equals(objective)) {
            throw new UserError(key + " needs objective.kind gan, nsgan or lsgan: " + String.format(why, objective)
                    + "; set it to 0");
        }
    }
}
