package ganstudio.cli;

import ganstudio.config.ConfigSchema;
import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.train.gan.GanSession;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * import: a new run of a GAN preset that starts from weights trained elsewhere (a PyTorch state dict saved as
 * safetensors or npz, or another run's export), i.e. `train --preset P --set model.initFrom=FILE`.
 */
@Command(name = "import", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Start a new run of a GAN preset from weights saved by PyTorch (safetensors or npz, "
                + "generator.* and critic.* names, or a generator's own state_dict) or by `export`.",
            "The same as `train --preset P --set model.initFrom=FILE`; every tensor must fit the preset's networks."})
final class ImportCommand implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;

    @Parameters(paramLabel = "FILE", description = "The weights: FILE.safetensors or FILE.npz.")
    Path file;

    @Mixin
    PresetOptions preset = new PresetOptions();

    @Option(names = "--out", paramLabel = "DIR", order = 10, description = "Where the run's folder goes (default: runs).")
    Path outDir = Paths.get("runs");

    ImportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (preset.preset == null) {
            throw new UserError("import needs --preset NAME|FILE: the networks the weights are for (e.g. "
                    + "--preset fashion-dcgan)");
        }
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": no such file; give the weights as FILE.safetensors or FILE.npz");
        }
        preset.sets.add(ConfigSchema.MODEL_INIT_FROM.getName() + "=" + file.toAbsolutePath());
        RunConfig c = preset.config();
        if ("classifier".equals(c.getString(ConfigSchema.TASK))) {
            throw new UserError("import takes a GAN preset; " + preset.preset + " trains a classifier");
        }
        return TrainCommand.runToEnd(GanSession.create(c, outDir, preset.preset), null, out, err);
    }
}
