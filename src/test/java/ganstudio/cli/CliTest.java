package ganstudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;

import ganstudio.runs.RunDirectory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands as a user types them: exit codes and the words they print. */
class CliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                StandardCharsets.UTF_8)).run(args);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anUnexpectedErrorIsOneLineAndExitCode1() {
        Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                StandardCharsets.UTF_8));
        assertEquals(Cli.FAILED, cli.unexpected(new IllegalStateException("boom")));
        // no session log in a test: the line names none
        assertEquals("error: unexpected: boom\n", stderr());
    }

    @Test
    void trainsTheTwinOfARun(@TempDir Path root) throws Exception {
        assertEquals(0, run("train", "--preset", "ring8-gan", "--steps", "4", "--out", root.toString(), "--set",
                "model.gWidth=16", "--set", "model.dWidth=16", "--set", "log.every=2"), stderr());
        Path source = RunDirectory.list(root).get(0);
        out.reset();
        assertEquals(0, run("train", "--twin-of", source.toString(), "--objective", "wgan-gp"), stderr());
        assertTrue(stdout().contains("twin of " + source + " (settings from preset ring8-wgan-gp): objective.kind "
                + "nsgan → wgan-gp, objective.nCritic 1 → 5"), stdout());
        Path twin = RunDirectory.list(root).stream().filter(p -> !p.equals(source)).findFirst().orElseThrow();
        RunDirectory t = RunDirectory.open(twin);
        assertEquals("wgan-gp", t.readConfig().getString("objective.kind"));
        assertEquals(16, t.readConfig().getInt("model.gWidth"));
        assertEquals(4, t.readSummary().get("steps").getAsInt());
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(source.resolve(RunDirectory.FIXED_NOISE)),
                Files.readAllBytes(twin.resolve(RunDirectory.FIXED_NOISE))));
    }

    @Test
    void trainsEvaluatesAndResumesAPreset(@TempDir Path root) throws Exception {
        int code = run("train", "--preset", "ring8-wgan-gp", "--steps", "20", "--seed", "5", "--out", root.toString(),
                "--set", "model.gWidth=32", "--set", "model.dWidth=32", "--set", "log.every=5");
        assertEquals(0, code, stderr());
        List<Path> runs = RunDirectory.list(root);
        assertEquals(1, runs.size());
        assertTrue(stdout().contains("eval: {"), stdout());
        assertTrue(stdout().contains("step 20/20"), stdout());

        out.reset();
        assertEquals(0, run("eval", runs.get(0).toString(), "--samples", "300"), stderr());
        assertTrue(stdout().contains("\"modes\": 8"), stdout());
        assertTrue(stdout().contains("\"samples\": 300"), stdout());
        java.util.regex.Matcher captured = java.util.regex.Pattern.compile("\"modesCaptured\": (\\d+)")
                .matcher(stdout());
        assertTrue(captured.find(), stdout());
        assertTrue(stdout().contains("}\nEvaluation at step 20, 300 samples\n  modes captured  " + captured.group(1)
                + " / 8\n"), "the JSON, then its scores by name: " + stdout());
        assertTrue(Files.readString(runs.get(0).resolve("summary.json")).contains("\"samples\": 300"));
        out.reset();
        assertEquals(0, run("eval", runs.get(0).toString(), "--samples", "300", "--json"), stderr());
        com.google.gson.JsonObject alone = com.google.gson.JsonParser.parseString(stdout()).getAsJsonObject();
        assertEquals(Integer.parseInt(captured.group(1)), alone.get("modesCaptured").getAsInt(), "--json: one object");

        assertEquals(0, run("train", "--resume", runs.get(0).toString(), "--steps", "25"), stderr());
        assertEquals(25, RunDirectory.open(runs.get(0)).readSummary().get("steps").getAsInt());
    }

    @Test
    void badConfigValuesExitWithCodeTwoAndNameTheKey(@TempDir Path root) {
        assertEquals(2, run("train", "--preset", "ring8-wgan", "--set", "objective.lamda=1", "--out", root.toString()));
        assertTrue(stderr().contains("unknown config key 'objective.lamda' (did you mean 'objective.lambda'?)"),
                stderr());
        err.reset();
        assertEquals(2, run("train", "--preset", "ring8-wgan", "--set", "objective.clip=-1", "--out", root.toString()));
        assertTrue(stderr().contains("objective.clip = -1 is not allowed: expected a number in [1.0E-6, 100]"),
                stderr());
        err.reset();
        assertEquals(2, run("train", "--preset", "no-such-preset"));
        assertTrue(stderr().startsWith("error: no preset 'no-such-preset'"), stderr());
        assertFalse(stderr().contains("Exception"), stderr());
    }

    @Test
    void corruptDatasetIsAClearErrorAndLeavesNoRun(@TempDir Path root) throws Exception {
        Path bad = root.resolve("train-images-idx3-ubyte");
        Files.write(bad, new byte[] {0, 0, 8, 3, 0, 0, 0, 5, 0, 0, 0, 28, 0, 0, 0, 28, 1, 2, 3});
        Path runs = root.resolve("runs");
        int code = run("train", "--preset", "fashion-wgan-gp", "--set", "data.kind=idx", "--set",
                "data.path=" + bad, "--out", runs.toString());
        assertEquals(2, code);
        assertTrue(stderr().contains("train-images-idx3-ubyte"), stderr());
        assertTrue(stderr().toLowerCase().contains("truncated"), stderr());
        assertFalse(stderr().contains("Exception"), stderr());
        assertTrue(RunDirectory.list(runs).isEmpty());
    }

    @Test
    void missingGpuIsAClearError(@TempDir Path root) {
        Assumptions.assumeTrue(Engine.getInstance().getGpuCount() == 0, "a GPU is present: nothing to test");
        assertEquals(2, run("train", "--preset", "ring8-gan", "--device", "gpu", "--out", root.toString()));
        assertTrue(stderr().contains("device = gpu: PyTorch sees no GPU here"), stderr());
        assertTrue(RunDirectory.list(root).isEmpty());
    }

    @Test
    void presetsListsTheShippedPresets() {
        assertEquals(0, run("presets"));
        for (String p : new String[] {"ring8-gan", "ring8-wgan", "ring8-wgan-gp", "grid25-gan", "grid25-wgan",
            "grid25-wgan-gp", "fashion-dcgan", "fashion-wgan", "fashion-wgan-gp"}) {
            assertTrue(stdout().contains(p), p);
        }
        out.reset();
        assertEquals(0, run("presets", "--keys"));
        assertTrue(stdout().contains("objective.nCritic"));
        assertEquals(2, run("frobnicate"));
        out.reset();
        assertEquals(0, run("help"));
        assertTrue(stdout().startsWith("Usage: ganstudio [-hV] [COMMAND]\nGAN Studio: train and compare GANs"), stdout());
        out.reset();
        assertEquals(0, run("--version"));
        String[] lines = stdout().split("\n");
        // classes from target/classes carry no manifest version; the jar's do
        assertTrue(lines[0].startsWith("GAN Studio "), stdout());
        assertEquals("DJL 0.33.0, PyTorch 2.5.1 (natives: cpu)", lines[1]);
        assertTrue(lines[3].startsWith("device: cpu ("), stdout());
    }

    @Test
    void benchTimesOneWorkloadAndRejectsUnknownOnes() {
        assertEquals(0, run("bench", "--workloads", "classifier-fashion", "--iters", "1", "--warmup", "0"), stderr());
        assertTrue(stdout().contains("\nmatmul\t"), stdout());
        assertTrue(stdout().matches("(?s).*\\nclassifier-fashion\\t[0-9.]+ ms/iter\\t[0-9]+ samples/s\\t[0-9.]+ "
                + "GFLOP/s\\t[0-9.]+% of matmul\\t\\(3\\.257 GFLOP/iter\\).*"), stdout());
        assertEquals(2, run("bench", "--workloads", "dcgan-gan,nope"));
        assertTrue(stderr().contains("unknown workload 'nope'"), stderr());
        assertEquals(2, run("bench", "--iters", "0"));
    }

    @Test
    void benchSoakReportsResidentMemory() {
        assertEquals(0, run("bench", "--soak", "2", "--soak-every", "1", "--workloads", "classifier-fashion"),
                stderr());
        assertTrue(stdout().contains("iteration\tVmRSS MB"), stdout());
        assertTrue(stdout().contains("# resident memory after warm-up"), stdout());
    }
}
