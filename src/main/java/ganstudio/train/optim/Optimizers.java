package ganstudio.train.optim;

import ganstudio.config.RunConfig;

/**
 * Makes an optimizer from the keys under one prefix (optG, optD for a GAN's networks, opt for a classifier):
 * kind, beta1, beta2, eps, momentum, nesterov, alpha, finalLr and boundGamma.
 */
public final class Optimizers {

    private Optimizers() {}

    /** A GAN network's optimizer: its rate and L2 weight decay are prefix.lr and prefix.weightDecay. */
    public static ParameterOptimizer create(RunConfig c, String prefix) {
        return create(c, prefix, (float) c.getDouble(prefix + ".lr"), (float) c.getDouble(prefix + ".weightDecay"));
    }

    /**
     * @param lr the first update's learning rate (a schedule sets it anew before each update)
     * @param weightDecay the L2 decay the optimizer adds to the gradient; 0 where the loop decays the weights
     *     itself (decoupled weight decay)
     */
    public static ParameterOptimizer create(RunConfig c, String prefix, float lr, float weightDecay) {
        float b1 = (float) c.getDouble(prefix + ".beta1");
        float b2 = (float) c.getDouble(prefix + ".beta2");
        float eps = (float) c.getDouble(prefix + ".eps");
        switch (c.getString(prefix + ".kind")) {
            case "sgd":
                return new SgdOptimizer(lr, (float) c.getDouble(prefix + ".momentum"), c.getBool(prefix + ".nesterov"),
                        weightDecay);
            case "adagrad":
                return new AdaGradOptimizer(lr, eps, weightDecay);
            case "rmsprop":
                return new RmsPropOptimizer(lr, (float) c.getDouble(prefix + ".alpha"), eps,
                        (float) c.getDouble(prefix + ".momentum"), weightDecay);
            case "radam":
                return new RAdamOptimizer(lr, b1, b2, eps, weightDecay);
            case "adabound":
                return new AdaBoundOptimizer(lr, b1, b2, eps, (float) c.getDouble(prefix + ".finalLr"),
                        (float) c.getDouble(prefix + ".boundGamma"), weightDecay);
            default: // adam, adamw (whose decay is decoupled, so the caller passes 0)
                return new AdamOptimizer(lr, b1, b2, eps, weightDecay);
        }
    }
}
