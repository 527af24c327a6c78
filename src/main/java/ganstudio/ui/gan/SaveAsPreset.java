package ganstudio.ui.gan;

import ganstudio.config.Presets;
import ganstudio.config.RunConfig;

import java.util.Optional;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

/** "Save as preset…": asks for a name, asks again before replacing a preset, and saves the setup under it. */
final class SaveAsPreset {

    private SaveAsPreset() {}

    /**
     * @param picked the preset the setup came from, or "": the suggested name is its copy
     * @return the saved preset's name; empty when the person cancelled
     * @throws ganstudio.config.UserError when the preset could not be written
     */
    static Optional<String> ask(Window owner, Presets presets, RunConfig config, String picked) {
        TextInputDialog dialog = new TextInputDialog(picked.isEmpty() ? "my-preset" : picked + "-copy");
        dialog.setTitle("Save as preset");
        dialog.setHeaderText("Save the current settings into " + presets.getDir().toAbsolutePath());
        dialog.setContentText("Preset name:");
        dialog.initOwner(owner);
        Optional<String> name = dialog.showAndWait().map(String::trim).filter(s -> !s.isEmpty());
        if (name.isEmpty()) {
            return name;
        }
        boolean overwrite = false;
        if (presets.names().contains(name.get())) {
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Preset '" + name.get() + "' exists. Replace it?",
                    ButtonType.OK, ButtonType.CANCEL);
            confirm.initOwner(owner);
            if (confirm.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
                return Optional.empty();
            }
            overwrite = true;
        }
        presets.save(name.get(), config, overwrite);
        return name;
    }
}
