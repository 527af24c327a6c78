package ganstudio.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.config.UserError;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SweepSpecTest {

    @Test
    void theIssuesExampleIsFourTasks() {
        SweepSpec s = SweepSpec.parse("{\"name\": \"gan-vs-wgan\", \"presets\": [\"ring8-gan\"], \"grid\": "
                + "{\"objective.kind\": [\"nsgan\", \"wgan\"]}, \"seeds\": 2, \"set\": {\"steps\": 200}}", "f.json");
        assertEquals("gan-vs-wgan", s.name());
        assertEquals(List.of("ring8-gan"), s.presets());
        assertEquals(Map.of("objective.kind", List.of("nsgan", "wgan")), s.grid());
        assertEquals(List.of(1L, 2L), s.seeds());
        assertEquals(Map.of("steps", "200"), s.set());
        assertEquals(4, s.taskCount());
    }

    @Test
    void valuesKeepTheirWrittenFormAndSeedsMayBeAList() {
        SweepSpec s = SweepSpec.parse("{\"name\": \"n\", \"preset\": \"ring8-gan\", \"grid\": {\"optD.lr\": [1e-4, "
                + "0.0002], \"objective.burst\": [true, false]}, \"seeds\": [3, 7, 11]}", "f");
        assertEquals(List.of("1e-4", "0.0002"), s.grid().get("optD.lr"));
        assertEquals(List.of("true", "false"), s.grid().get("objective.burst"));
        assertEquals(List.of(3L, 7L, 11L), s.seeds());
        assertEquals(12, s.taskCount());
    }

    @Test
    void explicitVariantsMultiplyTheGrid() {
        SweepSpec s = SweepSpec.parse("{\"name\": \"n\", \"presets\": [\"a\", \"b\"], \"variants\": [{\"label\": "
                + "\"baseline\"}, {\"label\": \"mixup\", \"set\": {\"cls.mixup\": 0.2}}], \"grid\": {\"k\": [1, 2, 3]},"
                + " \"seeds\": 2}", "f");
        assertEquals(2 * 2 * 3 * 2, s.taskCount());
        assertEquals(Map.of("cls.mixup", "0.2"), s.variants().get(1).settings());
    }

    @Test
    void badFilesAreRefusedNamingTheField() {
        assertMessage("{\"presets\": [\"x\"]}", "\"name\" is missing");
        assertMessage("{\"name\": \"n\"}", "\"presets\" is missing");
        assertMessage("{\"name\": \"n\", \"presets\": []}", "\"presets\" is empty");
        assertMessage("{\"name\": \"n\", \"presets\": [\"x\"], \"grids\": {}}", "unknown field 'grids'");
        assertMessage("{\"name\": \"n\", \"presets\": [\"x\"], \"seeds\": 0}", "seeds = 0");
        assertMessage("{\"name\": \"n\", \"presets\": [\"x\"], \"seeds\": 2.5}", "not a whole number");
        assertMessage("{\"name\": \"n\", \"presets\": [\"x\"], \"seeds\": [1, 1]}", "lists 1 twice");
        assertMessage("{\"name\": \"n\", \"presets\": [\"x\"], \"grid\": {\"k\": []}}", "grid.k has no values");
        assertMessage("{\"name\": \"n\", \"presets\": [\"x\"], \"grid\": {\"seed\": [1, 2]}}", "grid.seed");
        assertMessage("{\"name\": \"n\", \"presets\": [\"x\"], \"grid\": {\"k\": [{\"a\": 1}]}}", "grid.k");
        assertMessage("{\"name\": \"n\", \"presets\": [\"x\"], \"set\": {\"seed\": 4}}", "set.seed");
        assertMessage("{\"name\": \"n\", \"presets\": [\"x\"], \"seeds\": 10000, \"grid\": {\"k\": [1, 2]}}",
                "20000 tasks");
        assertMessage("[1, 2]", "a sweep is a JSON object");
        assertMessage("{\"name\": ", "not valid JSON");
    }

    private static void assertMessage(String json, String part) {
        UserError e = assertThrows(UserError.class, () -> SweepSpec.parse(json, "study.json"));
        assertTrue(e.getMessage().startsWith("study.json"), e.getMessage());
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
