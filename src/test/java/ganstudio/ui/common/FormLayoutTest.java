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

class FormLayoutTest {

    private static final Set<String> CLASSIFIER_PREFIXES = Set.of("cls", "opt", "reg", "adv", "aug", "sched");

    private static boolean isClassifierKey(String key) {
        int dot = key.indexOf('.');
        return dot > 0 && CLASSIFIER_PREFIXES.contains(key.substring(0, dot));
    }

    @Test
    void theClassifierFormIsGroupedByKindOfTrick() {
        FormLayout f = FormLayout.classifier();
        assertEquals(List.of("Run", "Data", "Network", "Loss", "Regularization", "Data augmentation",
                "Optimizer & schedule", "Adversarial", "Logging"),
                f.sections().stream().map(FormLayout.Section::title).toList());
        assertEquals(List.of("name", "seed", "batchSize", "cls.epochs", "device", "threads"), f.section("Run").keys());
        assertEquals("Network", f.sectionOf("cls.arch"));
        assertEquals("Network", f.sectionOf("cls.norm"));
        assertEquals("Loss", f.sectionOf("cls.labelSmoothing"));
        assertEquals("Loss", f.sectionOf("cls.distillT"));
        assertEquals("Regularization", f.sectionOf("cls.dropout"));
        assertEquals("Regularization", f.sectionOf("reg.earlyStopping"));
        assertEquals("Data augmentation", f.sectionOf("aug.mixup"));
        assertEquals("Optimizer & schedule", f.sectionOf("opt.lr"));
        assertEquals("Optimizer & schedule", f.sectionOf("sched.warmupEpochs"));
        assertEquals("Adversarial", f.sectionOf("adv.eps"));
        assertEquals("Data", f.sectionOf("cls.validation"));
        assertEquals("Data", f.sectionOf("data.limit"));
        assertEquals("Logging", f.sectionOf("log.every"));
    }

    @Test
    void everyClassifierKeyIsShownOnceAndNoGanKeyIs() {
        FormLayout f = FormLayout.classifier();
        List<String> shown = f.keys();
        assertEquals(shown.size(), new HashSet<>(shown).size());
        int total = f.sections().stream().mapToInt(s -> s.keys().size()).sum();
        assertEquals(shown.size(), total); // no key in two sections
        for (ConfigKey<?> k : ConfigSchema.keys()) {
            if (isClassifierKey(k.getName())) {
                assertTrue(shown.contains(k.getName()), k.getName());
            }
        }
        for (String gan : List.of("steps", "task", "lrDecay", "objective.kind", "optG.lr", "optD.lr", "model.zDim",
                "data.modes", "log.frameEvery", "eval.samples")) {
            assertNull(f.sectionOf(gan), gan);
        }
    }

    @Test
    void theGanFormShowsNoClassifierKeyAndNoTaskSwitch() {
        FormLayout f = FormLayout.gan();
        assertEquals(FormLayout.GAN_SECTIONS, f.sections().stream().map(FormLayout.Section::title).toList());
        assertFalse(f.keys().contains("task"));
        assertTrue(f.keys().contains("objective.nCritic"));
        assertTrue(f.keys().contains("steps"));
        for (String key : f.keys()) {
            assertFalse(isClassifierKey(key), key);
        }
    }

    @Test
    void labelsDropTheSharedPrefixButKeepMixedOnesApart() {
        FormLayout c = FormLayout.classifier();
        assertEquals("mixup", c.section("Data augmentation").label("aug.mixup"));
        assertEquals("opt.kind", c.section("Optimizer & schedule").label("opt.kind"));
        assertEquals("sched.kind", c.section("Optimizer & schedule").label("sched.kind"));
        assertEquals("epochs", c.section("Run").label("cls.epochs"));
        assertEquals("seed", c.section("Run").label("seed"));
        assertEquals("dropout", c.section("Regularization").label("cls.dropout"));
        assertEquals("reg.l1", c.section("Regularization").label("reg.l1"));
        assertEquals("lr", FormLayout.gan().section("optG").label("optG.lr"));
    }

    @Test
    void sectionTitlesCountTheValuesThatDifferFromTheDefaults() {
        FormLayout f = FormLayout.classifier();
        RunConfig c = RunConfig.defaults().with("task", "classifier");
        FormLayout.Section aug = f.section("Data augmentation");
        assertEquals(0, FormLayout.changedFromDefault(aug, c));
        c = c.with("aug.flip", "true").with("aug.mixup", "0.2").with("aug.crop", "0");
        assertEquals(2, FormLayout.changedFromDefault(aug, c));
        assertEquals(0, FormLayout.changedFromDefault(f.section("Adversarial"), c));
    }
}
