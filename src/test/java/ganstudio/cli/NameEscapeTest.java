package ganstudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;

import ganstudio.config.RunConfig;
import ganstudio.runs.RunDirectory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding 7 of issue 22: `--set name=x/../../y` makes its folder inside --out, for ablate as for train. */
class NameEscapeTest {

    @Test
    void ablateFolderStaysInsideOut(@TempDir Path root) {
        Path out = root.resolve("a/b/out");
        Path dir = AblateCommand.folder(out, "x/../../y", "20261206-120000");
        assertEquals(out.resolve("ablation-x_.._.._y-20261206-120000"), dir);
        assertTrue(dir.normalize().startsWith(out), dir.toString());
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
