package ganstudio.ui;

import ganstudio.config.UserError;
import ganstudio.ui.common.Theme;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line options of `studio`. The self-driving demo (--demo PRESET --screenshot FILE --after SECONDS)
 * is how the team checks the window without clicking: it loads a preset, presses Start, waits, writes a
 * snapshot of the scene and exits.
 *
 * @param preset preset to show in the form at start (not started), or null
 * @param demoPreset preset to load and start, or null
 * @param screenshot PNG to write, or null
 * @param afterSeconds seconds between Start and the screenshot, or {@link #AFTER_RUN_ENDS} (--after end)
 * @param steps overrides the preset's steps in the demo, or null
 * @param runsRoot where runs are written and listed
 * @param open a run directory to show at start (read-only), or null
 * @param width window width
 * @param height window height
 * @param sets KEY=VALUE overrides typed into the form after the preset loaded (--set, repeatable)
 * @param theme the theme for this session (not remembered), or null for the remembered one
 * @param record start recording once the demo run has started: "view" or "dashboard", or null
 * @param compare run directories to show in the Compare tab (--compare DIR1,DIR2,...), empty for none
 * @param pairPreset a preset whose paired experiment (the preset and its twin) the Compare tab starts, or null
 * @param twinObjective the twin's objective for --pair and --twin-of (auto, wgan, wgan-gp, nsgan), or null for auto
 * @param twinOf a run whose twin the Compare tab trains beside it (--twin-of RUN_DIR), or null
 * @param follow the grid cell (fixed-noise index) the GAN view follows once a grid is on screen, or null
 * @param zoom the GAN view's zoom in screen pixels per picture pixel, or null for fit
 * @param stallReport where to write the FX-thread stall report when the window closes, or null
 * @param sweepsRoot where the Sweeps tab lists sweeps and new studies go (--sweeps DIR); null for sweeps/ beside
 *     the runs folder
 * @param openSweep a sweep folder the Sweeps tab shows at start (--open-sweep DIR), or null
 */
public record StudioOptions(String preset, String demoPreset, Path screenshot, double afterSeconds, Integer steps,
        Path runsRoot, Path open, int width, int height, List<String> sets, Theme theme, String record,
        List<Path> compare, String pairPreset, String twinObjective, Path twinOf, Integer follow, Double zoom,
        Path stallReport, Path sweepsRoot, Path openSweep) {

    public static final String USAGE = "studio [--preset NAME] [--demo PRESET [--steps N]] [--screenshot FILE.png [--after SECONDS|end]]"
            + " [--set KEY=VALUE]... [--theme dark|light] [--out RUNS_DIR] [--open RUN_DIR] [--size WIDTHxHEIGHT]"
            + " [--record view|dashboard] [--compare RUN_DIR,RUN_DIR...] [--pair PRESET [--steps N]"
            + " [--twin-of RUN_DIR] [--twin-objective auto|wgan|wgan-gp|nsgan]] [--follow CELL] [--zoom FACTOR]"
            + " [--stall-report FILE] [--sweeps SWEEPS_DIR] [--open-sweep SWEEP_DIR]";

    /** --after end: the demo closes the window once its run has ended (finished, stopped or failed). */
    public static final double AFTER_RUN_ENDS = -1;

    public static StudioOptions parse(List<String> args) {
        String preset = null;
        String demo = null;
        Path shot = null;
        double after = 20;
        Integer steps = null;
        Path runs = Paths.get("runs");
        Path open = null;
        int width = 1400;
        int height = 900;
        List<String> sets = new ArrayList<>();
        Theme theme = null;
        String record = null;
        List<Path> compare = new ArrayList<>();
        String pair = null;
        String twinObjective = null;
        Path twinOf = null;
        Integer follow = null;
        Double zoom = null;
        Path stallReport = null;
        Path sweeps = null;
        Path openSweep = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--preset" -> preset = value(args, ++i, a);
                case "--demo" -> demo = value(args, ++i, a);
                case "--screenshot" -> shot = Paths.get(value(args, ++i, a));
                case "--after" -> {
                    String v = value(args, ++i, a);
                    after = v.equals("end") ? AFTER_RUN_ENDS : number(a, v);
                }
                case "--steps" -> steps = whole(a, value(args, ++i, a), 1, 100_000_000);
                case "--out" -> runs = Paths.get(value(args, ++i, a));
                case "--open" -> open = Paths.get(value(args, ++i, a));
                case "--theme" -> {
                    String v = value(args, ++i, a);
                    if (!v.equals("dark") && !v.equals("light")) {
                        throw new UserError("studio: --theme " + v + ": expected dark or light");
                    }
                    theme = v.equals("dark") ? Theme.DARK : Theme.LIGHT;
                }
                case "--set" -> {
                    String v = value(args, ++i, a);
                    if (v.indexOf('=') <= 0) {
                        throw new UserError("studio: --set " + v + ": expected KEY=VALUE, e.g. data.limit=6000");
                    }
                    sets.add(v);
                }
                case "--size" -> {
                    String v = value(args, ++i, a);
                    String[] wh = v.split("x");
                    if (wh.length != 2) {
                        throw new UserError("studio: --size " + v + ": expected WIDTHxHEIGHT, e.g. 1400x900");
                    }
                    width = whole(a, wh[0], 1, 16384);
                    height = whole(a, wh[1], 1, 16384);
                }
                case "--record" -> {
                    record = value(args, ++i, a);
                    if (!record.equals("view") && !record.equals("dashboard")) {
                        throw new UserError("studio: --record " + record + ": expected view or dashboard");
                    }
                }
                case "--compare" -> {
                    for (String dir : value(args, ++i, a).split(",")) {
                        if (!dir.isBlank()) {
                            compare.add(Paths.get(dir.trim()));
                        }
                    }
                }
                case "--pair" -> pair = value(args, ++i, a);
                case "--twin-objective" -> twinObjective = value(args, ++i, a);
                case "--twin-of" -> twinOf = Paths.get(value(args, ++i, a));
                case "--follow" -> follow = whole(a, value(args, ++i, a), 0, Integer.MAX_VALUE);
                case "--zoom" -> {
                    zoom = number(a, value(args, ++i, a));
                    if (zoom > 32) {
                        throw new UserError("studio: --zoom " + zoom + ": at most 32 (screen pixels per picture pixel)");
                    }
                }
                case "--stall-report" -> stallReport = Paths.get(value(args, ++i, a));
                case "--sweeps" -> sweeps = Paths.get(value(args, ++i, a));
                case "--open-sweep" -> openSweep = Paths.get(value(args, ++i, a));
                default -> throw new UserError("studio: unknown option '" + a + "'; usage: " + USAGE);
            }
        }
        if ((demo != null ? 1 : 0) + (pair != null ? 1 : 0) + (twinOf != null ? 1 : 0) > 1) {
            throw new UserError("studio: --demo, --pair and --twin-of each start training; pick one");
        }
        return new StudioOptions(preset, demo, shot, after, steps, runs, open, width, height, List.copyOf(sets), theme,
                record, List.copyOf(compare), pair, twinObjective, twinOf, follow, zoom,
                stallReport, sweeps, openSweep);
    }

    public boolean isAutomated() {
        return demoPreset != null || pairPreset != null || twinOf != null || screenshot != null;
    }

    /** --after end: the demo closes the window when its run has ended, not after a number of seconds. */
    public boolean closesWhenRunEnds() {
        return afterSeconds == AFTER_RUN_ENDS;
    }

    /** A demo closes the window --after seconds (or --after end) to write its screenshot or its stall report. */
    public boolean closesAfterDemo() {
        return screenshot != null || ((stallReport != null || closesWhenRunEnds()) && isAutomated());
    }

    private static String value(List<String> args, int i, String flag) {
        if (i >= args.size()) {
            throw new UserError("studio: " + flag + " needs a value; usage: " + USAGE);
        }
        return args.get(i);
    }

    /** The range of --steps is the steps key's; a window is at most 16384 pixels a side. */
    private static int whole(String flag, String text, int min, int max) {
        try {
            int v = Integer.parseInt(text.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserError("studio: " + flag + " " + text + ": expected a whole number from " + min + " to " + max);
    }

    private static double number(String flag, String text) {
        try {
            double d = Double.parseDouble(text);
            if (d >= 0 && Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserError("studio: " + flag + " " + text + ": expected a non-negative number");
    }
}
