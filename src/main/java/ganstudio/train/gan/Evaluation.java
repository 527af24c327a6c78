package ganstudio.train.gan;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.function.BooleanSupplier;

import ganstudio.data.Mixture2D;
import ganstudio.data.ModeCoverage;
import ganstudio.train.common.EvaluationCancelled;
import ganstudio.config.RunConfig;

/** The evaluation `eval` prints: the published 2D mode-coverage protocol, or classifier scores for images. */
public final class Evaluation {

    private Evaluation() {}

    public static JsonObject evaluate(GanTrainer trainer, int samples) {
        return evaluate(trainer, null, samples);
    }

    /**
     * Mode coverage for 2D mixtures; for images, class coverage and a Fréchet distance through the classifier
     * the config names (see {@link ImageEvaluation}).
     */
    public static JsonObject evaluate(GanTrainer trainer, ganstudio.config.RunConfig config, int samples) {
        return evaluate(trainer, config, samples, () -> false);
    }

    /**
     * As {@link #evaluate(GanTrainer, ganstudio.config.RunConfig, int)}, checking cancelled between batches of
     * the image evaluation (it runs for a minute on a busy CPU; a JVM that exits under a running native
     * convolution crashes) and throwing {@link EvaluationCancelled} when it says so.
     */
    public static JsonObject evaluate(GanTrainer trainer, ganstudio.config.RunConfig config, int samples,
            BooleanSupplier cancelled) {
        JsonObject out = new JsonObject();
        out.addProperty("step", trainer.getStep());
        out.addProperty("samples", samples);
        Mixture2D mix = trainer.getData().mixture();
        if (mix == null) {
            if (config == null) {
                out.addProperty("note", "image evaluation needs the run's config");
            } else {
                ImageEvaluation.evaluate(trainer, config, samples, out, cancelled);
            }
            return out;
        }
        out.addProperty("data", mix.name());
        if (!mix.hasModes()) {
            out.addProperty("note", mix.name() + " has no modes to count");
            return out;
        }
        ModeCoverage.Result r = ModeCoverage.evaluate(mix, trainer.sample(samples));
        out.addProperty("modesCaptured", r.modesCaptured());
        out.addProperty("modes", r.modes());
        out.addProperty("highQualityFraction", r.highQualityFraction());
        out.addProperty("kl", r.kl());
        JsonArray counts = new JsonArray();
        for (int c : r.modeCounts()) {
            counts.add(c);
        }
        out.add("modeCounts", counts);
        return out;
    }
}
