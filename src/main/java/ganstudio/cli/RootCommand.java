package ganstudio.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root of the command line: its usage lists the commands; -h and -V are inherited by every command. */
@Command(name = "ganstudio", mixinStandardHelpOptions = true, versionProvider = VersionText.class,
        scope = ScopeType.INHERIT, usageHelpAutoWidth = true, sortOptions = false,
        synopsisSubcommandLabel = "[COMMAND]",
        description = {"GAN Studio: train and compare GANs and WGANs on the CPU or a GPU.",
            "Run as `java -jar target/ganstudio.jar COMMAND [OPTIONS]`; no command opens the studio."},
        footer = {"",
            "Options take `--opt value` and `--opt=value` alike. `ganstudio COMMAND --help` lists a command's options.",
            "Devices: --device auto|cpu|gpu|gpu:N (auto = the first GPU if PyTorch sees one, else the CPU).",
            "Exit codes: 0 done, 1 training failed or something unexpected, 2 bad input."})
final class RootCommand implements Callable<Integer> {

    private final PrintStream out;

    @Spec
    CommandSpec spec;

    RootCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(out);
        return Cli.OK;
    }
}
