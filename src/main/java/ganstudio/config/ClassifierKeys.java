package ganstudio.config;

import java.util.ArrayList;
import java.util.List;

/** The keys of classifier runs (task = classifier): network, loss, regularization, data tricks, schedule. */
public final class ClassifierKeys {

    static final String[] OPTIMIZERS = {"sgd", "adagrad", "rmsprop", "adam", "adamw", "radam", "adabound"};
    static final String[] SCHEDULES = {"constant", "step", "exponential", "cosine", "cyclic", "plateau"};

    /** Filled as the constants below initialize. */
    private static final List<ConfigKey<?>> DECLARED = new ArrayList<>();

    private ClassifierKeys() {}

    public static final ConfigKey<Integer> CLS_EPOCHS = add(ConfigKey.intKey("cls.epochs")
            .setDefault(10).optRange(1, 100_000)
            .setHelp("Classifier: passes over the training set").build());
    public static final ConfigKey<Integer> SCHED_EPOCHS = add(ConfigKey.intKey("sched.epochs")
            .setDefault(0).optRange(0, 100_000)
            .setHelp("Epochs the learning-rate schedule spans; 0 = cls.epochs. `train --resume --epochs N` "
                    + "sets it to the run's first length, so a longer run keeps its numbers").build());
    public static final ConfigKey<Integer> CLS_VALIDATION = add(ConfigKey.intKey("cls.validation")
            .setDefault(5000).optRange(0, 10_000_000)
            .setHelp("Images held out of the training set to validate on each epoch (early stopping, "
                    + "plateau); 0 = validate on the test set").build());
    public static final ConfigKey<String> CLS_ARCH = add(ConfigKey.choiceKey("cls.arch")
            .setDefault("baseline").setChoices("baseline", "resnet")
            .setHelp("baseline: 2 conv + pool stages and a 128-unit layer; resnet: 3 stages of basic blocks")
            .build());
    public static final ConfigKey<Integer> CLS_WIDTH = add(ConfigKey.intKey("cls.width")
            .setDefault(32).optRange(1, 4096)
            .setHelp("Channels of the first stage; each later stage doubles it").build());
    public static final ConfigKey<Integer> CLS_BLOCKS = add(ConfigKey.intKey("cls.blocks").setDefault(1).optRange(0, 32)
            .setHelp("resnet: basic blocks (two 3x3 convs) per stage").build());
    public static final ConfigKey<String> CLS_NORM = add(ConfigKey.choiceKey("cls.norm").setDefault("none")
            .setChoices("none", "batch", "batchrenorm", "group", "layer")
            .setHelp("Normalization after each conv: BatchNorm, Batch Renormalization, GroupNorm, LayerNorm")
            .build());
    public static final ConfigKey<Integer> CLS_GROUPS = add(ConfigKey.intKey("cls.groups")
            .setDefault(8).optRange(1, 1024)
            .setHelp("Groups of GroupNorm").build());
    public static final ConfigKey<String> CLS_ACTIVATION = add(ConfigKey.choiceKey("cls.activation").setDefault("relu")
            .setChoices("relu", "leakyrelu", "gelu", "sigmoid").setHelp("Activation").build());
    public static final ConfigKey<Double> CLS_SLOPE = add(ConfigKey.doubleKey("cls.slope")
            .setDefault(0.01).optRange(0, 1)
            .setHelp("Negative slope of leaky ReLU").build());
    public static final ConfigKey<Double> CLS_DROPOUT = add(ConfigKey.doubleKey("cls.dropout")
            .setDefault(0.0).optRange(0, 0.95)
            .setHelp("Dropout before the last layer").build());
    public static final ConfigKey<Boolean> CLS_RESIDUAL = add(ConfigKey.boolKey("cls.residual").setDefault(true)
            .setHelp("resnet: skip connections around each block (off: the same net without them)").build());
    public static final ConfigKey<String> CLS_INIT = add(ConfigKey.choiceKey("cls.init").setDefault("he")
            .setChoices("xavier", "he", "orthogonal", "sparse")
            .setHelp("Weight init; sparse = 15 nonzero inputs per unit (Martens 2010)").build());

