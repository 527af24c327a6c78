package ganstudio.cli;

import ganstudio.config.UserError;
import ganstudio.export.RunExport;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

/**
 * `export RUN_DIR --out FILE.safetensors|FILE.npz [--step N] [--format safetensors|npz]`: a GAN run's weights
 * under PyTorch state-dict names, for src/python/ganstudio_load.py or a user's own code.
 */
final class ExportCommand {

    private final PrintStream out;

    ExportCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) {
        Options o = Options.parse(args, List.of("--out", "--step", "--format"), List.of());
        if (o.positional().size() != 1) {
            throw new UserError("export needs one run directory, e.g. export runs/ring8-gan-20261207-101500 "
                    + "--out ring8.safetensors");
        }
        if (!o.has("--out")) {
            throw new UserError("export needs --out FILE.safetensors or FILE.npz");
        }
        Path file = Paths.get(o.get("--out"));
        String format = o.has("--format") ? o.get("--format") : RunExport.formatOf(file);
        Long step = o.has("--step") ? Cli.wholeNumber("--step", o.get("--step"), 0, Long.MAX_VALUE) : null;
        RunExport.Result r = RunExport.export(Paths.get(o.positional().get(0)), step, format, file);
        out.printf(Locale.ROOT, "exported the generator%s and the critic at step %d: %s (%d tensors, %.1f MB, %s)%n",
                r.ema() ? ", its EMA" : "", r.step(), r.file(), r.tensors(), r.bytes() / 1e6, format);
        return Cli.OK;
    }
}
