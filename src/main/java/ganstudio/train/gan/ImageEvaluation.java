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
import ganstudio.metrics.FrechetDistance;
import ganstudio.train.classify.ClassifierModel;
import ganstudio.train.common.EvaluationCancelled;
import ganstudio.config.ConfigSchema;
import ganstudio.metrics.KernelDistance;
import ganstudio.metrics.ManifoldMetrics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Scores an image GAN with a trained classifier of the same data: class coverage of generated samples, and in the
 * classifier's penultimate features the Fréchet distance, precision, recall, density, coverage and the kernel
 * distance between real and generated images. The same
 * distance between the training and the test images is reported as the floor a perfect generator would reach
 * with this many samples.
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

    /** Adds the class coverage and feature-space fields to {@code out}, or a note saying why there are none. */
    public static void evaluate(GanTrainer trainer, RunConfig c, int samples, JsonObject out,
            BooleanSupplier cancelled) {
        Optional<Path> dir = classifierFor(c);
        if (dir.isEmpty()) {
            out.addProperty("note",
                    "no classifier for " + c.getString(ConfigSchema.DATA_KIND) + " in models/ (eval.classifier = "
                    + c.getString(ConfigSchema.EVAL_CLASSIFIER)
                            + "): train one with a classifier preset and copy its run to "
                    + "models/<name>-classifier, see README");
            return;
        }
        ImageSet real = trainer.getData().images();
        try (NDManager manager = NDManager.newBaseManager()) {
            ClassifierModel.Loaded loaded = ClassifierModel.load(dir.get(), manager);
            ClassifierModel model = loaded.model();
            if (model.getSpec().channels() != real.channels() || model.getSpec().imageSize() != real.height()) {
                throw new UserError("eval.classifier " + dir.get() + " takes " + model.getSpec().channels() + "x"
                        + model.getSpec().imageSize() + " images; this run makes " + real.channels() + "x"
                        + real.height());
            }
            int n = Math.min(samples, real.count());
            float[] fake = trainer.sample(n);
            Scores gen = score(model, manager, fake, n, real, cancelled);
            Scores train = score(model, manager, real.pixels(), n, real, cancelled);
            ImageSet test = TrainingData.loadTestImages(c).orElse(null);
            Scores held = test == null ? null : score(model, manager, test.pixels(), Math.min(n, test.count()), test,
                    cancelled);
            ClassCoverage cov = ClassCoverage.of(gen.probabilities);
            out.addProperty("classifier", dir.get().toString());
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
            out.addProperty("frechet", round(FrechetDistance.between(train.features, gen.features)));
            if (held != null) {
                out.addProperty("frechetTrainVsTest", round(FrechetDistance.between(train.features, held.features)));
            }
            ManifoldMetrics manifold = ManifoldMetrics.of(train.features, gen.features);
            out.addProperty("precision", round(manifold.precision()));
            out.addProperty("recall", round(manifold.recall()));
            out.addProperty("density", round(manifold.density()));
            out.addProperty("coverage", round(manifold.coverage()));
            KernelDistance kid = KernelDistance.between(train.features, gen.features, KID_SUBSETS,
                    c.getLong(ConfigSchema.SEED));
            out.addProperty("kernelDistance", round(kid.mean()));
            out.addProperty("kernelDistanceStdErr", round(kid.standardError()));
            out.addProperty("featureDim", gen.features[0].length);
            out.addProperty("features", "the penultimate layer of the classifier above: \"frechet\" is the Fréchet "
                    + "classifier distance and \"kernelDistance\" the KID estimate in those features, not FID or KID "
                    + "in Inception features");
        }
    }

    private record Scores(double[][] features, double[][] probabilities) {}

    /** Features and softmax of the first n images of {@code pixels}. */
    private static Scores score(ClassifierModel model, NDManager manager, float[] pixels, int n, ImageSet like,
            BooleanSupplier cancelled) {
        int len = like.imageSize();
        double[][] feats = new double[n][];
        double[][] probs = new double[n][];
        for (int from = 0; from < n; from += BATCH) {
            if (cancelled.getAsBoolean()) {
                throw new EvaluationCancelled();
            }
            int m = Math.min(BATCH, n - from);
            float[] px = new float[m * len];
            System.arraycopy(pixels, from * len, px, 0, m * len);
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NDArray x = manager.create(px, new Shape(m, like.channels(), like.height(), like.width()));
                NDArray f = model.features(x);
                float[] fv = f.toFloatArray();
                float[] pv = model.logits(x, false).softmax(1).toFloatArray();
                int d = fv.length / m;
                int k = pv.length / m;
                for (int i = 0; i < m; i++) {
                    feats[from + i] = new double[d];
                    probs[from + i] = new double[k];
                    for (int j = 0; j < d; j++) {
                        feats[from + i][j] = fv[i * d + j];
                    }
                    for (int j = 0; j < k; j++) {
                        probs[from + i][j] = pv[i * k + j];
                    }
                }
            }
        }
        return new Scores(feats, probs);
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
