package ganstudio.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.runs.RunDirectory;
import ganstudio.train.classify.TinyIdx;
import ganstudio.train.gan.GanSession;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export read back by src/python/ganstudio_load.py under Debian's python3-torch: its generator's samples on the
 * run's fixed noise equal the studio's, for an MLP run and a DCGAN run, from safetensors and from npz.
 */
class RunExportTest {

    static final String PYTHON = "/usr/bin/python3";
    static final Path LOADER = Paths.get("src/python/ganstudio_load.py");

    @TempDir
    Path tmp;

    /** 2D: batch norm in G (running statistics), residual layers, SN on both, packing, minibatch std, the EMA. */
    private static RunConfig mlpRun() {
        return RunConfig.defaults().withValue("data.kind", "ring8").withValue("objective.kind", "nsgan")
                .withValue("model.gWidth", 16).withValue("model.dWidth", 16).withValue("model.depth", 3)
                .withValue("model.gNorm", "batch").withValue("model.residual", true).withValue("batchSize", 32)
                .withValue("tricks.spectralNorm", "both").withValue("tricks.pack", 2)
                .withValue("tricks.minibatchStd", true).withValue("tricks.emaG", 0.9).withValue("log.noiseBank", 16)
                .withValue("log.heatmap", 8).withValue("steps", 12).withValue("log.checkpointEvery", 6)
                .withValue("eval.samples", 100).withValue("threads", 1).withValue("name", "mlp");
    }

    /** Images: group norm in G and D, an extra residual block per stage, leaky ReLU, no EMA. */
    private RunConfig dcganRun() throws IOException {
        Path data = tmp.resolve("img");
        TinyIdx.write(data, "train", 32, 4, 1);
        return RunConfig.defaults().withValue("data.kind", "mnist").withValue("data.path", data.toString())
                .withValue("objective.kind", "hinge").withValue("model.gWidth", 8).withValue("model.dWidth", 8)
                .withValue("model.gNorm", "group").withValue("model.dNorm", "layer").withValue("model.groups", 2)
                .withValue("model.extraBlocks", 1).withValue("model.residual", true)
                .withValue("model.gActivation", "leakyrelu").withValue("batchSize", 8).withValue("log.noiseBank", 4)
                .withValue("eval.classifier", "none").withValue("steps", 3).withValue("log.checkpointEvery", 3)
                .withValue("eval.samples", 16).withValue("threads", 1).withValue("name", "img");
    }

    private Path train(RunConfig c) {
        GanSession s = GanSession.create(c, tmp.resolve("runs"), "test");
        assertEquals("finished", s.runHere(), s.getReason());
        return s.getRunDir();
    }

    @Test
    void pytorchDrawsTheStudiosSamplesFromAnMlpExport() throws Exception {
        checkBothFormats(train(mlpRun()), true);
    }

    @Test
    void pytorchDrawsTheStudiosSamplesFromADcganExport() throws Exception {
        checkBothFormats(train(dcganRun()), false);
    }

    private void checkBothFormats(Path run, boolean ema) throws Exception {
        float[] studio = RunExport.fixedNoiseSamples(run);
        for (String ext : List.of("safetensors", "npz")) {
            Path file = tmp.resolve("export." + ext);
            RunExport.Result r = RunExport.export(run, null, RunExport.formatOf(file), file);
            assertEquals(ema, r.ema());
            assertTrue(Files.size(file) > 1000, file.toString());
            requirePython();
            Path out = tmp.resolve("samples-" + ext + ".npy");
            python(file.toString(), run.resolve(RunDirectory.FIXED_NOISE).toString(), out.toString());
            float[] torch = readNpy(out);
            assertEquals(studio.length, torch.length, "sample count x size");
            double worst = 0;
            for (int i = 0; i < studio.length; i++) {
                worst = Math.max(worst, Math.abs(studio[i] - torch[i]));
            }
            assertTrue(worst < 1e-5, ext + ": max abs difference " + worst);
        }
    }

