package ganstudio.train.gan;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import ganstudio.config.ConfigSchema;
import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.data.ImageSet;
import ganstudio.data.ImageTransforms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A TorchScript network the user supplies ({@code eval.features}, e.g. pytorch-fid's InceptionV3 traced on their
 * machine) as a feature extractor: images are resized to its side ({@code eval.featuresSize}), grey ones repeated
 * to 3 channels when it takes 3, mapped to its pixel range ({@code eval.featuresRange}), and its first output,
 * flattened per image, is each image's feature vector. A file that is missing, not TorchScript, or gives no row
 * per image is a {@link UserError} naming the file. Owned by the thread that loaded it.
 */
final class FeatureNetwork implements AutoCloseable {

    /** Pixels in one forward batch: about 120 MB of input, 110 InceptionV3 images or 500 small ones. */
    private static final long BATCH_VALUES = 30_000_000L;
    private static final int MAX_BATCH = 500;

    private final Path file;
    private final Model model;
    private final int side;
    private final String range;
    private final int channels;
    private final int dimension;
    private final boolean repeatsGrey;

    private FeatureNetwork(Path file, Model model, int side, String range, int channels, int dimension,
            boolean repeatsGrey) {
        this.file = file;
        this.model = model;
        this.side = side;
        this.range = range;
        this.channels = channels;
        this.dimension = dimension;
        this.repeatsGrey = repeatsGrey;
    }

    /** The network of {@code eval.features}, for images of {@code dataChannels} channels; the caller closes it. */
    static FeatureNetwork load(RunConfig c, int dataChannels, Device device) {
        Path file = Paths.get(c.getString(ConfigSchema.EVAL_FEATURES));
        int side = c.getInt(ConfigSchema.EVAL_FEATURES_SIZE);
        String range = c.getString(ConfigSchema.EVAL_FEATURES_RANGE);
        if (!Files.isRegularFile(file)) {
            throw refused(file, "no such file", "give the path of a TorchScript network (saved with "
                    + "torch.jit.trace(...).save or torch.jit.script(...).save), or leave eval.features empty for the "
                    + "classifier's features");
        }
        if (!Files.isReadable(file)) {
            throw refused(file, "cannot be read", "make it readable by this user");
        }
        Model model = Model.newInstance("features", device, "PyTorch");
        try {
            // mapLocation: weights saved from a GPU load onto this device
            model.load(file, null, Map.of("mapLocation", "true"));
            int[] probed = probe(file, model, side, dataChannels);
            return new FeatureNetwork(file, model, side, range, probed[0], probed[1], probed[0] > dataChannels);
        } catch (IOException | MalformedModelException | EngineException e) {
            model.close();
            throw refused(file, "not a TorchScript network PyTorch can load (" + firstLine(e) + ")",
                    "save it with torch.jit.trace(net, example).save(file) or torch.jit.script(net).save(file)");
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * The channels the network takes, 3 first (grey images repeated), else the data's own, and the length of its
     * feature rows: a forward pass on two black images of each kind until one goes through.
     */
    private static int[] probe(Path file, Model model, int side, int dataChannels) {
        EngineException refusal = null;
        for (int c : dataChannels == 3 ? new int[] {3} : new int[] {3, dataChannels}) {
            try (NDManager manager = model.getNDManager().newSubManager()) {
                NDArray out = forward(model, manager.zeros(new Shape(2, c, side, side)));
                Shape shape = out.getShape();
                if (shape.dimension() == 0 || shape.get(0) != 2 || shape.size() < 2) {
                    throw refused(file, "gives a tensor of shape " + shape + " for a batch of 2 images of " + c + "x"
                            + side + "x" + side, "it must give one row of features per image (shape 2 x d): return "
                            + "the pooled features, e.g. the output of pytorch-fid's InceptionV3 block 3");
                }
                return new int[] {c, (int) (shape.size() / 2)};
            } catch (EngineException e) {
                refusal = refusal == null ? e : refusal;
            }
        }
        String tried = dataChannels == 3 ? "3" : "3 or " + dataChannels;
        throw refused(file, "does not take images of " + tried + " channel(s) at " + side + "x" + side + " ("
                + firstLine(refusal) + ")", "set eval.featuresSize to the side it expects");
    }

    private static NDArray forward(Model model, NDArray images) {
        NDList out = model.getBlock().forward(new ParameterStore(images.getManager(), false), new NDList(images),
                false);
        return out.get(0);
    }

    /** One row of features per image, for the first n images of {@code pixels} shaped like {@code like}. */
    double[][] features(float[] pixels, int n, ImageSet like, BooleanSupplier cancelled) {
        int batch = (int) Math.max(1, Math.min(MAX_BATCH, BATCH_VALUES / ((long) channels * side * side)));
        double[][] rows = new double[n][];
        for (int from = 0; from < n; from += batch) {
            int m = Math.min(batch, n - from);
            float[] px = ImageEvaluation.batch(pixels, from, m, like.imageSize(), cancelled);
            float[] input = prepare(new ImageSet(m, like.channels(), like.height(), like.width(), px, null, null,
                    "evaluation batch"));
            try (NDManager manager = model.getNDManager().newSubManager()) {
                float[] f = forward(model, manager.create(input, new Shape(m, channels, side, side)))
                        .toType(DataType.FLOAT32, false).toFloatArray();
                if (f.length != (long) m * dimension) {
                    throw refused(file, "gave " + f.length + " values for " + m + " images, " + dimension
                            + " each for the first batch", "give every image the same number of features");
                }
                ImageEvaluation.toRows(f, from, m, rows);
            }
        }
        return rows;
    }

    /** [-1, 1] images at the network's side and channels, in its range. */
    float[] prepare(ImageSet batch) {
        ImageSet shaped = ImageTransforms.toChannels(ImageTransforms.resize(batch, side), channels);
        float[] px = shaped.pixels().clone();
        for (int i = 0; i < px.length; i++) {
            px[i] = switch (range) {
                case "0..1" -> (px[i] + 1) / 2;
                case "0..255" -> (px[i] + 1) * 127.5f;
                default -> px[i];
            };
        }
        return px;
    }

    /** "tiny_features.pt" */
    String fileName() {
        return file.getFileName().toString();
    }

    /** What the features are, for the evaluation's note. */
    String describe() {
        return "the output of " + file + " (" + dimension + " values per image; images resized to " + side + "x"
                + side + (repeatsGrey ? ", grey repeated to 3 channels" : "") + ", pixels in " + range + ")";
    }

    int dimension() {
        return dimension;
    }

    int channels() {
        return channels;
    }

    @Override
    public void close() {
        model.close();
    }

    private static UserError refused(Path file, String problem, String fix) {
        return new UserError("eval.features = " + file + ": " + problem + "; " + fix);
    }

    private static String firstLine(Exception e) {
        String m = e == null || e.getMessage() == null ? "no message" : e.getMessage().strip();
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }
}
