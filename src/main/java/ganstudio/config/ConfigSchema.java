package ganstudio.config;

import static ganstudio.config.ConfigKey.Type.BOOL;
import static ganstudio.config.ConfigKey.Type.CHOICE;
import static ganstudio.config.ConfigKey.Type.DOUBLE;
import static ganstudio.config.ConfigKey.Type.INT;
import static ganstudio.config.ConfigKey.Type.LONG;
import static ganstudio.config.ConfigKey.Type.STRING;

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
    public static final String[] OBJECTIVES = {"gan", "nsgan", "wgan", "wgan-gp", "lsgan", "hinge"};
    public static final String[] NORMS = {"none", "batch", "group", "layer"};
    public static final String[] ACTIVATIONS = {"relu", "leakyrelu", "gelu"};
    public static final String[] INITS = {"dcgan", "xavier", "he", "orthogonal"};
    public static final String[] OPTIMIZERS = {"sgd", "rmsprop", "adam", "radam", "adabound"};

    private static final List<String> GAN_LIVE = new ArrayList<>();
    private static final List<String> CLASSIFIER_LIVE = new ArrayList<>();
    private static final Map<String, ConfigKey> KEYS = build();

    private ConfigSchema() {}

    public static Collection<ConfigKey> keys() {
        return KEYS.values();
    }

    /** The keys a run of {@code task} ("gan" or "classifier") takes while it trains, in declaration order. */
    public static List<String> liveKeys(String task) {
        return List.copyOf("gan".equals(task) ? GAN_LIVE : CLASSIFIER_LIVE);
    }

    private static List<String> liveIn(List<ConfigKey> keys) {
        List<String> live = new ArrayList<>();
        for (ConfigKey k : keys) {
            if (k.isLiveEditable()) {
                live.add(k.getName());
            }
        }
        return live;
    }

    /** The key with this name, or null. */
    public static ConfigKey find(String name) {
        return KEYS.get(name);
    }

    /** The key with this name; a user error with a suggestion when there is none. */
    public static ConfigKey require(String name) {
        ConfigKey key = KEYS.get(name);
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

    private static Map<String, ConfigKey> build() {
        var list = new ArrayList<ConfigKey>();
        // Run
        list.add(ConfigKey.builder("name", STRING).setDefault("run")
                .setHelp("Name of the run; the run directory is <out>/<name>-<timestamp>").build());
        list.add(ConfigKey.builder("description", STRING).setDefault("").setHelp("Free text").build());
        list.add(ConfigKey.builder("seed", LONG).setDefault(1L).optRange(0, Long.MAX_VALUE)
                .setHelp("Seeds weights, noise, data order and the fixed noise bank").build());
        list.add(ConfigKey.builder("steps", INT).setDefault(2000).optRange(1, 100_000_000)
                .setHelp("Generator iterations to train for").build());
        list.add(ConfigKey.builder("scheduleSteps", INT).setDefault(0).optRange(0, 100_000_000)
                .setHelp("G iterations that lrDecay and the instance-noise annealing span; 0 = steps. `train "
                        + "--resume --steps N` sets it to the run's first length, so a longer run keeps its "
                        + "numbers").build());
        list.add(ConfigKey.builder("batchSize", INT).setDefault(64).optRange(1, 65536)
                .setHelp("Samples per batch, for D and G").build());
        list.add(ConfigKey.builder("device", STRING).setDefault("auto")
                .setHelp("auto (first GPU if present, else CPU), cpu, gpu or gpu:N").build());
        list.add(ConfigKey.builder("threads", INT).setDefault(0).optRange(0, 256)
                .setHelp("CPU threads for PyTorch; 0 = all cores").build());

        list.add(ConfigKey.builder("task", CHOICE).setDefault("gan").setChoices("gan", "classifier")
                .setHelp("gan: train a generator and a critic; classifier: train an image classifier").build());

        // Data
        list.add(ConfigKey.builder("data.kind", CHOICE).setDefault("ring8").setChoices(DATA_KINDS)
                .setHelp("ring8/grid25/ring/grid/spiral/swissroll are 2D; the rest are images").build());
        list.add(ConfigKey.builder("data.path", STRING).setDefault("")
                .setHelp("File or folder of the data set; fashion-mnist is found in "
                        + "/usr/share/datasets/fashion-mnist when empty").build());
        list.add(ConfigKey.builder("data.modes", INT).setDefault(0).optRange(0, 10000)
                .setHelp("Gaussians in a ring or grid (a square for grids); 0 = the benchmark's 8 or 25").build());
        list.add(ConfigKey.builder("data.radius", DOUBLE).setDefault(0.0).optRange(0, 1000)
                .setHelp("Ring radius, or half-width of a grid; 0 = the benchmark's 1 (ring) or 4 (grid)").build());
        list.add(ConfigKey.builder("data.sigma", DOUBLE).setDefault(0.0).optRange(0, 100)
                .setHelp("Std of each Gaussian; 0 = the benchmark's 0.01 (ring) or 0.05 (grid, spiral)").build());
        list.add(ConfigKey.builder("data.scale", DOUBLE).setDefault(1.0).optRange(1e-3, 1e3)
                .setHelp("2D: the networks see samples divided by this and G's output is multiplied by it, so "
                        + "they work at unit scale (WGAN-GP's toy code divides grid25 by 2.828); 1 = raw").build());
        list.add(ConfigKey.builder("data.imageSize", INT).setDefault(0).optRange(0, 64)
                .setHelp("Image side the networks see: 28, 32 or 64; 0 = the data set's own (28 or 32)").build());
        list.add(ConfigKey.builder("data.channels", INT).setDefault(0).optRange(0, 3)
                .setHelp("1 (grayscale) or 3 (RGB); 0 = the data set's own").build());
        list.add(ConfigKey.builder("data.limit", INT).setDefault(0).optRange(0, 100_000_000)
                .setHelp("Use only the first N images; 0 = all").build());

        // Model
        list.add(ConfigKey.builder("model.zDim", INT).setDefault(0).optRange(0, 4096)
                .setHelp("Noise dimension; 0 = 2 for 2D data, 100 for images").build());
        list.add(ConfigKey.builder("model.gWidth", INT).setDefault(0).optRange(0, 8192)
                .setHelp("G hidden units (MLP) or base channels (DCGAN); 0 = 512 (MLP) or 64 (DCGAN)").build());
        list.add(ConfigKey.builder("model.dWidth", INT).setDefault(0).optRange(0, 8192)
                .setHelp("D hidden units (MLP) or base channels (DCGAN); 0 = 512 (MLP) or 64 (DCGAN)").build());
        list.add(ConfigKey.builder("model.depth", INT).setDefault(3).optRange(1, 32)
                .setHelp("Hidden layers of the MLPs (2D data)").build());
        list.add(ConfigKey.builder("model.extraBlocks", INT).setDefault(0).optRange(0, 16)
                .setHelp("DCGAN: extra 3x3 conv blocks at each scale (residual when model.residual)").build());
        list.add(ConfigKey.builder("model.gNorm", CHOICE).setDefault("none").setChoices(NORMS)
                .setHelp("Normalization in G").build());
        list.add(ConfigKey.builder("model.dNorm", CHOICE).setDefault("none").setChoices(NORMS)
                .setHelp("Normalization in D (WGAN-GP: none, layer or group; batch breaks the per-sample "
                        + "penalty)").build());
        list.add(ConfigKey.builder("model.groups", INT).setDefault(8).optRange(1, 1024)
                .setHelp("Groups for group normalization").build());
        list.add(ConfigKey.builder("model.gActivation", CHOICE).setDefault("relu").setChoices(ACTIVATIONS)
                .setHelp("Activation in G").build());
        list.add(ConfigKey.builder("model.dActivation", CHOICE).setDefault("leakyrelu").setChoices(ACTIVATIONS)
                .setHelp("Activation in D").build());
        list.add(ConfigKey.builder("model.slope", DOUBLE).setDefault(0.2).optRange(0, 1)
                .setHelp("Negative slope of leaky ReLU").build());
        list.add(ConfigKey.builder("model.dDropout", DOUBLE).setDefault(0.0).optRange(0, 0.95)
                .setHelp("Dropout probability after each hidden layer of D").build());
        list.add(ConfigKey.builder("model.residual", BOOL).setDefault(false)
                .setHelp("Residual (skip) connections around hidden layers / conv blocks").build());
        list.add(ConfigKey.builder("model.init", CHOICE).setDefault("dcgan").setChoices(INITS)
                .setHelp("Weight init: dcgan = N(0, 0.02), xavier, he, orthogonal").build());

        // Objective
        list.add(ConfigKey.builder("objective.kind", CHOICE).setDefault("nsgan").setChoices(OBJECTIVES)
                .setHelp("gan (minimax), nsgan (non-saturating G loss), wgan (weight clipping), wgan-gp, "
                        + "lsgan, hinge").build());
        list.add(ConfigKey.builder("objective.nCritic", INT).setDefault(1).optRange(1, 1000)
                .optLive("n_critic").setHelp("D (critic) iterations per G iteration").build());
        list.add(ConfigKey.builder("objective.clip", DOUBLE).setDefault(0.01).optRange(1e-6, 100)
                .optLive("clip").setHelp("WGAN weight clipping: every critic weight stays in [-c, c]")
                .build());
        list.add(ConfigKey.builder("objective.lambda", DOUBLE).setDefault(10.0).optRange(0, 1e6)
                .optLive("lambda").setHelp("WGAN-GP gradient penalty weight").build());
        list.add(ConfigKey.builder("objective.burst", BOOL).setDefault(false).optLive("burst")
                .setHelp("WGAN reference schedule: burstCritic critic iterations for the first burstFirst "
                        + "G iterations and every burstEvery-th").build());
        list.add(ConfigKey.builder("objective.burstCritic", INT).setDefault(100).optRange(1, 10000)
                .setHelp("Critic iterations in a burst").build());
        list.add(ConfigKey.builder("objective.burstFirst", INT).setDefault(25).optRange(0, 1_000_000)
                .setHelp("G iterations at the start that get a burst").build());
        list.add(ConfigKey.builder("objective.burstEvery", INT).setDefault(500).optRange(1, 1_000_000)
                .setHelp("Every this many G iterations gets a burst").build());

        list.add(ConfigKey.builder("lrDecay", CHOICE).setDefault("none")
                .setChoices("none", "linear", "cosine", "cyclic")
                .setHelp("Schedule of both learning rates: linear falls to 0 at the last step (as WGAN-GP's code "
                        + "does), cosine likewise along a half cosine, cyclic restarts every lrCycle steps").build());
        list.add(ConfigKey.builder("lrWarmup", INT).setDefault(0).optRange(0, 100_000_000)
                .setHelp("Linear warmup of both learning rates over this many G iterations").build());
        list.add(ConfigKey.builder("lrCycle", INT).setDefault(1000).optRange(1, 100_000_000)
                .setHelp("G iterations per cosine cycle of lrDecay = cyclic").build());
        list.add(ConfigKey.builder("tricks.smoothReal", DOUBLE).setDefault(0.0).optRange(0, 0.5)
                .setHelp("One-sided label smoothing: D's target for real samples is 1 − s (gan, nsgan, lsgan)")
                .build());
        list.add(ConfigKey.builder("tricks.floodD", DOUBLE).setDefault(0.0).optRange(0, 100)
                .setHelp("Flooding of D's loss at level b: |loss − b| + b (gan, nsgan, lsgan, hinge); 0 = off")
                .build());
        list.add(ConfigKey.builder("tricks.instanceNoise", DOUBLE).setDefault(0.0).optRange(0, 10)
                .setHelp("Gaussian noise of this std added to every input of D, annealed linearly to 0 at the "
                        + "last step").build());
        list.add(ConfigKey.builder("tricks.emaG", DOUBLE).setDefault(0.0).optRange(0, 0.99999)
                .setHelp("Exponential moving average of G's weights with this decay (e.g. 0.999); sample grids "
                        + "and evaluation use the average; the decay warms up as min(β, (1+t)/(10+t)) over the "
                        + "first steps; 0 = off").build());
        list.add(ConfigKey.builder("tricks.diffAugment", STRING).setDefault("")
                .setHelp("Images: DiffAugment of every D input, real and fake alike, differentiable for G: a "
                        + "comma list of color, translation, cutout").build());
        list.add(ConfigKey.builder("tricks.mixupD", DOUBLE).setDefault(0.0).optRange(0, 100)
                .setHelp("mixup for D (gan, nsgan, lsgan): D sees λ·real + (1−λ)·fake with target λ, "
                        + "λ ~ Beta(α, α) per sample; 0 = off").build());
        addOptimizer(list, "optG", "G");
        addOptimizer(list, "optD", "D");

        // Logging and outputs
        list.add(ConfigKey.builder("log.every", INT).setDefault(10).optRange(1, 1_000_000)
                .setHelp("Write a metrics row every N G iterations").build());
        list.add(ConfigKey.builder("log.frameEvery", INT).setDefault(100).optRange(1, 1_000_000)
                .setHelp("Save a sample grid / 2D frame every N G iterations").build());
        list.add(ConfigKey.builder("log.checkpointEvery", INT).setDefault(1000).optRange(1, 100_000_000)
                .setHelp("Write a checkpoint every N G iterations (and at the end)").build());
        list.add(ConfigKey.builder("log.noiseBank", INT).setDefault(64).optRange(1, 100_000)
                .setHelp("Size of the fixed noise bank: grid cells (images) or points (2D)").build());
        list.add(ConfigKey.builder("log.heatmap", INT).setDefault(64).optRange(8, 512)
                .setHelp("Resolution of the critic heatmap over the plane (2D)").build());
        list.add(ConfigKey.builder("eval.samples", INT).setDefault(2500).optRange(1, 10_000_000)
                .setHelp("Generated samples for evaluation (the 2D protocol uses 2500)").build());
        list.add(ConfigKey.builder("eval.classifier", STRING).setDefault("auto")
                .setHelp("Image runs: the trained classifier (a folder under models/ or a classifier run) whose "
                        + "features give class coverage and the Fréchet distance; auto = models/<data.kind "
                        + "without -mnist>-classifier, e.g. fashion-classifier; none = skip").build());

        GAN_LIVE.addAll(liveIn(list));
        int shared = list.size();
        ClassifierKeys.addTo(list);
        CLASSIFIER_LIVE.addAll(liveIn(list.subList(shared, list.size())));

        var map = new LinkedHashMap<String, ConfigKey>();
        for (ConfigKey k : list) {
            map.put(k.getName(), k);
        }
        return Collections.unmodifiableMap(map);
    }

    private static void addOptimizer(ArrayList<ConfigKey> list, String prefix, String net) {
        list.add(ConfigKey.builder(prefix + ".kind", CHOICE).setDefault("adam").setChoices(OPTIMIZERS)
                .setHelp("Optimizer of " + net).build());
        list.add(ConfigKey.builder(prefix + ".lr", DOUBLE).setDefault(2e-4).optRange(0, 10)
                .optLive("lr " + net).setHelp("Learning rate of " + net).build());
        list.add(ConfigKey.builder(prefix + ".beta1", DOUBLE).setDefault(0.5).optRange(0, 0.9999)
                .setHelp("Adam beta1 of " + net + " (WGAN-GP Algorithm 1 uses 0)").build());
        list.add(ConfigKey.builder(prefix + ".beta2", DOUBLE).setDefault(0.999).optRange(0, 0.99999)
                .setHelp("Adam beta2 of " + net).build());
        list.add(ConfigKey.builder(prefix + ".eps", DOUBLE).setDefault(1e-8).optRange(1e-12, 1)
                .setHelp("Epsilon of Adam/RMSProp of " + net).build());
        list.add(ConfigKey.builder(prefix + ".momentum", DOUBLE).setDefault(0.0).optRange(0, 0.9999)
                .setHelp("Momentum of SGD/RMSProp of " + net).build());
        list.add(ConfigKey.builder(prefix + ".nesterov", BOOL).setDefault(false)
                .setHelp("Nesterov momentum (SGD) of " + net).build());
        list.add(ConfigKey.builder(prefix + ".alpha", DOUBLE).setDefault(0.99).optRange(0, 0.99999)
                .setHelp("RMSProp smoothing constant of " + net + " (PyTorch's alpha)").build());
        list.add(ConfigKey.builder(prefix + ".weightDecay", DOUBLE).setDefault(0.0).optRange(0, 1)
                .setHelp("L2 weight decay of " + net).build());
        list.add(ConfigKey.builder(prefix + ".finalLr", DOUBLE).setDefault(0.01).optRange(0, 10)
                .setHelp("AdaBound of " + net + ": the SGD rate its bounds close in on").build());
        list.add(ConfigKey.builder(prefix + ".boundGamma", DOUBLE).setDefault(1e-3).optRange(0, 1)
                .setHelp("AdaBound of " + net + ": how fast its bounds close in").build());
    }
}