    public static final ConfigKey<String> CLS_LOSS = add(ConfigKey.choiceKey("cls.loss")
            .setDefault("ce").setChoices("ce", "focal", "smoothl1")
            .setHelp("ce: cross-entropy (stable log-softmax); focal: −α(1−p)^γ log p; smoothl1: Huber "
                    + "between softmax and targets").build());
    public static final ConfigKey<Double> CLS_LABEL_SMOOTHING = add(ConfigKey.doubleKey("cls.labelSmoothing")
            .setDefault(0.0).optRange(0, 0.99)
            .setHelp("Label smoothing ε: targets (1−ε)·one-hot + ε/K").build());
    public static final ConfigKey<Double> CLS_FOCAL_GAMMA = add(ConfigKey.doubleKey("cls.focalGamma")
            .setDefault(2.0).optRange(0, 10)
            .setHelp("Focal loss γ").build());
    public static final ConfigKey<Double> CLS_FOCAL_ALPHA = add(ConfigKey.doubleKey("cls.focalAlpha")
            .setDefault(1.0).optRange(0, 1)
            .setHelp("Focal loss α (a constant weight; 1 = none)").build());
    public static final ConfigKey<Double> CLS_FLOODING = add(ConfigKey.doubleKey("cls.flooding")
            .setDefault(0.0).optRange(0, 10)
            .setHelp("Flooding level b: the training loss becomes |loss − b| + b; 0 = off").build());
    public static final ConfigKey<String> CLS_TEACHER = add(ConfigKey.stringKey("cls.teacher").setDefault("")
            .setHelp("Knowledge distillation: a classifier run directory (or models/ folder) to learn from")
            .build());
    public static final ConfigKey<Double> CLS_DISTILL_T = add(ConfigKey.doubleKey("cls.distillT")
            .setDefault(4.0).optRange(0.01, 100)
            .setHelp("Distillation temperature T").build());
    public static final ConfigKey<Double> CLS_DISTILL_WEIGHT = add(ConfigKey.doubleKey("cls.distillWeight")
            .setDefault(0.5).optRange(0, 1)
            .setHelp("Weight of the distillation term: (1−w)·CE + w·T²·KL(teacher‖student)").build());

    public static final ConfigKey<String> OPT_KIND = add(ConfigKey.choiceKey("opt.kind")
            .setDefault("adam").setChoices(OPTIMIZERS)
            .setHelp("Classifier optimizer").build());
    public static final ConfigKey<Double> OPT_LR = add(ConfigKey.doubleKey("opt.lr")
            .setDefault(1e-3).optRange(0, 10).optLive("lr")
            .setHelp("Base learning rate (before schedule and warmup)").build());
    public static final ConfigKey<Double> OPT_MOMENTUM = add(ConfigKey.doubleKey("opt.momentum")
            .setDefault(0.9).optRange(0, 0.9999)
            .setHelp("SGD / RMSProp momentum").build());
    public static final ConfigKey<Boolean> OPT_NESTEROV = add(ConfigKey.boolKey("opt.nesterov")
            .setDefault(false).setHelp("Nesterov momentum (SGD)")
            .build());
    public static final ConfigKey<Double> OPT_BETA1 = add(ConfigKey.doubleKey("opt.beta1")
            .setDefault(0.9).optRange(0, 0.9999)
            .setHelp("Adam-family β1").build());
    public static final ConfigKey<Double> OPT_BETA2 = add(ConfigKey.doubleKey("opt.beta2")
            .setDefault(0.999).optRange(0, 0.99999)
            .setHelp("Adam-family β2").build());
    public static final ConfigKey<Double> OPT_EPS = add(ConfigKey.doubleKey("opt.eps")
            .setDefault(1e-8).optRange(1e-12, 1)
            .setHelp("ε of the adaptive optimizers").build());
    public static final ConfigKey<Double> OPT_ALPHA = add(ConfigKey.doubleKey("opt.alpha")
            .setDefault(0.99).optRange(0, 0.99999)
            .setHelp("RMSProp smoothing constant").build());
    public static final ConfigKey<Double> OPT_FINAL_LR = add(ConfigKey.doubleKey("opt.finalLr")
            .setDefault(0.1).optRange(0, 10)
            .setHelp("AdaBound: the SGD learning rate the bounds converge to").build());
    public static final ConfigKey<Double> OPT_BOUND_GAMMA = add(ConfigKey.doubleKey("opt.boundGamma")
            .setDefault(1e-3).optRange(0, 1)
            .setHelp("AdaBound: convergence speed of the bounds").build());

