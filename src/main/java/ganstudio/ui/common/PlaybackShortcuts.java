package ganstudio.ui.common;

import java.util.function.BooleanSupplier;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Space = pause/resume, S = one step, and further keys for a view's buttons, for the view that is on screen.
 * A plain key is ignored while typing in a field, so the letter still types; every key is ignored while its
 * button is disabled and while the view is hidden, so the GAN and classifier views never both react.
 */
public final class PlaybackShortcuts {

    private PlaybackShortcuts() {}

    public static void install(Scene scene, BooleanSupplier visible, Button pause, Runnable togglePause, Button step,
            Runnable stepOnce) {
        add(scene, visible, new KeyCodeCombination(KeyCode.SPACE), pause, togglePause);
        add(scene, visible, new KeyCodeCombination(KeyCode.S), step, stepOnce);
    }

    /** One more key for a button, under the rules above. */
    public static void add(Scene scene, BooleanSupplier visible, KeyCombination keys, Button button, Runnable action) {
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
