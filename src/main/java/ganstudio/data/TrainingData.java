package ganstudio.data;

import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.config.ConfigSchema;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * The data a run trains on, resolved from its data.* keys: a 2D mixture, or an image set already at the
 * networks' size and channel count.
 */
public record TrainingData(Mixture2D mixture, ImageSet images) {

    public boolean isTwoDimensional() {
        return mixture != null;
    }

    public int channels() {
        return images == null ? 0 : images.channels();
    }

    public int imageSize() {
        return images == null ? 0 : images.height();
    }

    /** A short description for logs and the run's config.json. */
    public String describe() {
        return mixture != null ? mixture.name() + " (σ = " + mixture.sigma() + ")"
                : images.count() + " images " + images.channels() + "x" + images.height() + "x" + images.width()
                        + " from " + images.source();
    }

    /**
     * Loads or builds the data named by the config.
     *
     * @throws UserError for missing or malformed data, naming the file and the fix
     */
    public static TrainingData load(RunConfig c) {
        return mixture(c).map(m -> new TrainingData(m, null))
                .orElseGet(() -> new TrainingData(null, shape(loadImages(c, c.getString(ConfigSchema.DATA_KIND)), c)));
    }

    /** The 2D mixture a config trains on, or empty for image data; reads no file, so a view may ask. */
    public static Optional<Mixture2D> mixture(RunConfig c) {
        int modes = c.getInt(ConfigSchema.DATA_MODES);
        double radius = c.getDouble(ConfigSchema.DATA_RADIUS);
        double sigma = c.getDouble(ConfigSchema.DATA_SIGMA);
        switch (c.getString(ConfigSchema.DATA_KIND)) {
            case "ring8":
            case "ring":
                return Optional.of(Mixture2D.ring(modes > 0 ? modes : 8, radius > 0 ? radius : 1,
                        sigma > 0 ? sigma : 0.01));
            case "grid25":
            case "grid":
                return Optional.of(Mixture2D.grid(modes > 0 ? modes : 25, radius > 0 ? radius : 4,
                        sigma > 0 ? sigma : 0.05));
            case "spiral":
                return Optional.of(Mixture2D.spiral(sigma > 0 ? sigma : 0.05));
            case "swissroll":
                return Optional.of(Mixture2D.swissroll(sigma > 0 ? sigma : 0.25 / 7.5));
            default:
                return Optional.empty();
        }
    }

    /** The training images of an image config, shaped as the networks see them. */
    public static ImageSet loadTrainImages(RunConfig c) {
        return shape(loadImages(c, c.getString(ConfigSchema.DATA_KIND), true), c);
    }

    /**
     * The test split of an image config (t10k for the MNIST family, test_batch for CIFAR-10), shaped like the
     * training images; empty for kinds without a test split (idx files, folders).
     */
    public static Optional<ImageSet> loadTestImages(RunConfig c) {
        String kind = c.getString(ConfigSchema.DATA_KIND);
        if ("folder".equals(kind) || "idx".equals(kind)) {
            return Optional.empty();
        }
        RunConfig all = c.withValue("data.limit", 0);
        return Optional.of(shape(loadImages(all, kind, false), all));
    }

    private static ImageSet loadImages(RunConfig c, String kind) {
        return loadImages(c, kind, true);
    }

    private static ImageSet loadImages(RunConfig c, String kind, boolean train) {
        String pathText = c.getString(ConfigSchema.DATA_PATH);
        Path path = pathText.isBlank() ? null : Paths.get(pathText);
        switch (kind) {
            case "fashion-mnist":
                if (path == null) {
                    Path dir = IdxReader.defaultFashionMnistDir().orElseThrow(() -> new UserError(
                            "Fashion-MNIST is not installed in " + IdxReader.FASHION_MNIST_DIR
                                    + ": run `apt-get install -y dataset-fashion-mnist`, or set data.path to "
                                    + "a folder with its IDX files"));
                    return IdxReader.readDirectory(dir, train, IdxReader.FASHION_MNIST_CLASSES);
                }
                return IdxReader.readPath(path, train, IdxReader.FASHION_MNIST_CLASSES);
            case "mnist":
                if (path == null) {
                    throw new UserError("data.kind = mnist needs data.path: a folder with train-images-idx3-ubyte"
                            + "[.gz] and train-labels-idx1-ubyte[.gz]");
                }
                return IdxReader.readPath(path, train, IdxReader.MNIST_CLASSES);
            case "idx":
                return IdxReader.readPath(path, true, java.util.List.of());
            case "cifar10":
                if (path == null) {
                    throw new UserError("data.kind = cifar10 needs data.path: the cifar-10-batches-bin folder of the "
                            + "binary version (https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz, extracted)");
                }
                return CifarReader.read(path, train);
            case "folder": {
                int size = c.getInt(ConfigSchema.DATA_IMAGE_SIZE) > 0 ? c.getInt(ConfigSchema.DATA_IMAGE_SIZE) : 32;
                int channels = c.getInt(ConfigSchema.DATA_CHANNELS) > 0 ? c.getInt(ConfigSchema.DATA_CHANNELS) : 3;
                return ImageFolderReader.read(path, size, channels, c.getInt(ConfigSchema.DATA_LIMIT));
            }
            default:
                throw new UserError("data.kind = " + kind + " is not a data set");
        }
    }

    private static ImageSet shape(ImageSet set, RunConfig c) {
        int limit = c.getInt(ConfigSchema.DATA_LIMIT);
        if (limit > 0 && limit < set.count()) {
            set = set.limit(limit);
        }
        int size = c.getInt(ConfigSchema.DATA_IMAGE_SIZE);
        if (size > 0 && size != set.height()) {
            set = ImageTransforms.resize(set, size);
        }
        int channels = c.getInt(ConfigSchema.DATA_CHANNELS);
        if (channels > 0 && channels != set.channels()) {
            set = ImageTransforms.toChannels(set, channels);
        }
        if (set.height() != 28 && set.height() != 32 && set.height() != 64) {
            throw new UserError("images of " + set.height() + " pixels from " + set.source()
                    + ": set data.imageSize to 28, 32 or 64");
        }
        return set;
    }
}
