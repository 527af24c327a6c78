package ganstudio.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * completion: the bash (and zsh) completion script of every command and option, generated from the same
 * definitions that parse them, so it cannot fall behind.
 */
@Command(name = "completion", description = {"Print the bash/zsh completion script for `ganstudio` (every command "
        + "and option).",
    "Install it with:",
    "  alias ganstudio='java -jar /path/to/ganstudio.jar'",
    "  java -jar target/ganstudio.jar completion > ~/.local/share/bash-completion/completions/ganstudio"})
final class CompletionCommand implements Callable<Integer> {

    private final PrintStream out;

    @Spec
    CommandSpec spec;

    CompletionCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        out.print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
        return Cli.OK;
    }
}
