package ganstudio.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every key a run configuration may hold, with its default and allowed values. */
public final class ConfigSchema {

    public static final String[] DATA_KINDS = {
        "ring8", "grid25", "ring", "grid", "spiral", "swissroll",
        "fashion-mnist", "mnist", "idx", "cifar10", "folder"
    };
    public static final String[] OBJECTIVES = {"gan", "nsgan", "wgan", "wgan-gp", "wgan-lp", "lsgan", "hinge"};
    public static final String[] NORMS = {"none", "batch", "group", "layer"};
    public static final String[] ACTIVATIONS = {"relu", "leakyrelu", "gelu"};
    public static final String[] INITS = {"dcgan", "xavier", "he", "orthogonal"};
    public static final String[] OPTIMIZERS = {"sgd", "rmsprop", "adam", "radam", "adabound"};

    /** Every GAN and shared key in declaration order (the form's order), filled as the constants below initialize. */
    private static final List<ConfigKey<?>> DECLARED = new ArrayList<>();

    private ConfigSchema() {}

    public static Collection<ConfigKey<?>> keys() {
        return KEYS.values();
    }

    /** The keys a run of {@code task} ("gan" or "classifier") takes while it trains, in declaration order. */
    public static List<String> liveKeys(String task) {
        return List.copyOf("gan".equals(task) ? GAN_LIVE : CLASSIFIER_LIVE);
    }

    private static List<String> liveIn(List<ConfigKey<?>> keys) {
        List<String> live = new ArrayList<>();
        for (ConfigKey<?> k : keys) {
            if (k.isLiveEditable()) {
                live.add(k.getName());
            }
        }
        return live;
    }

    /** The key with this name, or null. */
    public static ConfigKey<?> find(String name) {
        return KEYS.get(name);
    }

    /** The key with this name; a user error with a suggestion when there is none. */
    public static ConfigKey<?> require(String name) {
        ConfigKey<?> key = KEYS.get(name);
        if (key == null) {
            String hint = closest(name);
            throw new UserError("unknown config key '" + name + "'"
                    + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                    + "; `presets --keys` lists every key");
        }
        return key;
    }

