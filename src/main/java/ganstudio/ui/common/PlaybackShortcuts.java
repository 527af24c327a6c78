package ganstudio.ui.common;

import java.util.function.BooleanSupplier;

import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Space = pause/resume, S = one step, and further keys for a view's buttons, for the view that is on screen.
 * A plain key is ignored while typing in a field, so the letter still types; every key is ignored while its
 * button is disabled and while the view is hidden, so the GAN and classifier views never both react.
 */
public final class PlaybackShortcuts {

    private PlaybackShortcuts() {}

    public static void install(Scene scene, BooleanSupplier visible, ButtonBase pause, Runnable togglePause,
            ButtonBase step, Runnable stepOnce) {
        add(scene, visible, Shortcuts.PAUSE, pause, togglePause);
        add(scene, visible, Shortcuts.STEP, step, stepOnce);
    }

    /**
     * Enter presses the focused button (Tab reaches every control). Space stays the pause key wherever the focus
     * is, so a keyboard user presses a focused button with Enter, as on Windows.
     */
    public static void installEnterPresses(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown()
                    && scene.getFocusOwner() instanceof ButtonBase b && !b.isDisabled()) {
                b.fire();
                e.consume();
            }
        });
    }

    /** One more key for a button, under the rules above. */
    public static void add(Scene scene, BooleanSupplier visible, KeyCombination keys, ButtonBase button,
            Runnable action) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!visible.getAsBoolean() || button.isDisabled() || !keys.match(e)) {
                return;
            }
            if (scene.getFocusOwner() instanceof TextInputControl && !e.isShortcutDown()) {
                return; // a plain letter types; Ctrl+S types nothing, so it still saves from a field
            }
            action.run();
            e.consume();
        });
    }
}
