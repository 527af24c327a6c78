package ganstudio.ui.sweeps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The values typed for a key of a new study: split, unquoted, and checked with the schema's own words. */
class StudyValuesTest {

    @Test
    void commaSeparatedValuesAreTrimmedAndKeptAsTyped() {
        StudyValues.Parsed p = StudyValues.parse("optD.lr", " 1e-4, 2e-4 ,5E-4");
        assertNull(p.problem());
        assertEquals(List.of("1e-4", "2e-4", "5E-4"), p.values());
    }

    @Test
    void aValueHoldingACommaGoesInQuotes() {
        assertEquals(List.of("color,translation", "cutout", ""), StudyValues.split("\"color,translation\", cutout,"));
        StudyValues.Parsed p = StudyValues.parse("tricks.diffAugment", "\"color,translation\", cutout");
        assertEquals(List.of("color,translation", "cutout"), p.values());
        assertEquals("a value opens a double quote and does not close it",
                StudyValues.parse("tricks.diffAugment", "\"color, cutout").problem());
    }

    @Test
    void aValueOutOfRangeIsRefusedWithTheSchemasWords() {
        assertEquals("objective.clip = -1 is not allowed: expected a number in [1.0E-6, 100]",
                StudyValues.parse("objective.clip", "0.01, -1").problem());
        assertEquals("objective.kind = wgan-pg is not allowed: expected one of gan, nsgan, wgan, wgan-gp, wgan-lp, lsgan, hinge",
                StudyValues.parse("objective.kind", "nsgan, wgan-pg").problem());
    }

    @Test
    void emptyRepeatedAndUnvariableValuesAreRefused() {
        assertEquals("objective.kind: type one or more values, separated by commas",
                StudyValues.parse("objective.kind", "  ").problem());
        assertEquals("objective.kind: an empty value between two commas",
                StudyValues.parse("objective.kind", "nsgan,,wgan").problem());
        assertEquals("objective.kind: wgan is given twice", StudyValues.parse("objective.kind", "wgan, wgan").problem());
        assertEquals("optD.lr: 1e-4 and 0.0001 are the same value",
                StudyValues.parse("optD.lr", "1e-4, 0.0001").problem());
        assertEquals("seeds are set below (Seeds), and the report averages over them",
                StudyValues.parse("seed", "1, 2").problem());
        assertEquals("name cannot vary within a study", StudyValues.parse("name", "a, b").problem());
        assertEquals("pick a key to vary", StudyValues.parse(" ", "1").problem());
    }

    @Test
    void anUnknownKeyIsNamedWithASuggestion() {
        String p = StudyValues.parse("optD.lrr", "1e-4").problem();
        assertTrue(p.startsWith("unknown config key 'optD.lrr' (did you mean 'optD.lr'?)"), p);
    }
}