    @Test
    void aNewRunStartsFromExportedWeights() throws Exception {
        RunConfig config = dcganRun();
        Path source = train(config);
        Path file = tmp.resolve("g.safetensors");
        RunExport.export(source, null, "safetensors", file);
        float[] expected = RunExport.fixedNoiseSamples(source);
        // the same networks, fresh: model.initFrom puts the exported weights in place of model.init's
        try (ganstudio.train.gan.GanTrainer fresh = new ganstudio.train.gan.GanTrainer(config.withValue("seed", 9),
                ganstudio.data.TrainingData.load(config), ganstudio.train.Devices.resolve("cpu"))) {
            assertEquals("started from g.safetensors (generator and critic)", fresh.loadInitialWeights(file));
            RunDirectory run = RunDirectory.open(source);
            fresh.readFixedNoise(run.readFixedNoise(), source.resolve(RunDirectory.FIXED_NOISE));
            assertTrue(java.util.Arrays.equals(expected, fresh.fixedNoiseSamples()), "the same samples");
        }
        // generator-only, unprefixed names (a PyTorch generator's own state dict), as npz
        java.util.Map<String, ganstudio.nn.StateDict.Values> all = ganstudio.nn.WeightFiles.read(file);
        java.util.Map<String, Tensor> plain = new java.util.LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (k.startsWith("generator.")) {
                plain.put(k.substring("generator.".length()), Tensor.floats(v.shape(), v.data()));
            }
        });
        Path onlyG = tmp.resolve("only-g.npz");
        try (java.io.OutputStream os = Files.newOutputStream(onlyG)) {
            NpzWriter.write(os, plain);
        }
        GanSession s = GanSession.create(config.withValue("model.initFrom", onlyG.toString()).withValue("steps", 1),
                tmp.resolve("runs2"), "test");
        assertEquals("finished", s.runHere(), s.getReason());
        assertTrue(RunDirectory.open(s.getRunDir()).readEvents().contains(new RunDirectory.Event(0,
                "started from only-g.npz (generator)")), RunDirectory.open(s.getRunDir()).readEvents().toString());
        // another architecture: refused before any folder, naming the tensor
        GanSession wrong = GanSession.create(config.withValue("model.gWidth", 16)
                .withValue("model.initFrom", file.toString()), tmp.resolve("runs3"), "test");
        assertEquals("failed", wrong.runHere());
        assertTrue(wrong.getReason().startsWith("the weights do not fit the generator of this config: "),
                wrong.getReason());
        assertTrue(wrong.getReason().contains("0.weight is [784, 100], this network's is [1568, 100]"),
                wrong.getReason());
        assertTrue(wrong.failedOnInput());
    }

    @Test
    void anEarlierStepAndBadRequestsAreNamed() throws Exception {
        Path run = train(mlpRun());
        Path file = tmp.resolve("at6.safetensors");
        assertEquals(6, RunExport.export(run, 6L, "safetensors", file).step());
        UserError noStep = assertThrows(UserError.class, () -> RunExport.export(run, 5L, "safetensors", file));
        assertTrue(noStep.getMessage().contains("no checkpoint at that step"), noStep.getMessage());
        assertThrows(UserError.class, () -> RunExport.formatOf(tmp.resolve("weights.bin")));
        assertThrows(UserError.class, () -> RunExport.export(run, null, "onnx", file));
    }

    @Test
    void safetensorsHeaderIsPaddedJsonWithOffsets() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.util.Map<String, Tensor> t = new java.util.LinkedHashMap<>();
        t.put("a", Tensor.floats(new long[] {2}, new float[] {1f, -2f}));
        t.put("n", Tensor.longs(new long[] {}, new long[] {7}));
        SafetensorsWriter.write(bytes, t, java.util.Map.of("format", "x"));
        ByteBuffer b = ByteBuffer.wrap(bytes.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        long n = b.getLong();
        assertEquals(0, n % 8);
        String header = new String(bytes.toByteArray(), 8, (int) n, StandardCharsets.UTF_8).trim();
        assertEquals("{\"__metadata__\":{\"format\":\"x\"},\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"n\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[8,16]}}", header);
        b.position(8 + (int) n);
        assertEquals(1f, b.getFloat());
        assertEquals(-2f, b.getFloat());
        assertEquals(7L, b.getLong());
    }

    static void requirePython() {
        boolean ok;
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import torch, numpy").redirectErrorStream(true).start();
            ok = p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            ok = false;
        }
        String hint = "needs Debian's PyTorch: apt-get install -y python3-torch (.ci/run installs it)";
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(ok, hint);
        }
        Assumptions.assumeTrue(ok, hint);
    }

    private static void python(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(PYTHON, LOADER.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "python did not finish");
        assertEquals(0, p.exitValue(), output);
    }

    /** A float32 .npy as numpy.save writes it. */
    static float[] readNpy(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = b.getShort(8) & 0xffff;
        String header = new String(all, 10, headerLength, StandardCharsets.US_ASCII);
        assertTrue(header.contains("'descr': '<f4'"), header);
        b.position(10 + headerLength);
        float[] out = new float[b.remaining() / 4];
        b.asFloatBuffer().get(out);
        return out;
    }
}
