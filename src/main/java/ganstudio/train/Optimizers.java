package ganstudio.train;

import ganstudio.config.RunConfig;

/** Makes the optimizer of one network from the optG.* or optD.* keys. */
public final class Optimizers {

    private Optimizers() {}

    public static GanOptimizer create(RunConfig c, String prefix) {
        float lr = (float) c.getDouble(prefix + ".lr");
        float wd = (float) c.getDouble(prefix + ".weightDecay");
        switch (c.getString(prefix + ".kind")) {
            case "sgd":
                return new SgdOptimizer(lr, (float) c.getDouble(prefix + ".momentum"), c.getBool(prefix + ".nesterov"), wd);
            case "rmsprop":
                return new RmsPropOptimizer(lr, (float) c.getDouble(prefix + ".alpha"), (float) c.getDouble(prefix + ".eps"),
                        (float) c.getDouble(prefix + ".momentum"), wd);
            default:
                return new AdamOptimizer(lr, (float) c.getDouble(prefix + ".beta1"), (float) c.getDouble(prefix + ".beta2"),
                        (float) c.getDouble(prefix + ".eps"), wd);
        }
    }
}
