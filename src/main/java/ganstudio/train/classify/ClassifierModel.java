package ganstudio.train.classify;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.nn.ClassifierNetworks;
import ganstudio.nn.ClassifierSpec;
import ganstudio.runs.RunDirectory;
import ganstudio.config.ClassifierKeys;
import ganstudio.config.ConfigSchema;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A classifier network with its parameters on one manager: logits, penultimate features (for the GAN
 * evaluation's Fréchet distance), save and load. Owned by the thread that made it.
 */
public final class ClassifierModel {

    public static final String PARAMS = "model.params";

    private final ClassifierSpec spec;
    private final SequentialBlock net;
    private final ParameterStore ps;

    private ClassifierModel(ClassifierSpec spec, SequentialBlock net, ParameterStore ps) {
        this.spec = spec;
        this.net = net;
        this.ps = ps;
    }

    /** A freshly initialized network. */
    public static ClassifierModel create(ClassifierSpec spec, NDManager manager) {
        SequentialBlock net = ClassifierNetworks.build(spec);
        net.setInitializer(ClassifierNetworks.initializer(spec.init()), Parameter.Type.WEIGHT);
        net.initialize(manager, DataType.FLOAT32, ClassifierNetworks.inputShape(spec, 2));
        return new ClassifierModel(spec, net, new ParameterStore(manager, false));
    }

    public static ClassifierSpec specOf(RunConfig c, int channels, int imageSize, int classes) {
        return new ClassifierSpec(c.getString(ClassifierKeys.CLS_ARCH), channels, imageSize, classes,
                c.getInt(ClassifierKeys.CLS_WIDTH),
                c.getInt(ClassifierKeys.CLS_BLOCKS), c.getString(ClassifierKeys.CLS_NORM),
                        c.getInt(ClassifierKeys.CLS_GROUPS),
                c.getString(ClassifierKeys.CLS_ACTIVATION), c.getDouble(ClassifierKeys.CLS_SLOPE),
                        c.getDouble(ClassifierKeys.CLS_DROPOUT),
                c.getBool(ClassifierKeys.CLS_RESIDUAL), c.getString(ClassifierKeys.CLS_INIT));
    }

    /**
     * A trained classifier from disk: a folder holding config.json and model.params (as shipped in models/),
     * or a classifier run directory (its best weights when it kept them, else its latest checkpoint).
     *
     * @throws UserError when the folder holds no classifier
     */
    public static Loaded load(Path dir, NDManager manager) {
        if (!Files.isRegularFile(dir.resolve(RunDirectory.CONFIG))) {
            throw new UserError(dir + ": not a trained classifier (no config.json); give a classifier run "
                    + "directory or a folder under models/ such as models/fashion-classifier");
        }
        RunDirectory run = RunDirectory.open(dir);
        RunConfig c = run.readConfig();
        if (!"classifier".equals(c.getString(ConfigSchema.TASK))) {
            throw new UserError(dir + ": is a " + c.getString(ConfigSchema.TASK) + " run, not a classifier");
        }
        Path params = dir.resolve(PARAMS);
        if (!Files.isRegularFile(params)) {
            params = dir.resolve("best").resolve(PARAMS);
        }
        if (!Files.isRegularFile(params)) {
            params = run.latestCheckpoint().map(p -> p.resolve(PARAMS)).orElse(params);
        }
        if (!Files.isRegularFile(params)) {
            throw new UserError(dir + ": has no trained weights yet (no model.params, best/ or checkpoint)");
        }
        var info = run.readRunInfo();
        int channels = info.has("channels") ? info.get("channels").getAsInt() : 1;
        int size = info.has("imageSize") ? info.get("imageSize").getAsInt() : 28;
        List<String> names = new ArrayList<>();
        if (info.has("classNames")) {
            info.getAsJsonArray("classNames").forEach(e -> names.add(e.getAsString()));
        }
        int classes = info.has("classes") ? info.get("classes").getAsInt() : Math.max(10, names.size());
        ClassifierModel model = create(specOf(c, channels, size, classes), manager);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(params)))) {
            model.load(in, manager);
        } catch (IOException e) {
            throw new UserError(params + ": unreadable weights (" + e.getMessage() + ")");
        }
        return new Loaded(model, c, names);
    }

    /** A classifier read from disk, with the config it was trained with and its class names. */
    public record Loaded(ClassifierModel model, RunConfig config, List<String> classNames) {}

    public ClassifierSpec getSpec() {
        return spec;
    }

    public ParameterStore getParameterStore() {
        return ps;
    }

    public NDArray logits(NDArray x, boolean training) {
        return net.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    /** The input of the last layer: the features a Fréchet distance compares. */
    public NDArray features(NDArray x) {
        List<Block> layers = new ArrayList<>();
        for (Pair<String, Block> child : net.getChildren()) {
            layers.add(child.getValue());
        }
        NDList h = new NDList(x);
        for (int i = 0; i < layers.size() - 1; i++) {
            h = layers.get(i).forward(ps, h, false);
        }
        return h.singletonOrThrow();
    }

    /** The parameters that gradients update (not the running statistics of normalization layers). */
    public List<Pair<String, Parameter>> trainable() {
        List<Pair<String, Parameter>> list = new ArrayList<>();
        for (Pair<String, Parameter> p : net.getParameters()) {
            if (p.getValue().requiresGradient()) {
                list.add(p);
            }
        }
        return list;
    }

    public long parameterCount() {
        long n = 0;
        for (Pair<String, Parameter> p : trainable()) {
            n += p.getValue().getArray().size();
        }
        return n;
    }

    public void save(DataOutputStream out) throws IOException {
        net.saveParameters(out);
    }

    public void load(DataInputStream in, NDManager manager) throws IOException {
        try {
            net.loadParameters(manager, in);
        } catch (MalformedModelException e) {
            throw new IOException("weights do not match the network of config.json: " + e.getMessage(), e);
        }
        // Loaded arrays are new and do not require gradients yet.
        for (Pair<String, Parameter> p : trainable()) {
            p.getValue().getArray().setRequiresGradient(true);
        }
    }
}
