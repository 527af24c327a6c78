package ganstudio.ui.gan;

import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.ui.common.ErrorBanner;
import ganstudio.ui.common.FormLayout;
import ganstudio.ui.common.SetupPanel;
import ganstudio.ui.common.StartProblemLabel;

import java.util.function.BiConsumer;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

/**
 * The GAN view's Setup tab: the preset picker (GAN presets only), the schema-driven form, the line that says why
 * Start is disabled, and what else a setup can become: a preset, a paired experiment in the Compare tab, a study
 * in the Sweeps tab.
 */
final class GanSetup extends SetupPanel {

    // A preset that trains in minutes on a CPU, not bare defaults.
    private static final String FIRST_PRESET = "ring8-wgan-gp";

    private BiConsumer<RunConfig, String> onPairedExperiment = (c, p) -> { };

    GanSetup(ErrorBanner banner) {
        super(FormLayout.gan(), "gan", "GAN", banner);
        presetPicker.setPromptText("preset");
        Button save = new Button("Save as preset…");
        save.setOnAction(e -> saveAsPreset());
        save.setMinWidth(Region.USE_PREF_SIZE);
        Button pair = new Button("Paired experiment…");
        pair.setTooltip(new Tooltip("Train this setup and its WGAN twin (a WGAN's: its GAN twin) side by side in the "
                + "Compare tab: same seed, data order and fixed noise"));
        pair.setOnAction(e -> handOver(onPairedExperiment, "cannot pair: "));
        pair.setMinWidth(Region.USE_PREF_SIZE);
        // three buttons do not fit a narrow setup panel on one line: they wrap rather than cut their names
        FlowPane buttons = new FlowPane(8, 6, save, pair, studyButton);
        getChildren().addAll(runSettingsBox(), presetPicker, scrolledForm(), new StartProblemLabel(form), buttons);
    }

    /** Fills the picker and loads the first preset; call once the listeners are in place. */
    void loadPresetList() {
        if (presetPicker.reload().isEmpty()) {
            banner.show("no presets found in " + presetPicker.presets().getDir().toAbsolutePath()
                    + "; run from the project folder or set -Dganstudio.models=DIR");
        }
        presetPicker.pickFirst(FIRST_PRESET);
    }

    /** Where "Paired experiment…" sends the config and preset (the Compare tab). */
    void onPairedExperiment(BiConsumer<RunConfig, String> onPairedExperiment) {
        this.onPairedExperiment = onPairedExperiment;
    }

    private void saveAsPreset() {
        if (!form.canStart()) {
            banner.show("cannot save: " + form.firstProblem());
            return;
        }
        try {
            SaveAsPreset.ask(getScene().getWindow(), presetPicker.presets(), form.getConfig(), presetPicker.name())
                    .ifPresent(name -> {
                        presetPicker.reload();
                        presetPicker.select(name);
                    });
        } catch (UserError e) {
            banner.show(e.getMessage());
        }
    }
}