    public static final ConfigKey<Double> REG_WEIGHT_DECAY = add(ConfigKey.doubleKey("reg.weightDecay")
            .setDefault(0.0).optRange(0, 1)
            .setHelp("L2 weight decay (added to the gradient; decoupled when reg.decoupled or opt.kind = "
                    + "adamw)").build());
    public static final ConfigKey<Boolean> REG_DECOUPLED = add(ConfigKey.boolKey("reg.decoupled").setDefault(false)
            .setHelp("Decoupled weight decay (AdamW style): w −= lr·wd·w, outside the adaptive step").build());
    public static final ConfigKey<Double> REG_L1 = add(ConfigKey.doubleKey("reg.l1").setDefault(0.0).optRange(0, 1)
            .setHelp("L1 penalty: adds l1·sign(w) to each weight gradient").build());
    public static final ConfigKey<Double> REG_CLIP_NORM = add(ConfigKey.doubleKey("reg.clipNorm")
            .setDefault(0.0).optRange(0, 1e6)
            .setHelp("Clip the gradient of all weights to this global L2 norm; 0 = off").build());
    public static final ConfigKey<Double> REG_CLIP_VALUE = add(ConfigKey.doubleKey("reg.clipValue")
            .setDefault(0.0).optRange(0, 1e6)
            .setHelp("Clip every gradient value to [−v, v]; 0 = off").build());
    public static final ConfigKey<Integer> REG_EARLY_STOPPING = add(ConfigKey.intKey("reg.earlyStopping")
            .setDefault(0).optRange(0, 10_000)
            .setHelp("Stop after this many epochs without a better validation accuracy (the best weights are "
                    + "kept); 0 = off").build());

    public static final ConfigKey<String> ADV_KIND = add(ConfigKey.choiceKey("adv.kind")
            .setDefault("none").setChoices("none", "fgsm", "pgd")
            .setHelp("Adversarial training: train on FGSM or PGD perturbations of each batch").build());
    public static final ConfigKey<Double> ADV_EPS = add(ConfigKey.doubleKey("adv.eps").setDefault(0.1).optRange(0, 1)
            .setHelp("Perturbation bound ε, in pixel units of [0, 1] (L∞)").build());
    public static final ConfigKey<Double> ADV_STEP_SIZE = add(ConfigKey.doubleKey("adv.stepSize")
            .setDefault(0.025).optRange(0, 1)
            .setHelp("PGD step size, in pixel units of [0, 1]").build());
    public static final ConfigKey<Integer> ADV_STEPS = add(ConfigKey.intKey("adv.steps")
            .setDefault(5).optRange(1, 1000).setHelp("PGD steps").build());
    public static final ConfigKey<Double> ADV_WEIGHT = add(ConfigKey.doubleKey("adv.weight")
            .setDefault(0.5).optRange(0, 1)
            .setHelp("Loss = (1−w)·clean + w·adversarial").build());

