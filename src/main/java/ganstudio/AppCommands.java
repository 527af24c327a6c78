package ganstudio;

import ganstudio.cli.Cli;
import ganstudio.ui.Studio;
import ganstudio.ui.StudioCommand;

import java.io.PrintStream;

/**
 * What the jar runs for its arguments: the studio (no command, or {@code studio ...}), or a command of the CLI.
 * The studio's command is added here so that the CLI does not depend on the UI and runs where there is no
 * display, while help and completion list the studio's options with the rest.
 */
public final class AppCommands {

    private AppCommands() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            return Studio.launch(new String[0], err);
        }
        return cli(out, err).run(args);
    }

    /** Every command of the jar, the studio's included. */
    static Cli cli(PrintStream out, PrintStream err) {
        return new Cli(out, err).addCommand(new StudioCommand(err));
    }
}
