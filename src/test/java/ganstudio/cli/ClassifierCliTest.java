package ganstudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.sweep.SweepFolder;
import ganstudio.sweep.SweepPlan;
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
    void ablateIsASweepWithOneRowPerVariant(@TempDir Path root) throws Exception {
        int code = run("ablate", "--preset", preset(root).toString(), "--tricks", "label-smoothing,flip", "--seeds",
                "2", "--out", root.resolve("abl").toString());
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        Path dir;
        try (Stream<Path> s = Files.list(root.resolve("abl"))) {
            dir = s.findFirst().orElseThrow();
        }
        assertTrue(dir.getFileName().toString().startsWith("ablate-tiny-"), dir.toString());
        List<String> csv = Files.readAllLines(dir.resolve("report.csv"));
        assertEquals(4, csv.size(), String.join("\n", csv)); // header + baseline + 2 tricks
        assertTrue(csv.get(1).startsWith("0,baseline,"), csv.get(1));
        assertTrue(csv.get(2).startsWith("1,label-smoothing,"), csv.get(2));
        assertTrue(csv.get(3).startsWith("2,flip,"), csv.get(3));
        assertTrue(csv.get(3).endsWith(",2,0,0," + csv.get(3).substring(csv.get(3).lastIndexOf(',') + 1)), csv.get(3));
        SweepPlan plan = SweepFolder.open(dir).getPlan();
        assertEquals(6, plan.tasks().size());
        assertEquals(0.1, plan.tasks().get(2).config().getDouble("cls.labelSmoothing"), 0);
        assertTrue(plan.tasks().get(4).config().getBool("aug.flip"));
        assertTrue(Files.readString(dir.resolve("report.md")).contains("flip"));
    }

    @Test
    void ablateTakesGanPresetsAndLeavesOutTricksThatDoNotFit(@TempDir Path root) throws Exception {
        int code = run("ablate", "--preset", "ring8-wgan", "--steps", "20", "--set", "eval.samples=300", "--set",
                "log.frameEvery=1000", "--tricks", "instance-noise,ema-g", "--out", root.resolve("abl").toString());
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        Path dir;
        try (Stream<Path> s = Files.list(root.resolve("abl"))) {
            dir = s.findFirst().orElseThrow();
        }
        SweepPlan plan = SweepFolder.open(dir).getPlan();
        assertEquals(List.of("baseline", "instance-noise", "ema-g"),
                plan.variants().stream().map(SweepPlan.Variant::label).toList());
        assertEquals(0.999, plan.tasks().get(2).config().getDouble("tricks.emaG"), 0);
        assertEquals(20, plan.tasks().get(0).config().getInt("steps"));
        // smooth-real is a non-saturating GAN trick: asked for by name on a WGAN it is refused, by default left out
        assertEquals(2, run("ablate", "--preset", "ring8-wgan", "--tricks", "smooth-real"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("trick smooth-real does not fit ring8-wgan"),
                err.toString(StandardCharsets.UTF_8));
        // WGAN-LP replaces WGAN-GP's penalty; on another objective it is no added trick
        assertEquals(2, run("ablate", "--preset", "ring8-gan", "--tricks", "wgan-lp"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("wgan-lp is for objective.kind wgan-gp, not nsgan"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unknownTricksAndTricksOfTheOtherTaskAreInputErrors(@TempDir Path root) throws Exception {
        assertEquals(2, run("ablate", "--preset", preset(root).toString(), "--tricks", "magic"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown trick 'magic'"));
        assertEquals(2, run("ablate", "--preset", "ring8-gan", "--tricks", "mixup"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("'mixup' is a classifier trick"),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(2, run("ablate", "--preset", "ring8-gan", "--epochs", "3"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--epochs does not apply to a gan preset"));
    }
}
