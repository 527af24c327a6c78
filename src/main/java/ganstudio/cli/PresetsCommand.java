package ganstudio.cli;

import ganstudio.config.ConfigKey;
import ganstudio.config.ConfigSchema;
import ganstudio.config.Presets;
import ganstudio.config.RunConfig;
import ganstudio.config.UserError;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** presets: the presets in models/ with their descriptions, or every config key with its range and help. */
@Command(name = "presets", description = "List the presets in models/ (or every config key with its range).")
final class PresetsCommand implements Callable<Integer> {

    private final PrintStream out;

    @Option(names = "--keys", description = "List every config key (for --set and preset files) instead.")
    boolean keys;

    PresetsCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        if (keys) {
            for (ConfigKey<?> k : ConfigSchema.keys()) {
                out.printf("%-22s %-8s default %-10s %s%s%n", k.getName(), k.getType().name().toLowerCase(),
                        k.getDefaultValue(), k.describeRange(), k.isLiveEditable() ? " (live)" : "");
                out.printf("%-22s %s%n", "", k.getHelp());
            }
            return Cli.OK;
        }
        Presets presets = Presets.locate();
        List<String> names = presets.names();
        if (names.isEmpty()) {
            throw new UserError("no presets found in " + presets.getDir().toAbsolutePath()
                    + "; run from the project folder or set -Dganstudio.models=DIR");
        }
        for (String name : names) {
            RunConfig c = presets.load(name);
            out.printf("%-24s %s%n", name, c.getString(ConfigSchema.DESCRIPTION));
        }
        return Cli.OK;
    }
}
