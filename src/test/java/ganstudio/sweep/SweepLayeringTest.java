package ganstudio.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** A sweep runs and reports on a cluster node with neither a window nor a console: no ui, cli or JavaFX below it. */
class SweepLayeringTest {

    @Test
    void theSweepPackageImportsNeitherUiNorCliNorJavaFx() throws IOException {
        List<String> bad = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Paths.get("src/main/java/ganstudio/sweep"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (line.matches("import (static )?(ganstudio\\.ui\\.|ganstudio\\.cli\\.|javafx\\.).*")) {
                        bad.add(f + ": " + line);
                    }
                }
            }
        }
        assertEquals(List.of(), bad);
    }
}
