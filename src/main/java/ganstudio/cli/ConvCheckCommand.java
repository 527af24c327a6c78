package ganstudio.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;

import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.data.ClassifierData;
import ganstudio.data.TrainingData;
import ganstudio.nn.ConvCheck;
import ganstudio.train.gan.GanTrainer;
import ganstudio.train.classify.ClassifierTrainer;
import ganstudio.train.common.EngineSetup;
import ganstudio.config.ConfigSchema;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * `bench --conv-check --preset P [--calls N] [--threads N] [--set k=v]`: lists the convolutions one training step of
 * the preset runs and checks every one that goes through oneDNN against the patches-times-matrix path, N times
 * each (forward and both gradients). Exit 0 when all agree, 1 when a convolution gave a wrong or non-finite
 * answer on this machine (the image GAN NaNs of docs/measurements/few-filter-convolutions-and-nans.md were such a
 * defect, on
 * one CPU).
 */
final class ConvCheckCommand {

    private final PrintStream out;

    ConvCheckCommand(PrintStream out) {
        this.out = out;
    }

    int run(String presetName, List<String> sets, int calls, int threads) {
        if (presetName == null) {
            throw new UserError("bench --conv-check needs --preset NAME|FILE (the network whose convolutions to "
                    + "check)");
        }
        Cli.inRange("--calls", calls, 1, 1_000_000);
        Cli.inRange("--threads", threads, 0, 1024);
        PresetOptions o = new PresetOptions();
        o.preset = presetName;
        o.sets = sets;
        // A few hundred images are enough to build the networks and run one step.
        RunConfig c = o.config().withValue("data.limit", 512).withValue("device", "cpu")
                .withValue("threads", threads).withValue("eval.classifier", "none");
        if ("classifier".equals(c.getString(ConfigSchema.TASK))) {
            c = c.withValue("cls.validation", 0);
        }
        EngineSetup.setThreads(threads);
        List<ConvCheck.Config> configs;
        if ("classifier".equals(c.getString(ConfigSchema.TASK))) {
            try (ClassifierTrainer t = new ClassifierTrainer(c, ClassifierData.load(c), Device.cpu())) {
                configs = ConvCheck.record(t::trainBatch);
            }
        } else {
            try (GanTrainer t = new GanTrainer(c, TrainingData.load(c), Device.cpu())) {
                configs = ConvCheck.record(() -> t.step(true));
            }
        }
        List<ConvCheck.Result> results = new ArrayList<>();
        boolean ok = true;
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            for (ConvCheck.Config config : configs) {
                if (!config.usesOneDnn()) {
                    out.println(config + "\tpatches x matrix (fewer than 16 filters): not checked");
                    continue;
                }
                ConvCheck.Result r = ConvCheck.check(m, config, calls);
                results.add(r);
                ok &= r.ok();
            }
        }
        out.print(ConvCheck.describe(results, () -> cpuModel() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, " + JniUtils.getNumThreads() + " PyTorch thread(s)"));
        out.println(ok ? "all oneDNN convolutions of " + c.getString(ConfigSchema.NAME)
                + " agree with the matrix product"
                : "oneDNN gave wrong or non-finite results on this machine: train on the GPU, or report it with this "
                        + "output");
        return ok ? Cli.OK : Cli.FAILED;
    }

    /** The processor's name (the defect is a CPU's), or the architecture where /proc/cpuinfo is not there. */
    private static String cpuModel() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Paths.get("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }
}