    private static String closest(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : KEYS.keySet()) {
            int d = distance(name.toLowerCase(), k.toLowerCase());
            String leaf = k.substring(k.lastIndexOf('.') + 1);
            if (leaf.equalsIgnoreCase(name)) {
                d = 0;
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return bestDistance <= Math.max(2, name.length() / 3) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    // Run
    public static final ConfigKey<String> NAME = add(ConfigKey.stringKey("name").setDefault("run")
            .setHelp("Name of the run; the run directory is <out>/<name>-<timestamp>").build());
    public static final ConfigKey<String> DESCRIPTION = add(ConfigKey.stringKey("description")
            .setDefault("").setHelp("Free text").build());
    public static final ConfigKey<Long> SEED = add(ConfigKey.longKey("seed").setDefault(1L).optRange(0, Long.MAX_VALUE)
            .setHelp("Seeds weights, noise, data order and the fixed noise bank").build());
    public static final ConfigKey<Integer> STEPS = add(ConfigKey.intKey("steps")
            .setDefault(2000).optRange(1, 100_000_000)
            .setHelp("Generator iterations to train for").build());
    public static final ConfigKey<Integer> SCHEDULE_STEPS = add(ConfigKey.intKey("scheduleSteps")
            .setDefault(0).optRange(0, 100_000_000)
            .setHelp("G iterations that lrDecay and the instance-noise annealing span; 0 = steps. `train "
                    + "--resume --steps N` sets it to the run's first length, so a longer run keeps its "
                    + "numbers").build());
    public static final ConfigKey<Integer> BATCH_SIZE = add(ConfigKey.intKey("batchSize")
            .setDefault(64).optRange(1, 65536)
            .setHelp("Samples per batch, for D and G").build());
    public static final ConfigKey<String> DEVICE = add(ConfigKey.stringKey("device").setDefault("auto")
            .setHelp("auto (first GPU if present, else CPU), cpu, gpu or gpu:N").build());
    public static final ConfigKey<Integer> THREADS = add(ConfigKey.intKey("threads").setDefault(0).optRange(0, 256)
            .setHelp("CPU threads for PyTorch; 0 = all cores").build());

    public static final ConfigKey<String> TASK = add(ConfigKey.choiceKey("task")
            .setDefault("gan").setChoices("gan", "classifier")
            .setHelp("gan: train a generator and a critic; classifier: train an image classifier").build());

    // Data
    public static final ConfigKey<String> DATA_KIND = add(ConfigKey.choiceKey("data.kind")
            .setDefault("ring8").setChoices(DATA_KINDS)
            .setHelp("ring8/grid25/ring/grid/spiral/swissroll are 2D; the rest are images").build());
    public static final ConfigKey<String> DATA_PATH = add(ConfigKey.stringKey("data.path").setDefault("")
            .setHelp("File or folder of the data set; fashion-mnist is found in "
                    + "/usr/share/datasets/fashion-mnist when empty").build());
    public static final ConfigKey<Integer> DATA_MODES = add(ConfigKey.intKey("data.modes")
            .setDefault(0).optRange(0, 10000)
            .setHelp("Gaussians in a ring or grid (a square for grids); 0 = the benchmark's 8 or 25").build());
    public static final ConfigKey<Double> DATA_RADIUS = add(ConfigKey.doubleKey("data.radius")
            .setDefault(0.0).optRange(0, 1000)
            .setHelp("Ring radius, or half-width of a grid; 0 = the benchmark's 1 (ring) or 4 (grid)").build());
    public static final ConfigKey<Double> DATA_SIGMA = add(ConfigKey.doubleKey("data.sigma")
            .setDefault(0.0).optRange(0, 100)
            .setHelp("Std of each Gaussian; 0 = the benchmark's 0.01 (ring) or 0.05 (grid, spiral)").build());
    public static final ConfigKey<Double> DATA_SCALE = add(ConfigKey.doubleKey("data.scale")
            .setDefault(1.0).optRange(1e-3, 1e3)
            .setHelp("2D: the networks see samples divided by this and G's output is multiplied by it, so "
                    + "they work at unit scale (WGAN-GP's toy code divides grid25 by 2.828); 1 = raw").build());
    public static final ConfigKey<Integer> DATA_IMAGE_SIZE = add(ConfigKey.intKey("data.imageSize")
            .setDefault(0).optRange(0, 64)
            .setHelp("Image side the networks see: 28, 32 or 64; 0 = the data set's own (28 or 32)").build());
    public static final ConfigKey<Integer> DATA_CHANNELS = add(ConfigKey.intKey("data.channels")
            .setDefault(0).optRange(0, 3)
            .setHelp("1 (grayscale) or 3 (RGB); 0 = the data set's own").build());
    public static final ConfigKey<Integer> DATA_LIMIT = add(ConfigKey.intKey("data.limit")
            .setDefault(0).optRange(0, 100_000_000)
            .setHelp("Use only the first N images; 0 = all").build());

    // Model
    public static final ConfigKey<Integer> MODEL_Z_DIM = add(ConfigKey.intKey("model.zDim")
            .setDefault(0).optRange(0, 4096)
            .setHelp("Noise dimension; 0 = 2 for 2D data, 100 for images").build());
    public static final ConfigKey<Integer> MODEL_G_WIDTH = add(ConfigKey.intKey("model.gWidth")
            .setDefault(0).optRange(0, 8192)
            .setHelp("G hidden units (MLP) or base channels (DCGAN); 0 = 512 (MLP) or 64 (DCGAN)").build());
    public static final ConfigKey<Integer> MODEL_D_WIDTH = add(ConfigKey.intKey("model.dWidth")
            .setDefault(0).optRange(0, 8192)
            .setHelp("D hidden units (MLP) or base channels (DCGAN); 0 = 512 (MLP) or 64 (DCGAN)").build());
    public static final ConfigKey<Integer> MODEL_DEPTH = add(ConfigKey.intKey("model.depth")
            .setDefault(3).optRange(1, 32)
            .setHelp("Hidden layers of the MLPs (2D data)").build());
    public static final ConfigKey<Integer> MODEL_EXTRA_BLOCKS = add(ConfigKey.intKey("model.extraBlocks")
            .setDefault(0).optRange(0, 16)
            .setHelp("DCGAN: extra 3x3 conv blocks at each scale (residual when model.residual)").build());
    public static final ConfigKey<String> MODEL_G_NORM = add(ConfigKey.choiceKey("model.gNorm")
            .setDefault("none").setChoices(NORMS)
            .setHelp("Normalization in G").build());
    public static final ConfigKey<String> MODEL_D_NORM = add(ConfigKey.choiceKey("model.dNorm")
            .setDefault("none").setChoices(NORMS)
            .setHelp("Normalization in D (WGAN-GP: none, layer or group; batch breaks the per-sample "
                    + "penalty)").build());
    public static final ConfigKey<Integer> MODEL_GROUPS = add(ConfigKey.intKey("model.groups")
            .setDefault(8).optRange(1, 1024)
            .setHelp("Groups for group normalization").build());
    public static final ConfigKey<String> MODEL_G_ACTIVATION = add(ConfigKey.choiceKey("model.gActivation")
            .setDefault("relu").setChoices(ACTIVATIONS)
            .setHelp("Activation in G").build());
    public static final ConfigKey<String> MODEL_D_ACTIVATION = add(ConfigKey.choiceKey("model.dActivation")
            .setDefault("leakyrelu").setChoices(ACTIVATIONS)
            .setHelp("Activation in D").build());
    public static final ConfigKey<Double> MODEL_SLOPE = add(ConfigKey.doubleKey("model.slope")
            .setDefault(0.2).optRange(0, 1)
            .setHelp("Negative slope of leaky ReLU").build());
    public static final ConfigKey<Double> MODEL_D_DROPOUT = add(ConfigKey.doubleKey("model.dDropout")
            .setDefault(0.0).optRange(0, 0.95)
            .setHelp("Dropout probability after each hidden layer of D").build());
    public static final ConfigKey<Boolean> MODEL_RESIDUAL = add(ConfigKey.boolKey("model.residual").setDefault(false)
            .setHelp("Residual (skip) connections around hidden layers / conv blocks").build());
    public static final ConfigKey<String> MODEL_INIT = add(ConfigKey.choiceKey("model.init")
            .setDefault("dcgan").setChoices(INITS)
            .setHelp("Weight init: dcgan = N(0, 0.02), xavier, he, orthogonal").build());
    public static final ConfigKey<String> MODEL_INIT_FROM = add(ConfigKey.stringKey("model.initFrom").setDefault("")
            .setHelp("A new run starts from these weights instead of model.init: a .safetensors or .npz file with "
                    + "PyTorch state-dict names (an export, or a PyTorch model of src/python/ganstudio_load.py's "
                    + "networks): generator.* and critic.*, or unprefixed names for the generator alone; the "
                    + "networks must have the same shapes").build());

    // Objective
    public static final ConfigKey<String> OBJECTIVE_KIND = add(ConfigKey.choiceKey("objective.kind")
            .setDefault("nsgan").setChoices(OBJECTIVES)
            .setHelp("gan (minimax), nsgan (non-saturating G loss), wgan (weight clipping), wgan-gp, wgan-lp "
                    + "(one-sided penalty: only gradient norms above 1 cost), lsgan, hinge").build());
    public static final ConfigKey<Integer> OBJECTIVE_N_CRITIC = add(ConfigKey.intKey("objective.nCritic")
            .setDefault(1).optRange(1, 1000)
            .optLive("n_critic").setHelp("D (critic) iterations per G iteration").build());
    public static final ConfigKey<Double> OBJECTIVE_CLIP = add(ConfigKey.doubleKey("objective.clip")
            .setDefault(0.01).optRange(1e-6, 100)
            .optLive("clip").setHelp("WGAN weight clipping: every critic weight stays in [-c, c]")
            .build());
    public static final ConfigKey<Double> OBJECTIVE_LAMBDA = add(ConfigKey.doubleKey("objective.lambda")
            .setDefault(10.0).optRange(0, 1e6)
            .optLive("lambda").setHelp("WGAN-GP / WGAN-LP gradient penalty weight").build());
    public static final ConfigKey<Boolean> OBJECTIVE_BURST = add(ConfigKey.boolKey("objective.burst")
            .setDefault(false).optLive("burst")
            .setHelp("WGAN reference schedule: burstCritic critic iterations for the first burstFirst "
                    + "G iterations and every burstEvery-th").build());
    public static final ConfigKey<Integer> OBJECTIVE_BURST_CRITIC = add(ConfigKey.intKey("objective.burstCritic")
            .setDefault(100).optRange(1, 10000)
            .setHelp("Critic iterations in a burst").build());
    public static final ConfigKey<Integer> OBJECTIVE_BURST_FIRST = add(ConfigKey.intKey("objective.burstFirst")
            .setDefault(25).optRange(0, 1_000_000)
            .setHelp("G iterations at the start that get a burst").build());
    public static final ConfigKey<Integer> OBJECTIVE_BURST_EVERY = add(ConfigKey.intKey("objective.burstEvery")
            .setDefault(500).optRange(1, 1_000_000)
            .setHelp("Every this many G iterations gets a burst").build());

    public static final ConfigKey<String> LR_DECAY = add(ConfigKey.choiceKey("lrDecay").setDefault("none")
            .setChoices("none", "linear", "cosine", "cyclic")
            .setHelp("Schedule of both learning rates: linear falls to 0 at the last step (as WGAN-GP's code "
                    + "does), cosine likewise along a half cosine, cyclic restarts every lrCycle steps").build());
    public static final ConfigKey<Integer> LR_WARMUP = add(ConfigKey.intKey("lrWarmup")
            .setDefault(0).optRange(0, 100_000_000)
            .setHelp("Linear warmup of both learning rates over this many G iterations, in front of lrDecay (which "
                    + "then spans the iterations after it)").build());
    public static final ConfigKey<Integer> LR_CYCLE = add(ConfigKey.intKey("lrCycle")
            .setDefault(1000).optRange(1, 100_000_000)
            .setHelp("G iterations per cosine cycle of lrDecay = cyclic").build());
    public static final ConfigKey<Double> TRICKS_SMOOTH_REAL = add(ConfigKey.doubleKey("tricks.smoothReal")
            .setDefault(0.0).optRange(0, 0.5)
            .setHelp("One-sided label smoothing: D's target for real samples is 1 − s (gan, nsgan, lsgan)")
            .build());
    public static final ConfigKey<Double> TRICKS_FLOOD_D = add(ConfigKey.doubleKey("tricks.floodD")
            .setDefault(0.0).optRange(0, 100)
            .setHelp("Flooding of D's loss at level b: |loss − b| + b (gan, nsgan, lsgan, hinge); 0 = off")
            .build());
    public static final ConfigKey<Double> TRICKS_INSTANCE_NOISE = add(ConfigKey.doubleKey("tricks.instanceNoise")
            .setDefault(0.0).optRange(0, 10)
            .setHelp("Gaussian noise of this std added to every input of D, annealed linearly to 0 at the "
                    + "last step").build());
    public static final ConfigKey<Double> TRICKS_EMA_G = add(ConfigKey.doubleKey("tricks.emaG")
            .setDefault(0.0).optRange(0, 0.99999)
            .setHelp("Exponential moving average of G's weights with this decay (e.g. 0.999); sample grids "
                    + "and evaluation use the average; the decay warms up as min(β, (1+t)/(10+t)) over the "
                    + "first steps; 0 = off").build());
    public static final ConfigKey<String> TRICKS_DIFF_AUGMENT = add(ConfigKey.stringKey("tricks.diffAugment")
            .setDefault("")
            .setHelp("Images: DiffAugment of every D input, real and fake alike, differentiable for G: a "
                    + "comma list of color, translation, cutout").build());
    public static final ConfigKey<Double> TRICKS_MIXUP_D = add(ConfigKey.doubleKey("tricks.mixupD")
            .setDefault(0.0).optRange(0, 100)
            .setHelp("mixup for D (gan, nsgan, lsgan): D sees λ·real + (1−λ)·fake with target λ, "
                    + "λ ~ Beta(α, α) per sample; 0 = off").build());
    // Stabilizers (issue 25): each off by default, so the paper presets stay as they were.
    public static final ConfigKey<Integer> TRICKS_PACK = add(ConfigKey.intKey("tricks.pack")
            .setDefault(1).optRange(1, 8)
            .setHelp("PacGAN packing: D judges m samples at once, concatenated (2D: side by side; images: along "
                    + "the channels), real and fake packed alike; 1 = off; batchSize must divide by m").build());
    public static final ConfigKey<String> TRICKS_SPECTRAL_NORM = add(ConfigKey.choiceKey("tricks.spectralNorm")
            .setDefault("none").setChoices("none", "critic", "both")
            .setHelp("Spectral normalization (Miyato et al.) of the dense and convolution weights of D, or of D "
                    + "and G: each uses W / σ(W), σ from one power-iteration step per update").build());
    public static final ConfigKey<Double> TRICKS_R1 = add(ConfigKey.doubleKey("tricks.r1")
            .setDefault(0.0).optRange(0, 1e6)
            .setHelp("R1 penalty γ/2 · E‖∇D(x)‖² on real samples (Mescheder et al.); 0 = off").build());
    public static final ConfigKey<Double> TRICKS_R2 = add(ConfigKey.doubleKey("tricks.r2")
            .setDefault(0.0).optRange(0, 1e6)
            .setHelp("R2 penalty γ/2 · E‖∇D(G(z))‖² on generated samples; 0 = off").build());
    public static final ConfigKey<Integer> TRICKS_R_EVERY = add(ConfigKey.intKey("tricks.rEvery")
            .setDefault(1).optRange(1, 1000)
            .setHelp("Lazy R1/R2: the penalties only every k-th critic iteration, weighted by k").build());
    public static final ConfigKey<Boolean> TRICKS_MINIBATCH_STD = add(ConfigKey.boolKey("tricks.minibatchStd")
            .setDefault(false)
            .setHelp("Minibatch standard deviation (ProGAN): D's last hidden layer gets one more feature, the "
                    + "batch's mean std, so D can see a batch without variety").build());
    public static final ConfigKey<Integer> TRICKS_UNROLL = add(ConfigKey.intKey("tricks.unroll")
            .setDefault(0).optRange(0, 50)
            .setHelp("Unrolled GAN (Metz et al.): G's loss is taken against D after k look-ahead updates, "
                    + "which are then undone (first-order: no gradient through the updates); 0 = off").build());
    public static final ConfigKey<Double> TRICKS_CONSISTENCY = add(ConfigKey.doubleKey("tricks.consistency")
            .setDefault(0.0).optRange(0, 1e6)
            .setHelp("Images: balanced consistency regularization (bCR): λ·(E(D(T(x)) − D(x))² on real and "
                    + "generated batches), T = the tricks.diffAugment parts, else translation; 0 = off").build());
    static {
        addOptimizer("optG", "G");
        addOptimizer("optD", "D");
    }

    // Logging and outputs
    public static final ConfigKey<Integer> LOG_EVERY = add(ConfigKey.intKey("log.every")
            .setDefault(10).optRange(1, 1_000_000)
            .setHelp("Write a metrics row every N G iterations").build());
    public static final ConfigKey<Integer> LOG_FRAME_EVERY = add(ConfigKey.intKey("log.frameEvery")
            .setDefault(100).optRange(1, 1_000_000)
            .setHelp("Save a sample grid / 2D frame every N G iterations").build());
    public static final ConfigKey<Integer> LOG_CHECKPOINT_EVERY = add(ConfigKey.intKey("log.checkpointEvery")
            .setDefault(1000).optRange(1, 100_000_000)
            .setHelp("Write a checkpoint every N G iterations (and at the end)").build());
    public static final ConfigKey<Integer> LOG_NOISE_BANK = add(ConfigKey.intKey("log.noiseBank")
            .setDefault(64).optRange(1, 100_000)
            .setHelp("Size of the fixed noise bank: grid cells (images) or points (2D)").build());
    public static final ConfigKey<Integer> LOG_HEATMAP = add(ConfigKey.intKey("log.heatmap")
            .setDefault(64).optRange(8, 512)
            .setHelp("Resolution of the critic heatmap over the plane (2D)").build());
    public static final ConfigKey<Integer> EVAL_SAMPLES = add(ConfigKey.intKey("eval.samples")
            .setDefault(2500).optRange(1, 10_000_000)
            .setHelp("Generated samples for evaluation (the 2D protocol uses 2500)").build());
    public static final ConfigKey<String> EVAL_CLASSIFIER = add(ConfigKey.stringKey("eval.classifier")
            .setDefault("auto")
            .setHelp("Image runs: the trained classifier (a folder under models/ or a classifier run) whose "
                    + "features give class coverage and the Fréchet distance; auto = models/<data.kind "
                    + "without -mnist>-classifier, e.g. fashion-classifier; none = skip").build());
    public static final ConfigKey<String> EVAL_FEATURES = add(ConfigKey.stringKey("eval.features")
            .setDefault("")
            .setHelp("Image runs: a TorchScript network file (e.g. pytorch-fid's InceptionV3, traced) whose output "
                    + "per image gives the features of the Fréchet distance, precision/recall, density/coverage and "
                    + "KID instead of the classifier's; empty = the classifier's features").build());
    public static final ConfigKey<Integer> EVAL_FEATURES_SIZE = add(ConfigKey.intKey("eval.featuresSize")
            .setDefault(299).optRange(8, 1024)
            .setHelp("The side, in pixels, images are resized to for eval.features (299 for InceptionV3)").build());
    public static final ConfigKey<String> EVAL_FEATURES_RANGE = add(ConfigKey.choiceKey("eval.featuresRange")
            .setDefault("0..1").setChoices("0..1", "-1..1", "0..255")
            .setHelp("The pixel values eval.features takes: 0..1 (pytorch-fid's InceptionV3, which rescales them "
                    + "itself), -1..1, or 0..255 (a network that takes byte values)").build());
    public static final ConfigKey<Boolean> EVAL_FEATURES_INCEPTION = add(ConfigKey.boolKey("eval.featuresInception")
            .setDefault(false)
            .setHelp("true says eval.features is InceptionV3's 2048 pool features, so its Fréchet distance is "
                    + "reported as FID; otherwise it is named after the file").build());

    /** The live keys of each task, and every key by name; after the constants, which fill DECLARED. */
    private static final List<String> GAN_LIVE = liveIn(DECLARED);
    private static final List<String> CLASSIFIER_LIVE = liveIn(ClassifierKeys.declared());
    private static final Map<String, ConfigKey<?>> KEYS = index();

    private static Map<String, ConfigKey<?>> index() {
        var map = new LinkedHashMap<String, ConfigKey<?>>();
        for (ConfigKey<?> k : DECLARED) {
            map.put(k.getName(), k);
        }
        for (ConfigKey<?> k : ClassifierKeys.declared()) {
            map.put(k.getName(), k);
        }
        return Collections.unmodifiableMap(map);
    }

    private static <T> ConfigKey<T> add(ConfigKey<T> key) {
        DECLARED.add(key);
        return key;
    }

    private static void addOptimizer(String prefix, String net) {
        add(ConfigKey.choiceKey(prefix + ".kind").setDefault("adam").setChoices(OPTIMIZERS)
                .setHelp("Optimizer of " + net).build());
        add(ConfigKey.doubleKey(prefix + ".lr").setDefault(2e-4).optRange(0, 10)
                .optLive("lr " + net).setHelp("Learning rate of " + net).build());
        add(ConfigKey.doubleKey(prefix + ".beta1").setDefault(0.5).optRange(0, 0.9999)
                .setHelp("Adam beta1 of " + net + " (WGAN-GP Algorithm 1 uses 0)").build());
        add(ConfigKey.doubleKey(prefix + ".beta2").setDefault(0.999).optRange(0, 0.99999)
                .setHelp("Adam beta2 of " + net).build());
        add(ConfigKey.doubleKey(prefix + ".eps").setDefault(1e-8).optRange(1e-12, 1)
                .setHelp("Epsilon of Adam/RMSProp of " + net).build());
        add(ConfigKey.doubleKey(prefix + ".momentum").setDefault(0.0).optRange(0, 0.9999)
                .setHelp("Momentum of SGD/RMSProp of " + net).build());
        add(ConfigKey.boolKey(prefix + ".nesterov").setDefault(false)
                .setHelp("Nesterov momentum (SGD) of " + net).build());
        add(ConfigKey.doubleKey(prefix + ".alpha").setDefault(0.99).optRange(0, 0.99999)
                .setHelp("RMSProp smoothing constant of " + net + " (PyTorch's alpha)").build());
        add(ConfigKey.doubleKey(prefix + ".weightDecay").setDefault(0.0).optRange(0, 1)
                .setHelp("L2 weight decay of " + net).build());
        add(ConfigKey.doubleKey(prefix + ".finalLr").setDefault(0.01).optRange(0, 10)
                .setHelp("AdaBound of " + net + ": the SGD rate its bounds close in on").build());
        add(ConfigKey.doubleKey(prefix + ".boundGamma").setDefault(1e-3).optRange(0, 1)
                .setHelp("AdaBound of " + net + ": how fast its bounds close in").build());
    }
}
