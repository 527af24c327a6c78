package ganstudio.tricks;

import ganstudio.config.RunConfig;
import ganstudio.config.UserError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named tricks as config changes, for the ablation: each is what a practitioner would switch on first, at a
 * setting from its paper or common practice: classifier tricks for 28-32 px images, and GAN tricks that act on
 * the critic, the generator or the schedule of any GAN preset.
 */
public final class TrickCatalog {

    /**
     * A trick: its name, the keys it sets, and a line saying what it is.
     *
     * @param objectives the objectives it applies to, or empty for any (WGAN-LP replaces WGAN-GP's penalty only)
     */
    public record Trick(String name, Map<String, Object> settings, String description, List<String> objectives) {

        public Trick(String name, Map<String, Object> settings, String description) {
            this(name, settings, description, List.of());
        }

        /**
         * The config with the trick's keys set.
         *
         * @throws UserError when the trick is for other objectives than c's
         */
        public RunConfig applyTo(RunConfig c) {
            String objective = c.getString("objective.kind");
            if (!objectives.isEmpty() && !objectives.contains(objective)) {
                throw new UserError(name + " is for objective.kind " + String.join(" or ", objectives)
                        + ", not " + objective);
            }
            RunConfig out = c;
            for (Map.Entry<String, Object> e : settings.entrySet()) {
                out = out.withValue(e.getKey(), e.getValue());
            }
            return out;
        }

        public String settingsText() {
            List<String> parts = new ArrayList<>();
            settings.forEach((k, v) -> parts.add(k + "=" + v));
            return String.join(" ", parts);
        }
    }

    private static final Map<String, Trick> TRICKS = build();
    private static final Map<String, Trick> GAN_TRICKS = buildGan();

    /**
     * What ablate runs on a GAN preset without --tricks: every GAN trick; those that do not fit the preset's
     * objective (label smoothing on a WGAN) or data (DiffAugment on 2D points) are left out with the reason.
     */
    public static final List<String> GAN_DEFAULT = List.copyOf(GAN_TRICKS.keySet());

    /** What ablate runs without --tricks: one or two of each family, affordable on a CPU. */
    public static final List<String> DEFAULT = List.of("label-smoothing", "focal", "flooding", "dropout",
            "batchnorm", "groupnorm", "crop", "flip", "cutout", "erasing", "mixup", "ricap", "cosine", "warmup",
            "cyclic", "radam", "adamw", "l2", "clip-norm", "fgsm");

    private TrickCatalog() {}

    public static List<Trick> all() {
        return List.copyOf(TRICKS.values());
    }

    /** The catalog of a task (gan or classifier): its trick names in order. */
    public static List<String> names(String task) {
        return List.copyOf(("gan".equals(task) ? GAN_TRICKS : TRICKS).keySet());
    }

    /** What ablate runs without --tricks for a task. */
    public static List<String> defaults(String task) {
        return "gan".equals(task) ? GAN_DEFAULT : DEFAULT;
    }

    /** A trick of a task's catalog; an unknown name lists that catalog, a name of the other one says so. */
    public static Trick get(String task, String name) {
        boolean gan = "gan".equals(task);
        Trick t = (gan ? GAN_TRICKS : TRICKS).get(name);
        if (t != null) {
            return t;
        }
        if ((gan ? TRICKS : GAN_TRICKS).containsKey(name)) {
            throw new UserError("trick '" + name + "' is a " + (gan ? "classifier" : "GAN") + " trick; this preset is a "
                    + (gan ? "GAN" : "classifier") + " preset, whose tricks are: " + String.join(", ", names(task)));
        }
        throw new UserError("unknown trick '" + name + "'; known: " + String.join(", ", names(task)));
    }

    public static Trick get(String name) {
        Trick t = TRICKS.get(name);
        if (t == null) {
            throw new UserError("unknown trick '" + name + "'; known: " + String.join(", ", TRICKS.keySet()));
        }
        return t;
    }

