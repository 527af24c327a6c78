package ganstudio.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunConfigTest {

    @Test
    void jsonNestsKeysAndRoundTrips() {
        RunConfig c = RunConfig.fromJson("{\"seed\": 7, \"optD\": {\"lr\": 5e-5, \"kind\": \"rmsprop\"},"
                + " \"objective\": {\"kind\": \"wgan\", \"nCritic\": 5}}", "test");
        assertEquals(7L, c.getLong("seed"));
        assertEquals(5e-5, c.getDouble("optD.lr"));
        assertEquals("rmsprop", c.getString("optD.kind"));
        assertEquals(5, c.getInt("objective.nCritic"));
        assertEquals(c, RunConfig.fromJson(c.toJson(), "round trip"));
    }

    @Test
    void unknownKeyIsRejectedWithASuggestion() {
        UserError e = assertThrows(UserError.class,
                () -> RunConfig.fromJson("{\"objective\": {\"lamda\": 10}}", "p.json"));
        assertEquals("p.json: unknown config key 'objective.lamda' (did you mean 'objective.lambda'?); "
                + "`presets --keys` lists every key", e.getMessage());
    }

    @Test
    void outOfRangeValueNamesTheKeyAndTheRange() {
        UserError e = assertThrows(UserError.class, () -> RunConfig.defaults().with("objective.nCritic", "0"));
        assertEquals("objective.nCritic = 0 is not allowed: expected an integer in [1, 1000]", e.getMessage());
        e = assertThrows(UserError.class, () -> RunConfig.defaults().with("optD.lr", "fast"));
        assertEquals("optD.lr = fast is not allowed: expected a number in [0, 10]", e.getMessage());
        e = assertThrows(UserError.class, () -> RunConfig.defaults().with("objective.kind", "wgan-pg"));
        assertEquals("objective.kind = wgan-pg is not allowed: expected one of gan, nsgan, wgan, wgan-gp, wgan-lp, lsgan, "
                + "hinge", e.getMessage());
        e = assertThrows(UserError.class, () -> RunConfig.defaults().with("batchSize", "2.5"));
        assertTrue(e.getMessage().startsWith("batchSize = 2.5 is not allowed"));
    }

    @Test
    void crossKeyRules() {
        RunConfig gpWithBatchNorm = RunConfig.defaults().with("objective.kind", "wgan-gp").with("model.dNorm", "batch");
        UserError e = assertThrows(UserError.class, () -> gpWithBatchNorm.validate(""));
        assertTrue(e.getMessage().contains("model.dNorm = batch does not go with objective.kind = wgan-gp"));
        RunConfig folderWithoutPath = RunConfig.defaults().with("data.kind", "folder");
        e = assertThrows(UserError.class, () -> folderWithoutPath.validate(""));
        assertEquals("data.kind = folder needs data.path (a file or folder of the data)", e.getMessage());
        RunConfig badDevice = RunConfig.defaults().with("device", "tpu");
        e = assertThrows(UserError.class, () -> badDevice.validate(""));
        assertEquals("device = tpu is not allowed: expected auto, cpu, gpu or gpu:N", e.getMessage());
    }

    @Test
    void malformedJsonNamesTheFile() {
        UserError e = assertThrows(UserError.class, () -> RunConfig.fromJson("{\"seed\": ", "bad.json"));
        assertTrue(e.getMessage().startsWith("bad.json: not valid JSON"), e.getMessage());
    }

    @Test
    void everyShippedPresetLoads() {
        Presets presets = new Presets(Paths.get("models"));
        for (String name : new String[] {"ring8-gan", "ring8-wgan", "ring8-wgan-gp", "grid25-gan", "grid25-wgan",
            "grid25-wgan-gp", "fashion-dcgan", "fashion-wgan", "fashion-wgan-gp"}) {
            RunConfig c = presets.load(name);
            assertEquals(name, c.getString("name"));
        }
        RunConfig wgan = presets.load("ring8-wgan");
        assertEquals("rmsprop", wgan.getString("optD.kind"));
        assertEquals(5e-5, wgan.getDouble("optD.lr"));
        assertEquals(0.01, wgan.getDouble("objective.clip"));
        assertEquals(5, wgan.getInt("objective.nCritic"));
        RunConfig gp = presets.load("fashion-wgan-gp");
        assertEquals(1e-4, gp.getDouble("optD.lr"));
        assertEquals(0.5, gp.getDouble("optD.beta1"));
        assertEquals(0.9, gp.getDouble("optD.beta2"));
        assertEquals(10.0, gp.getDouble("objective.lambda"));
    }

    @Test
    void savedPresetLoadsBack(@TempDir Path dir) throws Exception {
        Presets presets = new Presets(dir);
        RunConfig c = RunConfig.defaults().with("name", "mine").with("optG.lr", "0.001");
        Path file = presets.save("mine", c, false);
        assertTrue(Files.exists(file));
        assertEquals(c, presets.load("mine"));
        assertThrows(UserError.class, () -> presets.save("mine", c, false));
        UserError e = assertThrows(UserError.class, () -> presets.load("nope"));
        assertTrue(e.getMessage().startsWith("no preset 'nope'"));
    }
}
