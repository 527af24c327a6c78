package ganstudio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The dependency rule of DESIGN.md, checked on the sources' imports. */
class LayeringTest {

    private static final Path SOURCES = Paths.get("src/main/java/ganstudio");

    private static List<String> violations(String importPrefix, String... allowedPackages) throws IOException {
        List<String> bad = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(f.getParent()).toString();
                boolean allowed = false;
                for (String a : allowedPackages) {
                    allowed |= pkg.equals(a) || pkg.startsWith(a + "/");
                }
                if (allowed) {
                    continue;
                }
                for (String line : Files.readAllLines(f)) {
                    if (line.startsWith("import " + importPrefix) || line.startsWith("import static " + importPrefix)) {
                        bad.add(f + ": " + line);
                    }
                }
            }
        }
        return bad;
    }

    @Test
    void nothingBelowUiAndCliImportsJavaFx() throws IOException {
        assertTrue(Files.isDirectory(SOURCES));
        assertEquals(List.of(), violations("javafx.", "ui", "cli"));
    }

    @Test
    void uiNeverSeesAnNdArray() throws IOException {
        List<String> bad = new ArrayList<>();
        Path ui = SOURCES.resolve("ui");
        if (Files.isDirectory(ui)) {
            try (Stream<Path> files = Files.walk(ui)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    for (String line : Files.readAllLines(f)) {
                        if (line.startsWith("import ai.djl.ndarray")) {
                            bad.add(f + ": " + line);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void lowerLayersDoNotReachUp() throws IOException {
        // config and data know nothing of training; media and metrics nothing of DJL.
        assertEquals(List.of(), violations("ganstudio.train", "train", "cli", "ui"));
        assertEquals(List.of(), violations("ai.djl", "nn", "train", "cli", "ui"));
    }
}
