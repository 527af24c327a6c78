package ganstudio.train.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;

import com.google.gson.JsonObject;

import ganstudio.config.Presets;
import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.data.ImageSet;
import ganstudio.data.TrainingData;
import ganstudio.metrics.ClassCoverage;
import ganstudio.metrics.FeatureComparison;
import ganstudio.train.classify.ClassifierModel;
import ganstudio.train.common.EvaluationCancelled;
import ganstudio.config.ConfigSchema;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Scores an image GAN with a trained classifier of the same data (class coverage of generated samples) and, in
 * the classifier's penultimate features or those of a TorchScript network the user names ({@code eval.features},
 * see {@link FeatureNetwork}), the Fréchet distance, precision, recall, density, coverage and the kernel distance
 * between real and generated images (see {@link FeatureComparison}).
 */
public final class ImageEvaluation {

    private static final int BATCH = 500;
    /** Subsets for the kernel distance's mean and standard error (KID's reference code uses 100 of 1,000). */
    private static final int KID_SUBSETS = 10;

    private ImageEvaluation() {}

    /** The classifier folder the config asks for, or empty (none, or auto with nothing shipped for the data). */
    public static Optional<Path> classifierFor(RunConfig c) {
        String name = c.getString(ConfigSchema.EVAL_CLASSIFIER);
        if ("none".equals(name)) {
            return Optional.empty();
        }
        if ("auto".equals(name)) {
            String kind = c.getString(ConfigSchema.DATA_KIND).replace("-mnist", "");
            Path p = Presets.locate().getDir().resolve(kind + "-classifier");
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        Path p = Paths.get(name);
        if (!Files.isDirectory(p)) {
            p = Presets.locate().getDir().resolve(name);
        }
        if (!Files.isDirectory(p)) {
            throw new UserError("eval.classifier = " + name + ": no such folder (give a folder under models/ or a "
                    + "classifier run directory, or none)");
        }
        return Optional.of(p);
    }

    /** Whether an image run has anything to be scored with: a classifier, or a feature network of its own. */
    public static boolean canScore(RunConfig c) {
        return classifierFor(c).isPresent() || !c.getString(ConfigSchema.EVAL_FEATURES).isEmpty();
    }

    /**
     * Refuses, before a run trains, what its evaluation would refuse after: a missing classifier folder, and a
     * feature network that is missing, not TorchScript or of the wrong shape (loaded and tried on two images).
     */
    public static void check(RunConfig c, int channels) {
        classifierFor(c);
        if (!c.getString(ConfigSchema.EVAL_FEATURES).isEmpty()) {
            try (NDManager manager = NDManager.newBaseManager();
                    FeatureNetwork net = FeatureNetwork.load(c, channels, manager.getDevice())) {
                net.dimension();
            }
        }
    }

    /**
     * Adds the class coverage (with a classifier) and the feature-space fields (in the classifier's features, or
     * in those of {@code eval.features}) to {@code out}, or a note saying why there are none.
     */
    public static void evaluate(GanTrainer trainer, RunConfig c, int samples, JsonObject out,
            BooleanSupplier cancelled) {
        Optional<Path> dir = classifierFor(c);
        boolean ownFeatures = !c.getString(ConfigSchema.EVAL_FEATURES).isEmpty();
        String noClassifier = "no classifier for " + c.getString(ConfigSchema.DATA_KIND) + " in models/ "
                + "(eval.classifier = " + c.getString(ConfigSchema.EVAL_CLASSIFIER)
                + "): train one with a classifier preset and copy its run to models/<name>-classifier, see README";
        if (dir.isEmpty() && !ownFeatures) {
            out.addProperty("note", noClassifier);
            return;
        }
        ImageSet real = trainer.getData().images();
        int n = Math.min(samples, real.count());
        ImageSet test = TrainingData.loadTestImages(c).orElse(null);
        int held = test == null ? 0 : Math.min(n, test.count());
        try (NDManager manager = NDManager.newBaseManager();
                FeatureNetwork net = ownFeatures ? FeatureNetwork.load(c, real.channels(), manager.getDevice())
                        : null) {
            float[] fake = trainer.sample(n);
            double[][][] features = new double[3][][]; // train, generated, test
            if (dir.isPresent()) {
                double[][][] classifierFeatures = scoreClasses(dir.get(), manager, fake, n, real, test, held, out,
                        cancelled);
                if (net == null) {
                    features = classifierFeatures;
                }
            } else {
                out.addProperty("note", noClassifier + "; class coverage skipped");
            }
            if (net != null) {
                features[0] = net.features(real.pixels(), n, real, cancelled);
                features[1] = net.features(fake, n, real, cancelled);
                features[2] = test == null ? null : net.features(test.pixels(), held, test, cancelled);
                boolean inception = c.getBool(ConfigSchema.EVAL_FEATURES_INCEPTION);
                out.addProperty("featureSpace", net.fileName());
                out.addProperty("frechetName", inception ? "FID" : "Fréchet distance in " + net.fileName()
                        + " features");
                out.addProperty("features", net.describe() + (inception ? ": InceptionV3's pool features as "
                        + "eval.featuresInception says, so \"frechet\" is the FID and \"kernelDistance\" the KID"
                        : ": \"frechet\" is the Fréchet distance and \"kernelDistance\" the KID estimate in those "
                                + "features, not FID or KID unless they are Inception's"));
            } else {
                out.addProperty("featureSpace", "classifier");
                out.addProperty("frechetName", "Fréchet classifier distance");
                out.addProperty("features", "the penultimate layer of the classifier above: \"frechet\" is the "
                        + "Fréchet classifier distance and \"kernelDistance\" the KID estimate in those features, "
                        + "not FID or KID in Inception features");
            }
            FeatureComparison scores = FeatureComparison.of(features[0], features[1], features[2], KID_SUBSETS,
                    c.getLong(ConfigSchema.SEED));
            out.addProperty("frechet", round(scores.frechet()));
            if (features[2] != null) {
                out.addProperty("frechetTrainVsTest", round(scores.frechetTrainVsTest()));
            }
            out.addProperty("precision", round(scores.manifold().precision()));
            out.addProperty("recall", round(scores.manifold().recall()));
            out.addProperty("density", round(scores.manifold().density()));
            out.addProperty("coverage", round(scores.manifold().coverage()));
            out.addProperty("kernelDistance", round(scores.kernel().mean()));
            out.addProperty("kernelDistanceStdErr", round(scores.kernel().standardError()));
            out.addProperty("featureDim", scores.dimension());
        }
    }

    /**
     * Writes the classifier's verdict on the generated images (class counts, coverage, confidence) into out, and
     * returns its penultimate features of the training, generated and test images (null without a test set).
     */
    private static double[][][] scoreClasses(Path dir, NDManager manager, float[] fake, int n, ImageSet real,
            ImageSet test, int held, JsonObject out, BooleanSupplier cancelled) {
        ClassifierModel.Loaded loaded = ClassifierModel.load(dir, manager);
        ClassifierModel model = loaded.model();
        if (model.getSpec().channels() != real.channels() || model.getSpec().imageSize() != real.height()) {
            throw new UserError("eval.classifier " + dir + " takes " + model.getSpec().channels() + "x"
                    + model.getSpec().imageSize() + " images; this run makes " + real.channels() + "x"
                    + real.height());
        }
        Scores gen = score(model, manager, fake, n, real, cancelled);
        Scores train = score(model, manager, real.pixels(), n, real, cancelled);
        Scores heldOut = test == null ? null : score(model, manager, test.pixels(), held, test, cancelled);
        ClassCoverage cov = ClassCoverage.of(gen.probabilities);
        out.addProperty("classifier", dir.toString());
        out.addProperty("classesCovered", cov.classesCovered());
        out.addProperty("classes", cov.counts().length);
        out.addProperty("classKl", round(cov.klToUniform()));
        out.addProperty("meanConfidence", round(cov.meanConfidence()));
        JsonObject counts = new JsonObject();
        for (int k = 0; k < cov.counts().length; k++) {
            String label = k < loaded.classNames().size() ? loaded.classNames().get(k) : String.valueOf(k);
            counts.addProperty(label, cov.counts()[k]);
        }
        out.add("classCounts", counts);
        return new double[][][] {train.features, gen.features, heldOut == null ? null : heldOut.features};
    }

    private record Scores(double[][] features, double[][] probabilities) {}

    /** Features and softmax of the first n images of {@code pixels}. */
    private static Scores score(ClassifierModel model, NDManager manager, float[] pixels, int n, ImageSet like,
            BooleanSupplier cancelled) {
        int len = like.imageSize();
        double[][] feats = new double[n][];
        double[][] probs = new double[n][];
        for (int from = 0; from < n; from += BATCH) {
            int m = Math.min(BATCH, n - from);
            float[] px = batch(pixels, from, m, len, cancelled);
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NDArray x = manager.create(px, new Shape(m, like.channels(), like.height(), like.width()));
                NDArray f = model.features(x);
                toRows(f.toFloatArray(), from, m, feats);
                toRows(model.logits(x, false).softmax(1).toFloatArray(), from, m, probs);
            }
        }
        return new Scores(feats, probs);
    }

    /**
     * Images from..from+m-1 of pixels ({@code len} values each), once the evaluation is known to go on: a batch is
     * where it can stop (see {@link Evaluation}).
     */
    static float[] batch(float[] pixels, int from, int m, int len, BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new EvaluationCancelled();
        }
        float[] px = new float[m * len];
        System.arraycopy(pixels, from * len, px, 0, m * len);
        return px;
    }

    /** The m rows of flat (an m x d batch's output) as rows from..from+m-1 of out. */
    static void toRows(float[] flat, int from, int m, double[][] out) {
        int d = flat.length / m;
        for (int i = 0; i < m; i++) {
            out[from + i] = new double[d];
            for (int j = 0; j < d; j++) {
                out[from + i][j] = flat[i * d + j];
            }
        }
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
