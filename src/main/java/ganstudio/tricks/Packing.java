package ganstudio.tricks;

import ganstudio.config.ConfigSchema;
import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.nn.GanNetworks;

import ai.djl.ndarray.NDArray;

import java.util.List;

/**
 * PacGAN (Lin et al., 2018): the critic judges packs of m samples, consecutive samples of a batch concatenated
 * along axis 1 ([N, 2] points become [N/m, 2m]; [N, C, H, W] images become [N/m, m·C, H, W]), real and generated
 * alike. A pack of a collapsed generator's samples looks unlike a pack of real ones even when each sample alone
 * passes, which penalizes mode collapse. The last critic-input trick: the others see single samples.
 */
public final class Packing implements Trick {

    public static final TrickType TYPE = new TrickType("packing", "gan", List.of(ConfigSchema.TRICKS_PACK),
            c -> c.getInt(ConfigSchema.TRICKS_PACK) > 1, Packing::requireWholePacks,
            s -> new Packing(s.config().getInt(ConfigSchema.TRICKS_PACK)));

    private final int m;

    public Packing(int m) {
        this.m = m;
    }

    private static void requireWholePacks(RunConfig c) {
        int m = c.getInt(ConfigSchema.TRICKS_PACK);
        int batch = c.getInt(ConfigSchema.BATCH_SIZE);
        if (batch % m != 0) {
            throw new UserError("tricks.pack = " + m + " needs batchSize divisible by " + m + " (batchSize = "
                    + batch + "): use batchSize " + Math.max(m, batch / m * m));
        }
    }

    @Override
    public NDArray criticInput(NDArray x, long step) {
        return x.reshape(GanNetworks.pack(x.getShape(), m));
    }

    @Override
    public List<String> describe() {
        return List.of("packing: D judges packs of " + m + " samples");
    }
}
