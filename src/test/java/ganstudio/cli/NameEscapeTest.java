package ganstudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;

import ganstudio.config.Presets;
import ganstudio.config.RunConfig;
import ganstudio.runs.RunDirectory;
import ganstudio.sweep.SweepFolder;
import ganstudio.sweep.SweepPlan;
import ganstudio.sweep.SweepSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding 7 of issue 22: `--set name=x/../../y` makes its folder inside --out, for sweeps (and ablate) as for train. */
class NameEscapeTest {

    @Test
    void sweepFolderStaysInsideOut(@TempDir Path root) {
        Path out = root.resolve("a/b/out");
        String json = "{\"name\": \"x/../../y\", \"presets\": [\"ring8-gan\"]}";
        SweepFolder sweep = SweepFolder.create(out, SweepPlan.expand(SweepSpec.parse(json, "f"), Presets.locate(),
                new JsonObject()));
        assertEquals(out, sweep.getPath().getParent());
        assertTrue(sweep.getPath().getFileName().toString().startsWith("x_.._.._y-"), sweep.getPath().toString());
        assertTrue(sweep.taskDir(sweep.getPlan().task(0)).normalize().startsWith(sweep.getPath()));
    }

    @Test
    void runDirectoryStaysInsideOut(@TempDir Path root) throws Exception {
        Path out = root.resolve("a/b/out");
        RunConfig c = RunConfig.defaults().with("name", "x/../../y").validate("");
        try (RunDirectory run = RunDirectory.create(out, c, new JsonObject())) {
            assertEquals(out, run.getPath().getParent());
            assertTrue(run.getName().startsWith("x_.._.._y-"), run.getName());
        }
        try (Stream<Path> all = Files.walk(root)) {
            assertTrue(all.allMatch(p -> p.equals(root) || root.relativize(p).startsWith("a")),
                    "something was created outside --out");
        }
        assertTrue(Files.notExists(root.resolve("a/y")) && Files.notExists(root.resolve("y")));
    }
}
