package ganstudio.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;

import ganstudio.config.Presets;
import ganstudio.config.UserError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepPlanTest {

    @TempDir
    Path tmp;

    private static SweepPlan plan(String json) {
        return SweepPlan.expand(SweepSpec.parse(json, "f.json"), Presets.locate(), new JsonObject());
    }

    @Test
    void expandsPresetsTimesGridTimesSeedsInFileOrder() {
        SweepPlan p = plan("{\"name\": \"s\", \"presets\": [\"ring8-gan\", \"grid25-gan\"], \"grid\": "
                + "{\"objective.kind\": [\"nsgan\", \"wgan\"], \"optD.lr\": [1e-4, 2e-4]}, \"seeds\": [5, 6], "
                + "\"set\": {\"steps\": 50}}");
        assertEquals(List.of("preset", "objective.kind", "optD.lr"), p.keys());
        assertEquals(8, p.variants().size());
        assertEquals(16, p.tasks().size());
        assertEquals("ring8-gan, objective.kind=nsgan, optD.lr=1e-4", p.variants().get(0).label());
        assertEquals("ring8-gan, objective.kind=nsgan, optD.lr=2e-4", p.variants().get(1).label());
        assertEquals("grid25-gan, objective.kind=wgan, optD.lr=2e-4", p.variants().get(7).label());
        SweepTask t = p.tasks().get(3);
        assertEquals(1, t.variant());
        assertEquals(6, t.seed());
        assertEquals("tasks/003-ring8-gan-nsgan-2e-4-s6", t.folder());
        assertEquals(6L, t.config().getLong("seed"));
        assertEquals(2e-4, t.config().getDouble("optD.lr"), 0);
        assertEquals("nsgan", t.config().getString("objective.kind"));
        assertEquals(50, t.config().getInt("steps"));
        assertEquals("grid25", p.tasks().get(15).config().getString("data.kind"));
        assertEquals(List.of(p.tasks().get(2), p.tasks().get(3)), p.tasksOf(p.variants().get(1)));
    }

    @Test
    void oneBadValueRefusesTheWholeSweepNamingTaskAndKey() {
        UserError e = assertThrows(UserError.class, () -> plan("{\"name\": \"s\", \"presets\": [\"ring8-gan\"], "
                + "\"grid\": {\"optD.lr\": [1e-4, -1]}, \"seeds\": 2}"));
        assertTrue(e.getMessage().startsWith("s: task 2 (ring8-gan, optD.lr=-1, seed 1): optD.lr"), e.getMessage());
        UserError unknown = assertThrows(UserError.class, () -> plan("{\"name\": \"s\", \"presets\": [\"ring8-gan\"],"
                + " \"set\": {\"objective.kinda\": \"wgan\"}}"));
        assertTrue(unknown.getMessage().contains("objective.kinda"), unknown.getMessage());
        UserError preset = assertThrows(UserError.class, () -> plan("{\"name\": \"s\", \"presets\": [\"nope\"]}"));
        assertTrue(preset.getMessage().contains("no preset 'nope'"), preset.getMessage());
    }

    @Test
    void sweepJsonRoundTrips() {
        SweepPlan p = plan("{\"name\": \"s\", \"presets\": [\"ring8-gan\"], \"variants\": [{\"label\": \"base\"}, "
                + "{\"label\": \"fast\", \"set\": {\"optG.lr\": 0.001}}], \"seeds\": 2, \"set\": {\"steps\": 40}}");
        SweepFolder f = SweepFolder.create(tmp, p);
        assertTrue(Files.isDirectory(f.getPath().resolve("tasks")));
        SweepPlan back = SweepFolder.open(f.getPath()).getPlan();
        assertEquals(p.keys(), back.keys());
        assertEquals(p.variants(), back.variants());
        assertEquals(p.tasks(), back.tasks());
        assertEquals(Map.of("optG.lr", "0.001"), back.variants().get(1).settings());
        assertEquals(TaskState.Kind.QUEUED, f.state(back.tasks().get(0)).kind());
        assertFalse(SweepFolder.isSweep(tmp));
        assertTrue(SweepFolder.isSweep(f.getPath()));
    }

    @Test
    void aDamagedPlanIsOneLineNamingTheFile() throws Exception {
        Path d = Files.createDirectories(tmp.resolve("s"));
        Files.writeString(d.resolve("sweep.json"), "{\"format\": 1, \"name\": \"s\"}");
        UserError e = assertThrows(UserError.class, () -> SweepPlan.read(d));
        assertTrue(e.getMessage().startsWith(d.resolve("sweep.json").toString()), e.getMessage());
        Files.writeString(d.resolve("sweep.json"), "{\"format\": 1, \"name\": \"s\", \"description\": \"\", "
                + "\"created\": \"x\", \"keys\": [], \"variants\": [{\"index\": 0, \"label\": \"\", \"preset\": \"p\", "
                + "\"settings\": {}}], \"tasks\": [{\"index\": 0, \"variant\": 0, \"seed\": 1, \"folder\": "
                + "\"tasks/../../etc\", \"preset\": \"p\", \"config\": {}}], \"source\": {}}");
        UserError escape = assertThrows(UserError.class, () -> SweepPlan.read(d));
        assertTrue(escape.getMessage().contains("task 0 is damaged"), escape.getMessage());
        UserError none = assertThrows(UserError.class, () -> SweepPlan.read(tmp));
        assertTrue(none.getMessage().contains("not a sweep folder"), none.getMessage());
    }
}
