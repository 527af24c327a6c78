package ganstudio.train.optim;

import ganstudio.config.RunConfig;

/** Makes the optimizer of one network from the optG.* or optD.* keys. */
public final class Optimizers {

    private Optimizers() {}

    public static ParameterOptimizer create(RunConfig c, String prefix) {
        float lr = (float) c.getDouble(prefix + ".lr");
        float wd = (float) c.getDouble(prefix + ".weightDecay");
        switch (c.getString(prefix + ".kind")) {
            case "sgd":
                return new SgdOptimizer(lr, (float) c.getDouble(prefix + ".momentum"), c.getBool(prefix + ".nesterov"), wd);
            case "radam":
                return new RAdamOptimizer(lr, (float) c.getDouble(prefix + ".beta1"), (float) c.getDouble(prefix + ".beta2"),
                        (float) c.getDouble(prefix + ".eps"), wd);
            case "adabound":
                return new AdaBoundOptimizer(lr, (float) c.getDouble(prefix + ".beta1"),
                        (float) c.getDouble(prefix + ".beta2"), (float) c.getDouble(prefix + ".eps"),
                        (float) c.getDouble(prefix + ".finalLr"), 1e-3f, wd);
            case "rmsprop":
                return new RmsPropOptimizer(lr, (float) c.getDouble(prefix + ".alpha"), (float) c.getDouble(prefix + ".eps"),
                        (float) c.getDouble(prefix + ".momentum"), wd);
            default:
                return new AdamOptimizer(lr, (float) c.getDouble(prefix + ".beta1"), (float) c.getDouble(prefix + ".beta2"),
                        (float) c.getDouble(prefix + ".eps"), wd);
        }
    }

    /**
     * The classifier's optimizer from the opt.* keys. Weight decay is left to the loop when it is decoupled
     * (reg.decoupled or adamw), which shrinks weights before each update.
     */
    public static ParameterOptimizer forClassifier(RunConfig c, float lr) {
        String kind = c.getString("opt.kind");
        boolean decoupled = c.getBool("reg.decoupled") || "adamw".equals(kind);
        float wd = decoupled ? 0f : (float) c.getDouble("reg.weightDecay");
        float b1 = (float) c.getDouble("opt.beta1");
        float b2 = (float) c.getDouble("opt.beta2");
        float eps = (float) c.getDouble("opt.eps");
        switch (kind) {
            case "sgd":
                return new SgdOptimizer(lr, (float) c.getDouble("opt.momentum"), c.getBool("opt.nesterov"), wd);
            case "adagrad":
                return new AdaGradOptimizer(lr, eps, wd);
            case "rmsprop":
                return new RmsPropOptimizer(lr, (float) c.getDouble("opt.alpha"), eps,
                        (float) c.getDouble("opt.momentum"), wd);
            case "radam":
                return new RAdamOptimizer(lr, b1, b2, eps, wd);
            case "adabound":
                return new AdaBoundOptimizer(lr, b1, b2, eps, (float) c.getDouble("opt.finalLr"),
                        (float) c.getDouble("opt.boundGamma"), wd);
            default: // adam, adamw
                return new AdamOptimizer(lr, b1, b2, eps, wd);
        }
    }
}
