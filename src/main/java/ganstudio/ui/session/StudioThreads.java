package ganstudio.ui.session;

import ganstudio.config.RunConfig;
import ganstudio.config.ConfigSchema;

/**
 * How many PyTorch threads a run started from the studio gets when its config says 0 (all cores): one core fewer
 * than the machine has, shared between the runs training at once, at least one.
 *
 * <p>Why: PyTorch splits each operation across its threads and waits for all of them, so a thread that loses its
 * core to the window's FX or render thread stalls every operation. On the 2-core development machine ring8-wgan
 * with 2 threads ran at 31-49 ms per iteration with the studio open against 15-19 headless; with 1 thread 22.8
 * in the studio (recording the dashboard) and 22.9 headless. An explicit {@code threads} value is kept.
 */
public final class StudioThreads {

    private StudioThreads() {}

    /** The config with threads resolved for a studio run among sessions runs training at once. */
    public static RunConfig resolve(RunConfig config, int sessions) {
        return config.withValue("threads", threadsFor(config.getInt(ConfigSchema.THREADS), availableCores(), sessions));
    }

    static int threadsFor(int configured, int cores, int sessions) {
        if (configured > 0) {
            return configured;
        }
        return Math.max(1, (cores - 1) / Math.max(1, sessions));
    }

    private static int availableCores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