    public static final ConfigKey<Integer> AUG_CROP = add(ConfigKey.intKey("aug.crop").setDefault(0).optRange(0, 16)
            .setHelp("Random crop after zero padding by this many pixels; 0 = off").build());
    public static final ConfigKey<Boolean> AUG_FLIP = add(ConfigKey.boolKey("aug.flip")
            .setDefault(false).setHelp("Random horizontal flip").build());
    public static final ConfigKey<Double> AUG_ROTATE = add(ConfigKey.doubleKey("aug.rotate")
            .setDefault(0.0).optRange(0, 180)
            .setHelp("Random rotation up to ± this many degrees").build());
    public static final ConfigKey<Double> AUG_BRIGHTNESS = add(ConfigKey.doubleKey("aug.brightness")
            .setDefault(0.0).optRange(0, 1)
            .setHelp("Random brightness shift up to ± this (pixel units of [0, 1])").build());
    public static final ConfigKey<Double> AUG_CONTRAST = add(ConfigKey.doubleKey("aug.contrast")
            .setDefault(0.0).optRange(0, 1)
            .setHelp("Random contrast factor in [1 − c, 1 + c]").build());
    public static final ConfigKey<Double> AUG_COLOUR = add(ConfigKey.doubleKey("aug.colour")
            .setDefault(0.0).optRange(0, 1)
            .setHelp("RGB: random per-channel shift up to ± this").build());
    public static final ConfigKey<Double> AUG_PCA = add(ConfigKey.doubleKey("aug.pca").setDefault(0.0).optRange(0, 1)
            .setHelp("RGB: PCA colour augmentation (AlexNet) with this std; 0.1 is AlexNet's").build());
    public static final ConfigKey<Integer> AUG_CUTOUT = add(ConfigKey.intKey("aug.cutout").setDefault(0).optRange(0, 64)
            .setHelp("Cutout: zero a random square of this side; 0 = off").build());
    public static final ConfigKey<Double> AUG_ERASING = add(ConfigKey.doubleKey("aug.erasing")
            .setDefault(0.0).optRange(0, 1)
            .setHelp("Random erasing probability (area 2-40%, aspect 0.3-3.3, random values)").build());
    public static final ConfigKey<Double> AUG_MIXUP = add(ConfigKey.doubleKey("aug.mixup")
            .setDefault(0.0).optRange(0, 100)
            .setHelp("mixup α: blend image pairs and labels with λ ~ Beta(α, α); 0 = off").build());
    public static final ConfigKey<Double> AUG_RICAP = add(ConfigKey.doubleKey("aug.ricap")
            .setDefault(0.0).optRange(0, 100)
            .setHelp("RICAP β: patch four images, labels by area; 0 = off").build());
    public static final ConfigKey<Boolean> AUG_AUTO = add(ConfigKey.boolKey("aug.auto").setDefault(false)
            .setHelp("AutoAugment-style policy for small images: two random ops per image").build());

    public static final ConfigKey<String> SCHED_KIND = add(ConfigKey.choiceKey("sched.kind")
            .setDefault("constant").setChoices(SCHEDULES)
            .setHelp("Learning-rate schedule after warmup").build());
    public static final ConfigKey<Double> SCHED_WARMUP_EPOCHS = add(ConfigKey.doubleKey("sched.warmupEpochs")
            .setDefault(0.0).optRange(0, 1000)
            .setHelp("Linear warmup from 0 over this many epochs, in front of the schedule").build());
    public static final ConfigKey<Double> SCHED_STEP_EVERY = add(ConfigKey.doubleKey("sched.stepEvery")
            .setDefault(3.0).optRange(0.01, 10_000)
            .setHelp("step: multiply by sched.gamma every this many epochs").build());
    public static final ConfigKey<Double> SCHED_GAMMA = add(ConfigKey.doubleKey("sched.gamma")
            .setDefault(0.1).optRange(0, 1)
            .setHelp("step / exponential (per epoch) / plateau factor").build());
    public static final ConfigKey<Double> SCHED_MIN_LR = add(ConfigKey.doubleKey("sched.minLr")
            .setDefault(0.0).optRange(0, 10)
            .setHelp("cosine / cyclic: the lowest learning rate").build());
    public static final ConfigKey<Double> SCHED_CYCLE_EPOCHS = add(ConfigKey.doubleKey("sched.cycleEpochs")
            .setDefault(2.0).optRange(0.01, 10_000)
            .setHelp("cyclic: epochs per cosine cycle (restarts after each)").build());
    public static final ConfigKey<Integer> SCHED_PATIENCE = add(ConfigKey.intKey("sched.patience")
            .setDefault(2).optRange(0, 1000)
            .setHelp("plateau: epochs without a lower validation loss before the rate is cut").build());
    public static final ConfigKey<Boolean> SCHED_LINEAR_SCALING = add(ConfigKey.boolKey("sched.linearScaling")
            .setDefault(false)
            .setHelp("Scale the base rate by batchSize/256 (Goyal et al.)").build());

    /** The classifier's keys in declaration order. */
    static List<ConfigKey<?>> declared() {
        return DECLARED;
    }

    private static <T> ConfigKey<T> add(ConfigKey<T> key) {
        DECLARED.add(key);
        return key;
    }
}
