package ganstudio.train.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ganstudio.config.ConfigSchema;
import ganstudio.config.RunConfig;
import ganstudio.config.UserError;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The live keys are declared once, in ConfigSchema; LiveSettings takes exactly those. */
class LiveSettingsTest {

    @Test
    void everyKeyTheSchemaMarksLiveIsTakenAndReadBack() {
        assertEquals(List.of("objective.nCritic", "objective.clip", "objective.lambda", "objective.burst", "optG.lr",
                "optD.lr"), ConfigSchema.liveKeys("gan"));
        LiveSettings live = new LiveSettings(RunConfig.defaults());
        for (String key : ConfigSchema.liveKeys("gan")) {
            double value = "objective.burst".equals(key) ? 1 : 3;
            assertEquals(key + " = " + value, live.apply(key, value));
            assertEquals(value, live.get(key), 1e-6, key);
        }
        assertEquals(3, live.schedule().nCritic());
        assertEquals(true, live.schedule().burst());
    }

    @Test
    void aKeyTheSchemaDoesNotMarkLiveIsRefusedNamingTheLiveOnes() {
        LiveSettings live = new LiveSettings(RunConfig.defaults());
        UserError e = assertThrows(UserError.class, () -> live.apply("objective.burstCritic", 5));
        assertEquals("objective.burstCritic cannot be changed while training; live keys: objective.nCritic, "
                + "objective.clip, objective.lambda, objective.burst, optG.lr, optD.lr", e.getMessage());
        assertEquals(List.of("opt.lr"), ConfigSchema.liveKeys("classifier"));
    }
}
