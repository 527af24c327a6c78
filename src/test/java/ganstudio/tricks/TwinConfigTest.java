package ganstudio.tricks;

import ganstudio.config.Presets;
import ganstudio.config.RunConfig;
import ganstudio.config.UserError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The paired experiment's twin: which keys change (from the matching preset) and which stay (the source's). */
class TwinConfigTest {

    private final Presets presets = new Presets(Path.of("models"));

    private static Map<String, String> changes(TwinConfig.Twin t) {
        Map<String, String> m = new LinkedHashMap<>();
        for (TwinConfig.Change c : t.changes()) {
            m.put(c.key(), c.from() + " -> " + c.to());
        }
        return m;
    }

    @Test
    void ganRunsWganTwinTakesObjectiveAndOptimizersFromRing8Wgan() {
        RunConfig source = presets.load("ring8-gan").with("steps", "600").with("seed", "7");
        TwinConfig.Twin twin = TwinConfig.derive(source, "ring8-gan", "wgan", presets);
        assertEquals("ring8-wgan", twin.preset());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("objective.kind", "nsgan -> wgan");
        expected.put("objective.nCritic", "1 -> 5");
        expected.put("optG.kind", "adam -> rmsprop");
        expected.put("optG.lr", "1.0E-4 -> 5.0E-5");
        expected.put("optD.kind", "adam -> rmsprop");
        expected.put("optD.lr", "1.0E-4 -> 5.0E-5");
        assertEquals(expected, changes(twin));
        RunConfig c = twin.config();
        assertEquals("ring8-wgan", c.getString("name"));
        // Everything else is the source's: data, model, seed, batch, steps, logging.
        for (String key : List.of("seed", "steps", "batchSize", "data.kind", "model.gWidth", "model.dWidth",
                "model.zDim", "log.noiseBank", "log.frameEvery")) {
            assertEquals(source.get(key), c.get(key), key);
        }
        assertEquals(7L, c.getLong("seed"));
        assertEquals(256, c.getInt("batchSize")); // ring8-wgan's own 64 is not taken: same batches as the source
        Map<String, Object> diff = c.differencesFrom(source);
        diff.keySet().removeAll(expected.keySet());
        assertEquals(Map.of("name", "ring8-wgan", "description", presets.load("ring8-wgan").getString("description")),
                diff);
    }

    @Test
    void wganGpTwinAndTheReverse() {
        RunConfig gan = presets.load("ring8-gan");
        TwinConfig.Twin gp = TwinConfig.derive(gan, "ring8-gan", "wgan-gp", presets);
        assertEquals("ring8-wgan-gp", gp.preset());
        assertEquals(List.of("objective.kind", "objective.nCritic", "objective.lambda", "lrDecay", "optG.beta2",
                "optD.beta2"), gp.changes().stream().map(TwinConfig.Change::key).toList());
        assertEquals(0.1, gp.config().getDouble("objective.lambda"));
        assertEquals("linear", gp.config().getString("lrDecay"));

        RunConfig wgan = presets.load("ring8-wgan");
        assertEquals("nsgan", TwinConfig.defaultObjective("wgan"));
        assertEquals("wgan", TwinConfig.defaultObjective("nsgan"));
        TwinConfig.Twin back = TwinConfig.derive(wgan, "ring8-wgan", "nsgan", presets);
        assertEquals("ring8-gan", back.preset());
        assertEquals(64, back.config().getInt("batchSize"));
        assertEquals("nsgan", back.config().getString("objective.kind"));
        assertEquals(1, back.config().getInt("objective.nCritic"));
        assertEquals("adam", back.config().getString("optD.kind"));
    }

    @Test
    void settingsTheTwinsObjectiveRefusesComeFromThePreset() {
        // A GAN with label smoothing and a batch-norm critic: WGAN-GP refuses both.
        RunConfig source = presets.load("fashion-dcgan").with("tricks.smoothReal", "0.1");
        TwinConfig.Twin twin = TwinConfig.derive(source, "fashion-dcgan", "wgan-gp", presets);
        assertEquals("fashion-wgan-gp", twin.preset());
        Map<String, String> m = changes(twin);
        assertEquals("batch -> layer", m.get("model.dNorm")); // the fashion-wgan-gp preset's critic norm
        assertEquals("0.1 -> 0.0", m.get("tricks.smoothReal"));
        assertEquals("batch", twin.config().getString("model.gNorm")); // the rest of the model stays
    }

    @Test
    void noMatchingPresetIsAClearError(@TempDir Path dir) throws Exception {
        java.nio.file.Files.copy(Path.of("models/ring8-gan.json"), dir.resolve("ring8-gan.json"));
        Presets only = new Presets(dir);
        UserError e = assertThrows(UserError.class,
                () -> TwinConfig.derive(only.load("ring8-gan"), "ring8-gan", "wgan", only));
        assertTrue(e.getMessage().contains("trains data.kind = ring8 with objective.kind = wgan"), e.getMessage());
    }
}
