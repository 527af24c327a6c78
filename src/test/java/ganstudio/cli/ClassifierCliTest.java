package ganstudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.train.classify.TinyIdx;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train and ablate with a classifier preset file, on a tiny generated IDX set. */
class ClassifierCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                StandardCharsets.UTF_8)).run(args);
    }

    private Path preset(Path root) throws Exception {
        Path data = root.resolve("data");
        TinyIdx.write(data, "train", 160, 4, 1);
        TinyIdx.write(data, "t10k", 40, 4, 2);
        Path p = root.resolve("tiny-classifier.json");
        Files.writeString(p, "{\"name\": \"tiny\", \"description\": \"bars\", \"task\": \"classifier\", \"batchSize\": 32,"
                + " \"threads\": 1, \"data\": {\"kind\": \"mnist\", \"path\": \"" + data.toString().replace("\\", "/")
                + "\"}, \"cls\": {\"epochs\": 1, \"width\": 4, \"validation\": 32}}");
        return p;
    }

    @Test
    void trainPrintsTheTestReport(@TempDir Path root) throws Exception {
        int code = run("train", "--preset", preset(root).toString(), "--epochs", "2", "--out",
                root.resolve("runs").toString());
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(text.contains("epoch 2/2"), text);
        assertTrue(text.contains("test: 40 images  top-1"), text);
        assertTrue(text.contains("per class: T-shirt") || text.contains("per class: 0 "), text);
    }

    @Test
    void ablateWritesOneRowPerVariant(@TempDir Path root) throws Exception {
        int code = run("ablate", "--preset", preset(root).toString(), "--tricks", "label-smoothing,flip", "--seeds",
                "2", "--out", root.resolve("abl").toString());
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        Path dir;
        try (Stream<Path> s = Files.list(root.resolve("abl"))) {
            dir = s.findFirst().orElseThrow();
        }
        List<String> csv = Files.readAllLines(dir.resolve("ablation.csv"));
        assertEquals(4, csv.size(), String.join("\n", csv)); // header + baseline + 2 tricks
        assertTrue(csv.get(1).startsWith("baseline,\"\",2,"), csv.get(1));
        assertTrue(csv.get(2).startsWith("label-smoothing,\"cls.labelSmoothing=0.1\",2,"), csv.get(2));
        String md = Files.readString(dir.resolve("ablation.md"));
        assertTrue(md.contains("| flip | `aug.flip=true` | 2 |"), md);
    }

    @Test
    void unknownTricksAndGanPresetsAreInputErrors(@TempDir Path root) throws Exception {
        assertEquals(2, run("ablate", "--preset", preset(root).toString(), "--tricks", "magic"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown trick 'magic'"));
        assertEquals(2, run("ablate", "--preset", "ring8-gan"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("takes a classifier preset"));
    }

    @Test
    void varianceOfTheTableIsTheSampleStd() {
        AblateCommand.Variant v = new AblateCommand.Variant("x", "", List.of(0.90, 0.92, 0.94), List.of(), List.of());
        assertEquals(0.92, v.mean(v.top1()), 1e-12);
        assertEquals(0.02, v.std(v.top1()), 1e-12);
    }
}
