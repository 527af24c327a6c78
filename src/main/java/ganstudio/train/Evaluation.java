package ganstudio.train;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import ganstudio.data.Mixture2D;
import ganstudio.data.ModeCoverage;

/** The evaluation `eval` prints: the published 2D mode-coverage protocol for mixtures. */
public final class Evaluation {

    private Evaluation() {}

    public static JsonObject evaluate(GanTrainer trainer, int samples) {
        JsonObject out = new JsonObject();
        out.addProperty("step", trainer.getStep());
        out.addProperty("samples", samples);
        Mixture2D mix = trainer.getData().mixture();
        if (mix == null) {
            out.addProperty("note", "image runs have no evaluation yet: class coverage and a Fréchet distance "
                    + "need the trained classifier (issue 4)");
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
