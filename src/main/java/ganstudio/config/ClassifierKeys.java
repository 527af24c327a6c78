package ganstudio.config;

import static ganstudio.config.ConfigKey.Type.BOOL;
import static ganstudio.config.ConfigKey.Type.CHOICE;
import static ganstudio.config.ConfigKey.Type.DOUBLE;
import static ganstudio.config.ConfigKey.Type.INT;
import static ganstudio.config.ConfigKey.Type.STRING;

import java.util.List;

/** The keys of classifier runs (task = classifier): network, loss, regularization, data tricks, schedule. */
final class ClassifierKeys {

    static final String[] OPTIMIZERS = {"sgd", "adagrad", "rmsprop", "adam", "adamw", "radam", "adabound"};
    static final String[] SCHEDULES = {"constant", "step", "exponential", "cosine", "cyclic", "plateau"};

    private ClassifierKeys() {}

    static void addTo(List<ConfigKey> list) {
        list.add(ConfigKey.builder("cls.epochs", INT).setDefault(10).optRange(1, 100_000)
                .setHelp("Classifier: passes over the training set").build());
        list.add(ConfigKey.builder("sched.epochs", INT).setDefault(0).optRange(0, 100_000)
                .setHelp("Epochs the learning-rate schedule spans; 0 = cls.epochs. `train --resume --epochs N` "
                        + "sets it to the run's first length, so a longer run keeps its numbers").build());
        list.add(ConfigKey.builder("cls.validation", INT).setDefault(5000).optRange(0, 10_000_000)
                .setHelp("Images held out of the training set to validate on each epoch (early stopping, "
                        + "plateau); 0 = validate on the test set").build());
        list.add(ConfigKey.builder("cls.arch", CHOICE).setDefault("baseline").setChoices("baseline", "resnet")
                .setHelp("baseline: 2 conv + pool stages and a 128-unit layer; resnet: 3 stages of basic blocks")
                .build());
        list.add(ConfigKey.builder("cls.width", INT).setDefault(32).optRange(1, 4096)
                .setHelp("Channels of the first stage; each later stage doubles it").build());
        list.add(ConfigKey.builder("cls.blocks", INT).setDefault(1).optRange(0, 32)
                .setHelp("resnet: basic blocks (two 3x3 convs) per stage").build());
        list.add(ConfigKey.builder("cls.norm", CHOICE).setDefault("none")
                .setChoices("none", "batch", "batchrenorm", "group", "layer")
                .setHelp("Normalization after each conv: BatchNorm, Batch Renormalization, GroupNorm, LayerNorm")
                .build());
        list.add(ConfigKey.builder("cls.groups", INT).setDefault(8).optRange(1, 1024)
                .setHelp("Groups of GroupNorm").build());
        list.add(ConfigKey.builder("cls.activation", CHOICE).setDefault("relu")
                .setChoices("relu", "leakyrelu", "gelu", "sigmoid").setHelp("Activation").build());
        list.add(ConfigKey.builder("cls.slope", DOUBLE).setDefault(0.01).optRange(0, 1)
                .setHelp("Negative slope of leaky ReLU").build());
        list.add(ConfigKey.builder("cls.dropout", DOUBLE).setDefault(0.0).optRange(0, 0.95)
                .setHelp("Dropout before the last layer").build());
        list.add(ConfigKey.builder("cls.residual", BOOL).setDefault(true)
                .setHelp("resnet: skip connections around each block (off: the same net without them)").build());
        list.add(ConfigKey.builder("cls.init", CHOICE).setDefault("he")
                .setChoices("xavier", "he", "orthogonal", "sparse")
                .setHelp("Weight init; sparse = 15 nonzero inputs per unit (Martens 2010)").build());

        list.add(ConfigKey.builder("cls.loss", CHOICE).setDefault("ce").setChoices("ce", "focal", "smoothl1")
                .setHelp("ce: cross-entropy (stable log-softmax); focal: −α(1−p)^γ log p; smoothl1: Huber "
                        + "between softmax and targets").build());
        list.add(ConfigKey.builder("cls.labelSmoothing", DOUBLE).setDefault(0.0).optRange(0, 0.99)
                .setHelp("Label smoothing ε: targets (1−ε)·one-hot + ε/K").build());
        list.add(ConfigKey.builder("cls.focalGamma", DOUBLE).setDefault(2.0).optRange(0, 10)
                .setHelp("Focal loss γ").build());
        list.add(ConfigKey.builder("cls.focalAlpha", DOUBLE).setDefault(1.0).optRange(0, 1)
                .setHelp("Focal loss α (a constant weight; 1 = none)").build());
        list.add(ConfigKey.builder("cls.flooding", DOUBLE).setDefault(0.0).optRange(0, 10)
                .setHelp("Flooding level b: the training loss becomes |loss − b| + b; 0 = off").build());
        list.add(ConfigKey.builder("cls.teacher", STRING).setDefault("")
                .setHelp("Knowledge distillation: a classifier run directory (or models/ folder) to learn from")
                .build());
        list.add(ConfigKey.builder("cls.distillT", DOUBLE).setDefault(4.0).optRange(0.01, 100)
                .setHelp("Distillation temperature T").build());
        list.add(ConfigKey.builder("cls.distillWeight", DOUBLE).setDefault(0.5).optRange(0, 1)
                .setHelp("Weight of the distillation term: (1−w)·CE + w·T²·KL(teacher‖student)").build());

        list.add(ConfigKey.builder("opt.kind", CHOICE).setDefault("adam").setChoices(OPTIMIZERS)
                .setHelp("Classifier optimizer").build());
        list.add(ConfigKey.builder("opt.lr", DOUBLE).setDefault(1e-3).optRange(0, 10).optLive("lr")
                .setHelp("Base learning rate (before schedule and warmup)").build());
        list.add(ConfigKey.builder("opt.momentum", DOUBLE).setDefault(0.9).optRange(0, 0.9999)
                .setHelp("SGD / RMSProp momentum").build());
        list.add(ConfigKey.builder("opt.nesterov", BOOL).setDefault(false).setHelp("Nesterov momentum (SGD)")
                .build());
        list.add(ConfigKey.builder("opt.beta1", DOUBLE).setDefault(0.9).optRange(0, 0.9999)
                .setHelp("Adam-family β1").build());
        list.add(ConfigKey.builder("opt.beta2", DOUBLE).setDefault(0.999).optRange(0, 0.99999)
                .setHelp("Adam-family β2").build());
        list.add(ConfigKey.builder("opt.eps", DOUBLE).setDefault(1e-8).optRange(1e-12, 1)
                .setHelp("ε of the adaptive optimizers").build());
        list.add(ConfigKey.builder("opt.alpha", DOUBLE).setDefault(0.99).optRange(0, 0.99999)
                .setHelp("RMSProp smoothing constant").build());
        list.add(ConfigKey.builder("opt.finalLr", DOUBLE).setDefault(0.1).optRange(0, 10)
                .setHelp("AdaBound: the SGD learning rate the bounds converge to").build());
        list.add(ConfigKey.builder("opt.boundGamma", DOUBLE).setDefault(1e-3).optRange(0, 1)
                .setHelp("AdaBound: convergence speed of the bounds").build());

        list.add(ConfigKey.builder("reg.weightDecay", DOUBLE).setDefault(0.0).optRange(0, 1)
                .setHelp("L2 weight decay (added to the gradient; decoupled when reg.decoupled or opt.kind = "
                        + "adamw)").build());
        list.add(ConfigKey.builder("reg.decoupled", BOOL).setDefault(false)
                .setHelp("Decoupled weight decay (AdamW style): w −= lr·wd·w, outside the adaptive step").build());
        list.add(ConfigKey.builder("reg.l1", DOUBLE).setDefault(0.0).optRange(0, 1)
                .setHelp("L1 penalty: adds l1·sign(w) to each weight gradient").build());
        list.add(ConfigKey.builder("reg.clipNorm", DOUBLE).setDefault(0.0).optRange(0, 1e6)
                .setHelp("Clip the gradient of all weights to this global L2 norm; 0 = off").build());
        list.add(ConfigKey.builder("reg.clipValue", DOUBLE).setDefault(0.0).optRange(0, 1e6)
                .setHelp("Clip every gradient value to [−v, v]; 0 = off").build());
        list.add(ConfigKey.builder("reg.earlyStopping", INT).setDefault(0).optRange(0, 10_000)
                .setHelp("Stop after this many epochs without a better validation accuracy (the best weights are "
                        + "kept); 0 = off").build());

        list.add(ConfigKey.builder("adv.kind", CHOICE).setDefault("none").setChoices("none", "fgsm", "pgd")
                .setHelp("Adversarial training: train on FGSM or PGD perturbations of each batch").build());
        list.add(ConfigKey.builder("adv.eps", DOUBLE).setDefault(0.1).optRange(0, 1)
                .setHelp("Perturbation bound ε, in pixel units of [0, 1] (L∞)").build());
        list.add(ConfigKey.builder("adv.stepSize", DOUBLE).setDefault(0.025).optRange(0, 1)
                .setHelp("PGD step size, in pixel units of [0, 1]").build());
        list.add(ConfigKey.builder("adv.steps", INT).setDefault(5).optRange(1, 1000).setHelp("PGD steps").build());
        list.add(ConfigKey.builder("adv.weight", DOUBLE).setDefault(0.5).optRange(0, 1)
                .setHelp("Loss = (1−w)·clean + w·adversarial").build());

        list.add(ConfigKey.builder("aug.crop", INT).setDefault(0).optRange(0, 16)
                .setHelp("Random crop after zero padding by this many pixels; 0 = off").build());
        list.add(ConfigKey.builder("aug.flip", BOOL).setDefault(false).setHelp("Random horizontal flip").build());
        list.add(ConfigKey.builder("aug.rotate", DOUBLE).setDefault(0.0).optRange(0, 180)
                .setHelp("Random rotation up to ± this many degrees").build());
        list.add(ConfigKey.builder("aug.brightness", DOUBLE).setDefault(0.0).optRange(0, 1)
                .setHelp("Random brightness shift up to ± this (pixel units of [0, 1])").build());
        list.add(ConfigKey.builder("aug.contrast", DOUBLE).setDefault(0.0).optRange(0, 1)
                .setHelp("Random contrast factor in [1 − c, 1 + c]").build());
        list.add(ConfigKey.builder("aug.colour", DOUBLE).setDefault(0.0).optRange(0, 1)
                .setHelp("RGB: random per-channel shift up to ± this").build());
        list.add(ConfigKey.builder("aug.pca", DOUBLE).setDefault(0.0).optRange(0, 1)
                .setHelp("RGB: PCA colour augmentation (AlexNet) with this std; 0.1 is AlexNet's").build());
        list.add(ConfigKey.builder("aug.cutout", INT).setDefault(0).optRange(0, 64)
                .setHelp("Cutout: zero a random square of this side; 0 = off").build());
        list.add(ConfigKey.builder("aug.erasing", DOUBLE).setDefault(0.0).optRange(0, 1)
                .setHelp("Random erasing probability (area 2-40%, aspect 0.3-3.3, random values)").build());
        list.add(ConfigKey.builder("aug.mixup", DOUBLE).setDefault(0.0).optRange(0, 100)
                .setHelp("mixup α: blend image pairs and labels with λ ~ Beta(α, α); 0 = off").build());
        list.add(ConfigKey.builder("aug.ricap", DOUBLE).setDefault(0.0).optRange(0, 100)
                .setHelp("RICAP β: patch four images, labels by area; 0 = off").build());
        list.add(ConfigKey.builder("aug.auto", BOOL).setDefault(false)
                .setHelp("AutoAugment-style policy for small images: two random ops per image").build());

        list.add(ConfigKey.builder("sched.kind", CHOICE).setDefault("constant").setChoices(SCHEDULES)
                .setHelp("Learning-rate schedule after warmup").build());
        list.add(ConfigKey.builder("sched.warmupEpochs", DOUBLE).setDefault(0.0).optRange(0, 1000)
                .setHelp("Linear warmup from 0 over this many epochs, in front of the schedule").build());
        list.add(ConfigKey.builder("sched.stepEvery", DOUBLE).setDefault(3.0).optRange(0.01, 10_000)
                .setHelp("step: multiply by sched.gamma every this many epochs").build());
        list.add(ConfigKey.builder("sched.gamma", DOUBLE).setDefault(0.1).optRange(0, 1)
                .setHelp("step / exponential (per epoch) / plateau factor").build());
        list.add(ConfigKey.builder("sched.minLr", DOUBLE).setDefault(0.0).optRange(0, 10)
                .setHelp("cosine / cyclic: the lowest learning rate").build());
        list.add(ConfigKey.builder("sched.cycleEpochs", DOUBLE).setDefault(2.0).optRange(0.01, 10_000)
                .setHelp("cyclic: epochs per cosine cycle (restarts after each)").build());
        list.add(ConfigKey.builder("sched.patience", INT).setDefault(2).optRange(0, 1000)
                .setHelp("plateau: epochs without a lower validation loss before the rate is cut").build());
        list.add(ConfigKey.builder("sched.linearScaling", BOOL).setDefault(false)
                .setHelp("Scale the base rate by batchSize/256 (Goyal et al.)").build());
    }
}
