package ganstudio.tricks;

import ganstudio.config.ConfigSchema;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.List;

/**
 * Instance noise (Sønderby et al., 2016; Arjovsky and Bottou, 2017): Gaussian noise on every critic input, real and
 * generated, so the two distributions overlap; its std falls linearly to 0 over the run.
 */
public final class InstanceNoise implements Trick {

    public static final TrickType TYPE = new TrickType("instance noise", "gan",
            List.of(ConfigSchema.TRICKS_INSTANCE_NOISE),
            c -> c.getDouble(ConfigSchema.TRICKS_INSTANCE_NOISE) > 0,
                    s -> new InstanceNoise((float) s.config().getDouble(ConfigSchema.TRICKS_INSTANCE_NOISE),
                            s.scheduleSteps(),
                    s.manager()));

    private final float std;
    private final long steps;
    private final NDManager manager;

    public InstanceNoise(float std, long steps, NDManager manager) {
        this.std = std;
        this.steps = steps;
        this.manager = manager;
    }

    /** The std at G step {@code step}. */
    public float stdAt(long step) {
        return std * Math.max(0f, 1f - (float) step / steps);
    }

    @Override
    public NDArray criticInput(NDArray x, long step) {
        float s = stdAt(step);
        return s > 0 ? x.add(manager.randomNormal(0f, s, x.getShape(), x.getDataType())) : x;
    }
}
