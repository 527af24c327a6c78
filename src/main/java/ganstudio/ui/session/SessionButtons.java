package ganstudio.ui.session;

import ganstudio.ui.common.PlaybackShortcuts;
import ganstudio.ui.common.Shortcuts;

import java.util.function.BooleanSupplier;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/**
 * Start, Pause, Step and Stop over a view's {@link LiveRun}: what is enabled follows the run (Step only while
 * paused, Stop once), Pause reads Resume while paused; Space, S, Ctrl+Enter and Ctrl+Period press Pause, Step, Start and Stop.
 */
public final class SessionButtons {

    private final Button start = new Button("Start");
    private final Button pause = new Button("Pause");
    private final Button step = new Button("Step");
    private final Button stop = new Button("Stop");
    private final LiveRun<?, ?> run;
    private final Runnable onChange;

    /**
     * @param onStart starts a run from the setup
     * @param onStopping told after a stop was asked for (the view's status line)
     * @param onChange told after Pause or Resume, for what else in the view follows the run
     */
    public SessionButtons(LiveRun<?, ?> run, Runnable onStart, Runnable onStopping, Runnable onChange) {
        this.run = run;
        this.onChange = onChange;
        pause.setTooltip(new Tooltip(Shortcuts.tip("Pause or resume", Shortcuts.PAUSE)));
        start.getStyleClass().add("start-button");
        stop.getStyleClass().add("stop-button");
        start.setOnAction(e -> onStart.run());
        pause.setOnAction(e -> togglePause());
        step.setOnAction(e -> run.stepOnce());
        stop.setOnAction(e -> {
            if (run.stop()) {
                onStopping.run();
                stop.setDisable(true);
            }
        });
        forToolbar(start, pause, step, stop);
    }

    /**
     * A toolbar button: never shortened. Tab reaches it and Enter presses it; Space stays the pause key (the
     * scene's filter takes it first).
     */
    public static void forToolbar(Button... buttons) {
        for (Button b : buttons) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    /** The tooltips, each followed by its shortcut. */
    public void setTooltips(String startTip, String stepTip, String stopTip) {
        start.setTooltip(new Tooltip(Shortcuts.tip(startTip, Shortcuts.START)));
        step.setTooltip(new Tooltip(Shortcuts.tip(stepTip, Shortcuts.STEP)));
        stop.setTooltip(new Tooltip(Shortcuts.tip(stopTip, Shortcuts.STOP)));
    }

    public Button start() {
        return start;
    }

    public Button pause() {
        return pause;
    }

    public Button step() {
        return step;
    }

    public Button stop() {
        return stop;
    }

    /** Space, S, Ctrl+Enter and Ctrl+Period, while visible says the view is on screen. */
    public void installShortcuts(Scene scene, BooleanSupplier visible) {
        PlaybackShortcuts.install(scene, visible, pause, this::togglePause, step, run::stepOnce);
        PlaybackShortcuts.add(scene, visible, Shortcuts.START, start, start::fire);
        PlaybackShortcuts.add(scene, visible, Shortcuts.STOP, stop, stop::fire);
    }

    /** @param canStart whether the setup could start a run (Start needs that and no active run) */
    public void update(boolean canStart) {
        boolean active = run.isActive();
        boolean paused = run.isPaused();
        start.setDisable(active || !canStart);
        pause.setDisable(!active);
        pause.setText(paused ? "Resume" : "Pause");
        step.setDisable(!paused);
        stop.setDisable(!active || run.isStopRequested());
    }

    private void togglePause() {
        run.togglePause();
        onChange.run();
    }
}
