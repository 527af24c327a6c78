package ganstudio.ui;

import ganstudio.config.UserError;
import ganstudio.ui.common.Theme;

import java.nio.file.Path;
import java.util.List;

/**
 * Command-line options of `studio`, as parsed and checked by {@link StudioCommand}.
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

    /** --after end: the demo closes the window once its run has ended (finished, stopped or failed). */
    public static final double AFTER_RUN_ENDS = -1;

    /**
     * The options from the studio's arguments (parsed by {@link StudioCommand}).
     *
     * @throws UserError naming the option and what it takes
     */
    public static StudioOptions parse(List<String> args) {
        return StudioCommand.parse(args);
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
}
