package ganstudio.sweep;

import ganstudio.config.RunConfig;
import ganstudio.config.ConfigSchema;

/**
 * One run of a sweep: a variant at one seed.
 *
 * @param folder the run's folder, relative to the sweep's ("tasks/003-ring8-gan-wgan-s2")
 */
public record SweepTask(int index, int variant, long seed, String folder, String preset, RunConfig config) {

    public boolean isClassifier() {
        return "classifier".equals(config.getString(ConfigSchema.TASK));
    }
}
