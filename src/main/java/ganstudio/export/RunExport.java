package ganstudio.export;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

import com.google.gson.Gson;

import ganstudio.config.ConfigSchema;
import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.data.TrainingData;
import ganstudio.nn.GradSequential;
import ganstudio.nn.StateDict;
import ganstudio.runs.RunDirectory;
import ganstudio.train.Devices;
import ganstudio.train.gan.GanSession;
import ganstudio.train.gan.GanTrainer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * export: a GAN run's weights at a checkpoint, as safetensors or npz, under PyTorch state-dict names (see
 * {@link StateDict}) prefixed {@code generator.}, {@code critic.} and, when the run keeps an EMA of G,
 * {@code generator_ema.}. The metadata holds what src/python/ganstudio_load.py needs to build the same networks:
 * the resolved network spec, the step and the run's config.
 */
public final class RunExport {

    /** The metadata's format name; a reader checks it. */
    public static final String FORMAT = "ganstudio-gan/1";

    /** What was written. */
    public record Result(Path file, long step, int tensors, boolean ema, long bytes) {}

    private RunExport() {}

    /** The format a file name asks for: safetensors or npz. */
    public static String formatOf(Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".safetensors")) {
            return "safetensors";
        }
        if (name.endsWith(".npz")) {
            return "npz";
        }
        throw new UserError("--out " + out + ": name it .safetensors or .npz, or give --format safetensors|npz");
    }

    /**
     * @param step the checkpoint's step, or null for the newest readable one
     * @param format safetensors or npz
     */
    public static Result export(Path runDir, Long step, String format, Path out) {
        if (!"safetensors".equals(format) && !"npz".equals(format)) {
            throw new UserError("--format " + format + ": expected safetensors or npz");
        }
        RunDirectory run = RunDirectory.open(runDir);
        RunConfig config = run.readConfig();
        if ("classifier".equals(config.getString(ConfigSchema.TASK))) {
            throw new UserError(runDir + " is a classifier run; export takes GAN runs");
        }
        Path checkpoint = checkpoint(run, runDir, step);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        long at;
        boolean ema = config.getDouble(ConfigSchema.TRICKS_EMA_G) > 0;
        String spec;
        try (GanTrainer trainer = trainerAt(config, checkpoint)) {
            at = trainer.getStep();
            spec = new Gson().toJson(trainer.getSpec());
            add(tensors, "generator.", trainer.generatorNetwork());
            add(tensors, "critic.", trainer.criticNetwork());
            if (ema) {
                trainer.withSamplingWeights(() -> {
                    add(tensors, "generator_ema.", trainer.generatorNetwork());
                    return null;
                });
            }
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("step", Long.toString(at));
        meta.put("spec", spec);
        meta.put("config", config.toJsonObject().toString());
        meta.put("ema", Boolean.toString(ema));
        long bytes = write(out, format, tensors, meta);
        return new Result(out, at, tensors.size(), ema, bytes);
    }

    private static Path checkpoint(RunDirectory run, Path runDir, Long step) {
        if (step == null) {
            return run.latestCheckpoint().orElseThrow(() -> new UserError(runDir + ": has no checkpoint to export"));
        }
        Path wanted = run.checkpointPath(step);
        if (!Files.isDirectory(wanted)) {
            throw new UserError("--step " + step + ": " + runDir + " has no checkpoint at that step; it has "
                    + run.checkpoints().stream().map(p -> p.getFileName().toString().replaceFirst("step-0*(?=\\d)", ""))
                            .sorted().toList());
        }
        return wanted;
    }

    /** The run's networks (and trick state) as they were at a checkpoint, on the CPU. */
    private static GanTrainer trainerAt(RunConfig config, Path checkpoint) {
        GanTrainer trainer = new GanTrainer(config, TrainingData.load(config), Devices.resolve("cpu"));
        try {
            GanSession.loadCheckpoint(trainer, checkpoint);
            return trainer;
        } catch (IOException | RuntimeException e) {
            trainer.close();
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new UserError(checkpoint + ": unreadable checkpoint (" + e.getMessage() + ")");
        }
    }

    private static void add(Map<String, Tensor> tensors, String prefix, GradSequential net) {
        for (Map.Entry<String, NDArray> e : StateDict.of(net).entrySet()) {
            try (NDArray a = e.getValue()) {
                long[] shape = a.getShape().getShape();
                tensors.put(prefix + e.getKey(), a.getDataType() == DataType.INT64
                        ? Tensor.longs(shape, a.toLongArray()) : Tensor.floats(shape, a.toType(DataType.FLOAT32, false)
                                .toFloatArray()));
            }
        }
    }

    /** Written to a temporary file beside the target and renamed, so a failed export leaves no half file. */
    private static long write(Path out, String format, Map<String, Tensor> tensors, Map<String, String> meta) {
        Path dir = out.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".export-", ".tmp");
            try {
                try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                    if ("safetensors".equals(format)) {
                        SafetensorsWriter.write(os, tensors, meta);
                    } else {
                        Map<String, Tensor> all = new LinkedHashMap<>(tensors);
                        all.put("__metadata__", Tensor.bytes(new Gson().toJson(meta).getBytes(
                                java.nio.charset.StandardCharsets.UTF_8)));
                        NpzWriter.write(os, all);
                    }
                }
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return Files.size(out);
        } catch (IOException e) {
            throw new UserError("cannot write " + out + ": " + e.getMessage());
        }
    }

    /** The studio's samples on the run's fixed noise bank at a checkpoint, with the sampling weights (for tests). */
    static float[] fixedNoiseSamples(Path runDir) {
        RunDirectory run = RunDirectory.open(runDir);
        try (GanTrainer trainer = trainerAt(run.readConfig(), run.latestCheckpoint().orElseThrow())) {
            trainer.readFixedNoise(run.readFixedNoise(), runDir.resolve(RunDirectory.FIXED_NOISE));
            return trainer.fixedNoiseSamples();
        }
    }
}
