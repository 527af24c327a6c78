package ganstudio.ui;

import ganstudio.config.UserError;
import ganstudio.ui.common.Theme;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * `studio [options]`: the desktop studio's command-line options, parsed by picocli like every other command. The
 * self-driving demo (--demo PRESET --screenshot FILE --after SECONDS) is how the team checks the window without
 * clicking: it loads a preset, presses Start, waits, writes a snapshot of the scene and exits.
 */
@Command(name = "studio", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Open the desktop studio (also what no command does); needs a display (or xvfb-run)."})
public final class StudioCommand implements Callable<Integer> {

    private final PrintStream err;

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", paramLabel = "NAME", order = 1,
            description = "The preset shown in the setup form at start, not started (default: the last one used).")
    String preset;

    @Option(names = "--out", paramLabel = "RUNS_DIR", order = 2,
            description = "Where runs are written and listed (default: ${DEFAULT-VALUE}).")
    Path runs = Paths.get("runs");

    @Option(names = "--open", paramLabel = "RUN_DIR", order = 3,
            description = "A run to show at start, with its own settings (default: none).")
    Path open;

    @Option(names = "--theme", paramLabel = "dark|light", order = 4,
            description = "The look for this session, not remembered (default: the remembered one, dark at first).")
    String theme;

    @Option(names = "--size", paramLabel = "WIDTHxHEIGHT", order = 5,
            description = "The window's size in pixels (default: ${DEFAULT-VALUE}).")
    String size = "1400x900";

    @Option(names = "--set", paramLabel = "KEY=VALUE", order = 6,
            description = "Typed into the form after the preset loads; repeatable (default: none).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--demo", paramLabel = "PRESET", order = 10,
            description = "Load this preset and press Start (default: no demo).")
    String demo;

    @Option(names = "--steps", paramLabel = "N", order = 11,
            description = "With --demo or --pair: the run's steps (default: the preset's).")
    Integer steps;

    @Option(names = "--screenshot", paramLabel = "FILE.png", order = 12,
            description = "Write a snapshot of the window --after seconds, then close (default: none).")
    Path screenshot;

    @Option(names = "--after", paramLabel = "SECONDS|end", order = 13,
            description = "When the demo's screenshot or report is taken: seconds after Start, or end (when its run "
                    + "has ended) (default: ${DEFAULT-VALUE}).")
    String after = "20";

    @Option(names = "--record", paramLabel = "view|dashboard", order = 14,
            description = "Record a video once the demo's run has started (default: no recording).")
    String record;

    @Option(names = "--compare", paramLabel = "RUN_DIR,RUN_DIR...", split = ",", order = 20,
            description = "Runs to show in the Compare tab (default: none).")
    List<Path> compare = new ArrayList<>();

    @Option(names = "--pair", paramLabel = "PRESET", order = 21,
            description = "Start the preset and its twin side by side in the Compare tab (default: none).")
    String pair;

    @Option(names = "--twin-of", paramLabel = "RUN_DIR", order = 22,
            description = "Train a run's twin beside it in the Compare tab (default: none).")
    Path twinOf;

    @Option(names = "--twin-objective", paramLabel = "auto|wgan|wgan-gp|nsgan", order = 23,
            description = "The twin's objective for --pair and --twin-of (default: auto, the other family's).")
    String twinObjective;

    @Option(names = "--follow", paramLabel = "CELL", order = 30,
            description = "The grid cell (fixed-noise index) the GAN view follows once a grid is shown (default: "
                    + "none).")
    Integer follow;

    @Option(names = "--zoom", paramLabel = "FACTOR", order = 31,
            description = "The GAN view's zoom in screen pixels per picture pixel, at most 32 (default: fit).")
    Double zoom;

    @Option(names = "--stall-report", paramLabel = "FILE", order = 32,
            description = "Write the FX-thread stall report here when the window closes (default: none).")
    Path stallReport;

    @Option(names = "--sweeps", paramLabel = "SWEEPS_DIR", order = 40,
            description = "Where the Sweeps tab lists sweeps and new studies go (default: sweeps/ beside the runs "
                    + "folder).")
    Path sweeps;

    @Option(names = "--open-sweep", paramLabel = "SWEEP_DIR", order = 41,
            description = "A sweep the Sweeps tab shows at start (default: none).")
    Path openSweep;

    public StudioCommand(PrintStream err) {
        this.err = err;
    }

    @Override
    public Integer call() {
        // JavaFX hands the window its arguments as text: launch checks them before a window appears, the window
        // parses them again, so the checks live in one place (options()).
        List<String> all = spec.commandLine().getParseResult().originalArgs();
        List<String> own = all.subList(all.indexOf(spec.name()) + 1, all.size());
        return Studio.launch(own.toArray(new String[0]), err);
    }

    /**
     * The studio's options from its arguments, as the window reads them.
     *
     * @throws UserError naming the option and what it takes
     */
    static StudioOptions parse(List<String> args) {
        StudioCommand command = new StudioCommand(System.err);
        try {
            new CommandLine(command).parseArgs(args.toArray(new String[0]));
        } catch (ParameterException e) {
            throw new UserError("studio: " + e.getMessage());
        }
        return command.options();
    }

    /** The parsed options checked and combined. */
    StudioOptions options() {
        double afterSeconds = after.equals("end") ? StudioOptions.AFTER_RUN_ENDS : nonNegative("--after", after);
        if (steps != null) {
            whole("--steps", steps, 1, 100_000_000);
        }
        if (theme != null && !theme.equals("dark") && !theme.equals("light")) {
            throw new UserError("studio: --theme " + theme + ": expected dark or light");
        }
        for (String kv : sets) {
            if (kv.indexOf('=') <= 0) {
                throw new UserError("studio: --set " + kv + ": expected KEY=VALUE, e.g. data.limit=6000");
            }
        }
        String[] wh = size.split("x");
        if (wh.length != 2) {
            throw new UserError("studio: --size " + size + ": expected WIDTHxHEIGHT, e.g. 1400x900");
        }
        int width = whole("--size", parse("--size", wh[0]), 1, 16384);
        int height = whole("--size", parse("--size", wh[1]), 1, 16384);
        if (record != null && !record.equals("view") && !record.equals("dashboard")) {
            throw new UserError("studio: --record " + record + ": expected view or dashboard");
        }
        if (follow != null) {
            whole("--follow", follow, 0, Integer.MAX_VALUE);
        }
        if (zoom != null && (zoom < 0 || !Double.isFinite(zoom))) {
            throw new UserError("studio: --zoom " + zoom + ": expected a non-negative number");
        }
        if (zoom != null && zoom > 32) {
            throw new UserError("studio: --zoom " + zoom + ": at most 32 (screen pixels per picture pixel)");
        }
        if ((demo != null ? 1 : 0) + (pair != null ? 1 : 0) + (twinOf != null ? 1 : 0) > 1) {
            throw new UserError("studio: --demo, --pair and --twin-of each start training; pick one");
        }
        return new StudioOptions(preset, demo, screenshot, afterSeconds, steps, runs, open, width, height,
                List.copyOf(sets), theme == null ? null : theme.equals("dark") ? Theme.DARK : Theme.LIGHT, record,
                List.copyOf(compare), pair, twinObjective, twinOf, follow, zoom, stallReport, sweeps, openSweep);
    }

    private static int parse(String flag, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new UserError("studio: " + flag + " " + text + ": expected a whole number");
        }
    }

    /** The range of --steps is the steps key's; a window is at most 16384 pixels a side. */
    private static int whole(String flag, int v, int min, int max) {
        if (v >= min && v <= max) {
            return v;
        }
        throw new UserError("studio: " + flag + " " + v + ": expected a whole number from " + min + " to " + max);
    }

    private static double nonNegative(String flag, String text) {
        try {
            double d = Double.parseDouble(text);
            if (d >= 0 && Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserError("studio: " + flag + " " + text + ": expected a non-negative number of seconds or end");
    }
}
