package ganstudio.cli;

import ganstudio.export.RunExport;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `export RUN_DIR --out FILE.safetensors|FILE.npz [--step N] [--format safetensors|npz]`: a GAN run's weights
 * under PyTorch state-dict names, for src/python/ganstudio_load.py or a user's own code.
 */
@Command(name = "export", description = {"Write a GAN run's generator (and its EMA) and critic under PyTorch "
        + "state-dict names; src/python/ganstudio_load.py builds the same networks and loads them."})
final class ExportCommand implements Callable<Integer> {

    private final PrintStream out;

    @Parameters(paramLabel = "RUN_DIR", description = "The run's folder.")
    Path dir;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "The file to write: FILE.safetensors or FILE.npz (required; no default).")
    Path file;

    @Option(names = "--step", paramLabel = "N", description = "The checkpoint's step (default: the latest).")
    Long step;

    @Option(names = "--format", paramLabel = "safetensors|npz",
            description = "The file format (default: from --out's extension).")
    String format;

    ExportCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        String chosen = format != null ? format : RunExport.formatOf(file);
        Long at = step == null ? null : Cli.inRange("--step", step, 0, Long.MAX_VALUE);
        RunExport.Result r = RunExport.export(dir, at, chosen, file);
        out.printf(Locale.ROOT, "exported the generator%s and the critic at step %d: %s (%d tensors, %.1f MB, %s)%n",
                r.ema() ? ", its EMA" : "", r.step(), r.file(), r.tensors(), r.bytes() / 1e6, chosen);
        return Cli.OK;
    }
}
