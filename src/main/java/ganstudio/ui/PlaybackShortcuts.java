package ganstudio.ui;

import java.util.function.BooleanSupplier;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Space = pause/resume, S = one step, for the view that is on screen. Ignored while typing in a field, so both
 * letters still type, and while the view is hidden, so the GAN and classifier views never both react.
 */
final class PlaybackShortcuts {

    private PlaybackShortcuts() {}

    static void install(Scene scene, BooleanSupplier visible, Button pause, Runnable togglePause, Button step,
            Runnable stepOnce) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!visible.getAsBoolean() || scene.getFocusOwner() instanceof TextInputControl || e.isControlDown()
                    || e.isAltDown() || e.isMetaDown()) {
                return;
            }
            if (e.getCode() == KeyCode.SPACE && !pause.isDisabled()) {
                togglePause.run();
                e.consume();
            } else if (e.getCode() == KeyCode.S && !step.isDisabled()) {
                stepOnce.run();
                e.consume();
            }
        });
    }
}
