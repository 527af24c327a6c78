package ganstudio.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.config.ConfigKey;
import ganstudio.config.ConfigSchema;
import ganstudio.config.RunConfig;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ConfigFormModelTest {

    @Test
    void aBadValueShowsTheSchemaMessageAndDisablesStart() {
        ConfigFormModel form = new ConfigFormModel();
        assertTrue(form.canStart());
        form.set("objective.clip", "-1");
        assertEquals("objective.clip = -1 is not allowed: expected a number in [1.0E-6, 100]",
                form.errorOf("objective.clip"));
        assertFalse(form.canStart());
        assertEquals("-1", form.getText("objective.clip"));
        assertEquals(0.01, form.getConfig().getDouble("objective.clip")); // last valid value kept

        form.set("objective.clip", "0.02");
        assertNull(form.errorOf("objective.clip"));
        assertTrue(form.canStart());
        assertEquals(0.02, form.getConfig().getDouble("objective.clip"));
    }

    @Test
    void notANumberIsRejectedToo() {
        ConfigFormModel form = new ConfigFormModel();
        form.set("steps", "12x");
        assertEquals("steps = 12x is not allowed: expected an integer in [1, 100000000]", form.errorOf("steps"));
        assertFalse(form.canStart());
        form.set("steps", "300");
        assertTrue(form.canStart());
        assertEquals(300, form.getConfig().getInt("steps"));
    }

    @Test
    void aCrossKeyRuleDisablesStartAndIsShownAtTheKeyItNames() {
        ConfigFormModel form = new ConfigFormModel();
        form.set("objective.kind", "wgan-gp");
        form.set("model.dNorm", "batch");
        assertFalse(form.canStart());
        assertEquals("model.dNorm", form.crossErrorKey());
        assertTrue(form.errorOf("model.dNorm").startsWith("model.dNorm = batch does not go with objective.kind"));
        assertTrue(form.getFieldErrors().isEmpty());
        form.set("model.dNorm", "layer");
        assertTrue(form.canStart());
        assertNull(form.getCrossError());
    }

    @Test
    void loadingAPresetReplacesTextsAndClearsErrors() {
        ConfigFormModel form = new ConfigFormModel();
        int[] notified = {0};
        form.addListener(m -> notified[0]++);
        form.set("optD.lr", "abc");
        RunConfig preset = RunConfig.defaults().with("optD.lr", "5e-5").with("steps", "42");
        form.load(preset);
        assertTrue(form.canStart());
        assertEquals("5.0E-5", form.getText("optD.lr"));
        assertEquals("42", form.getText("steps"));
        assertEquals(preset, form.getConfig());
        assertEquals(2, notified[0]);
    }

    @Test
    void everyKeyBelongsToExactlyOneKnownSection() {
        Set<String> seen = new HashSet<>();
        List<String> all = new java.util.ArrayList<>(ConfigFormModel.SECTIONS);
        all.addAll(ConfigFormModel.CLASSIFIER_SECTIONS);
        for (String section : all) {
            for (ConfigKey<?> k : ConfigFormModel.keysOf(section)) {
                assertTrue(seen.add(k.getName()));
            }
        }
        assertEquals(ConfigSchema.keys().size(), seen.size());
        assertEquals("Run", ConfigFormModel.sectionOf("steps"));
        assertEquals("optG", ConfigFormModel.sectionOf("optG.lr"));
    }

    @Test
    void everyKeyIsShownByTheGanOrTheClassifierForm() {
        Set<String> shown = new HashSet<>(FormLayout.gan().keys());
        shown.addAll(FormLayout.classifier().keys());
        Set<String> all = new HashSet<>();
        ConfigSchema.keys().forEach(k -> all.add(k.getName()));
        all.remove("task"); // not a field: the studio's GAN and Classifier tabs are the task
        assertEquals(all, shown);
    }
}
