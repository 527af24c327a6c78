package ganstudio;

import ganstudio.cli.Cli;
import ganstudio.config.UserError;
import ganstudio.ui.Studio;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * What the jar runs for its arguments: the studio (no command, or {@code studio ...}), or a command of the CLI.
 * The studio is dispatched here so that the CLI does not depend on the UI and runs where there is no display.
 */
public final class AppCommands {

    private AppCommands() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && !"studio".equals(args[0])) {
            return new Cli(out, err).run(args);
        }
        try {
            return Studio.launch(args.length == 0 ? new String[0] : Arrays.copyOfRange(args, 1, args.length), err);
        } catch (UserError e) {
            err.println("error: " + e.getMessage());
            return Cli.BAD_INPUT;
        }
    }
}