    private static Map<String, Trick> build() {
        Map<String, Trick> m = new LinkedHashMap<>();
        add(m, "label-smoothing", "label smoothing ε = 0.1", "cls.labelSmoothing", 0.1);
        add(m, "focal", "focal loss γ = 2", "cls.loss", "focal");
        add(m, "smooth-l1", "smooth L1 on softmax", "cls.loss", "smoothl1");
        add(m, "flooding", "flooding b = 0.05", "cls.flooding", 0.05);
        add(m, "dropout", "dropout 0.3 before the last layer", "cls.dropout", 0.3);
        add(m, "batchnorm", "BatchNorm after each conv", "cls.norm", "batch");
        add(m, "batchrenorm", "Batch Renormalization after each conv", "cls.norm", "batchrenorm");
        add(m, "groupnorm", "GroupNorm (8 groups) after each conv", "cls.norm", "group");
        add(m, "layernorm", "LayerNorm after each conv", "cls.norm", "layer");
        add(m, "gelu", "GELU instead of ReLU", "cls.activation", "gelu");
        add(m, "leakyrelu", "leaky ReLU (0.01)", "cls.activation", "leakyrelu");
        add(m, "xavier", "Xavier init", "cls.init", "xavier");
        add(m, "orthogonal", "orthogonal init", "cls.init", "orthogonal");
        add(m, "sparse-init", "sparse init (15 inputs per unit)", "cls.init", "sparse");
        add(m, "crop", "random crop, padding 2", "aug.crop", 2);
        add(m, "flip", "horizontal flip", "aug.flip", true);
        add(m, "rotate", "rotation ±10°", "aug.rotate", 10.0);
        add(m, "brightness", "brightness ±0.1, contrast ±0.2", "aug.brightness", 0.1, "aug.contrast", 0.2);
        add(m, "cutout", "cutout 8x8", "aug.cutout", 8);
        add(m, "erasing", "random erasing p = 0.5", "aug.erasing", 0.5);
        add(m, "mixup", "mixup α = 0.2", "aug.mixup", 0.2);
        add(m, "ricap", "RICAP β = 0.3", "aug.ricap", 0.3);
        add(m, "autoaugment", "AutoAugment-style policy", "aug.auto", true);
        add(m, "cosine", "cosine decay to 0", "sched.kind", "cosine");
        add(m, "step", "step decay ×0.1 every 3 epochs", "sched.kind", "step");
        add(m, "exponential", "exponential decay ×0.8 per epoch", "sched.kind", "exponential", "sched.gamma", 0.8);
        add(m, "cyclic", "cyclic cosine, 2-epoch cycles", "sched.kind", "cyclic", "sched.cycleEpochs", 2.0);
        add(m, "plateau", "reduce ×0.1 on plateau (patience 1)", "sched.kind", "plateau", "sched.patience", 1);
        add(m, "warmup", "linear warmup over 1 epoch", "sched.warmupEpochs", 1.0);
        add(m, "linear-scaling", "lr × batch/256", "sched.linearScaling", true);
        add(m, "sgd-nesterov", "SGD + Nesterov momentum 0.9, lr 0.05", "opt.kind", "sgd", "opt.nesterov", true,
                "opt.lr", 0.05);
        add(m, "adagrad", "AdaGrad, lr 0.01", "opt.kind", "adagrad", "opt.lr", 0.01);
        add(m, "rmsprop", "RMSProp, lr 1e-3, no momentum", "opt.kind", "rmsprop", "opt.momentum", 0.0);
        add(m, "radam", "RAdam", "opt.kind", "radam");
        add(m, "adabound", "AdaBound (final lr 0.1)", "opt.kind", "adabound");
        add(m, "adamw", "AdamW, decoupled decay 0.05", "opt.kind", "adamw", "reg.weightDecay", 0.05);
        add(m, "l2", "L2 weight decay 5e-4", "reg.weightDecay", 5e-4);
        add(m, "l1", "L1 penalty 1e-5", "reg.l1", 1e-5);
        add(m, "clip-norm", "gradient clipping to norm 1", "reg.clipNorm", 1.0);
        add(m, "clip-value", "gradient clipping to ±0.01", "reg.clipValue", 0.01);
        add(m, "early-stopping", "early stopping, patience 2", "reg.earlyStopping", 2);
        add(m, "fgsm", "FGSM adversarial training ε = 0.03", "adv.kind", "fgsm", "adv.eps", 0.03);
        add(m, "pgd", "PGD adversarial training ε = 0.03, 3 steps", "adv.kind", "pgd", "adv.eps", 0.03,
                "adv.stepSize", 0.015, "adv.steps", 3);
        add(m, "skip", "residual connections (resnet arch)", "cls.residual", true);
        add(m, "distill", "distillation from models/fashion-classifier, T = 4", "cls.teacher", "fashion-classifier");
        return m;
    }

    private static Map<String, Trick> buildGan() {
        Map<String, Trick> m = new LinkedHashMap<>();
        add(m, "smooth-real", "one-sided label smoothing, real target 0.9", "tricks.smoothReal", 0.1);
        add(m, "flood-d", "flooding of D's loss at b = 0.3", "tricks.floodD", 0.3);
        add(m, "instance-noise", "instance noise σ = 0.1 annealed to 0", "tricks.instanceNoise", 0.1);
        add(m, "mixup-d", "mixup of real and fake for D, α = 0.2", "tricks.mixupD", 0.2);
        add(m, "diffaugment", "DiffAugment color, translation, cutout", "tricks.diffAugment",
                "color,translation,cutout");
        add(m, "ema-g", "EMA of G's weights, β = 0.999", "tricks.emaG", 0.999);
        add(m, "lr-linear", "both learning rates fall linearly to 0", "lrDecay", "linear");
        add(m, "lr-cosine", "cosine decay of both learning rates", "lrDecay", "cosine");
        add(m, "dropout-d", "dropout 0.3 in D", "model.dDropout", 0.3);
        add(m, "layernorm-d", "layer norm in D", "model.dNorm", "layer");
        add(m, "residual", "residual skip connections", "model.residual", true);
        add(m, "pack-4", "PacGAN: D judges packs of 4 samples", "tricks.pack", 4);
        add(m, "spectral-norm", "spectral normalization of D", "tricks.spectralNorm", "critic");
        add(m, "r1", "R1 penalty on real samples, γ = 0.1", "tricks.r1", 0.1);
        add(m, "minibatch-std", "minibatch standard deviation feature in D", "tricks.minibatchStd", true);
        add(m, "unrolled-5", "unrolled D, 5 look-ahead steps", "tricks.unroll", 5);
        add(m, "bcr", "balanced consistency regularization, λ = 10", "tricks.consistency", 10.0);
        Map<String, Object> lp = new LinkedHashMap<>();
        lp.put("objective.kind", "wgan-lp");
        m.put("wgan-lp", new Trick("wgan-lp", lp, "WGAN-LP: the one-sided penalty instead of WGAN-GP's",
                List.of("wgan-gp")));
        return m;
    }

    private static void add(Map<String, Trick> m, String name, String description, Object... kv) {
        Map<String, Object> s = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            s.put((String) kv[i], kv[i + 1]);
        }
        m.put(name, new Trick(name, s, description));
    }
}
