package ganstudio.tricks;

import ai.djl.ndarray.NDArray;

import ganstudio.config.UserError;
import ganstudio.config.ConfigSchema;

import java.util.List;

/** Flooding of the critic's loss (Ishida et al., 2020): the critic ascends once its loss falls below b. */
public final class CriticFlooding implements Trick {

    public static final TrickType TYPE = new TrickType("critic flooding", "gan", List.of(ConfigSchema.TRICKS_FLOOD_D),
            c -> c.getDouble(ConfigSchema.TRICKS_FLOOD_D) > 0, c -> {
                String objective = c.getString(ConfigSchema.OBJECTIVE_KIND);
                if (objective.startsWith("wgan")) {
                    throw new UserError("tricks.floodD does not go with " + objective + ": the critic loss is an "
                            + "unbounded estimate, not a loss with a floor; set it to 0");
                }
            }, s -> new CriticFlooding((float) s.config().getDouble(ConfigSchema.TRICKS_FLOOD_D)));

    private final float level;

    public CriticFlooding(float level) {
        this.level = level;
    }

    @Override
    public NDArray criticLoss(NDArray loss, CriticPass pass) {
        return Losses.flood(loss, level);
    }
}
