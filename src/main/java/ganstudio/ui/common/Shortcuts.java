package ganstudio.ui.common;

import java.util.List;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * Every keyboard shortcut of the studio in one place: the keys the views install, the text their tooltips show,
 * and the rows of Help > Keyboard shortcuts, so the three cannot disagree.
 */
public final class Shortcuts {

    public static final KeyCombination START = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination PAUSE = new KeyCodeCombination(KeyCode.SPACE);
    public static final KeyCombination STEP = new KeyCodeCombination(KeyCode.S);
    public static final KeyCombination STEP_CRITIC = new KeyCodeCombination(KeyCode.C);
    public static final KeyCombination CHECKPOINT = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination STOP = new KeyCodeCombination(KeyCode.PERIOD, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination RECORD = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination OPEN_RUN = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination QUIT = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);

    /** One row of the sheet: the keys as the user types them, and what they do. */
    public record Row(String keys, String action) {}

    private Shortcuts() {}

    /** "what (keys)": a tooltip that names its shortcut. */
    public static String tip(String what, KeyCombination keys) {
        return what + " (" + keys.getDisplayText() + ")";
    }

    /** Help > Keyboard shortcuts. */
    public static List<Row> sheet() {
        return List.of(
                new Row(START.getDisplayText(), "Start training with the settings on the left"),
                new Row(PAUSE.getDisplayText(), "Pause or resume"),
                new Row(STEP.getDisplayText(), "One step (a generator iteration, or a classifier batch) while paused"),
                new Row(STEP_CRITIC.getDisplayText(), "One critic iteration while paused"),
                new Row(CHECKPOINT.getDisplayText(), "Save a checkpoint now"),
                new Row(STOP.getDisplayText(), "Stop: finish the step, write a checkpoint and the summary"),
                new Row(RECORD.getDisplayText(), "Start or stop recording a video"),
                new Row(OPEN_RUN.getDisplayText(), "Open a run folder"),
                new Row("Ctrl++ / Ctrl+- / Ctrl+0", "Zoom the picture in, out, to fit"),
                new Row("Esc", "Stop following a sample"),
                new Row("Tab / Shift+Tab", "Move between controls"),
                new Row("Enter", "Press the focused button"),
                new Row(QUIT.getDisplayText(), "Quit (asks first while runs train)"));
    }
}
