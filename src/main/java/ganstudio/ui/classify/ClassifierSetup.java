package ganstudio.ui.classify;

import ganstudio.config.RunConfig;
import ganstudio.ui.common.ErrorBanner;
import ganstudio.ui.common.FormLayout;
import ganstudio.ui.common.SetupPanel;
import ganstudio.ui.common.StartProblemLabel;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The classifier's Setup tab: the preset picker (task = classifier presets only), the schema-driven form
 * grouped by kind of trick, and the line that says why Start is disabled.
 */
final class ClassifierSetup extends SetupPanel {

    private static final String FIRST_PRESET = "fashion-classifier-baseline";

    ClassifierSetup(ErrorBanner banner) {
        super(FormLayout.classifier(), "classifier", "classifier", banner);
        presetPicker.setPromptText("classifier preset");
        StartProblemLabel problem = new StartProblemLabel(form);
        problem.setMinHeight(Region.USE_PREF_SIZE); // wrap to a second line rather than end in "..."
        Label hint = new Label("Each title counts the values that differ from the defaults.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        getChildren().addAll(runSettingsBox(), presetPicker, scrolledForm(), problem, hint, new HBox(8, studyButton));
        formView.showChangedCounts(true);
    }

    /** Fills the picker and loads the first preset; call once the listeners are in place. */
    void loadPresetList() {
        if (presetPicker.reload().isEmpty()) {
            form.load(defaults());
            formView.refreshFromModel();
            return;
        }
        presetPicker.pickFirst(FIRST_PRESET);
    }

    /** Bare defaults are a GAN on ring8; a classifier without a preset starts on Fashion-MNIST. */
    private static RunConfig defaults() {
        return RunConfig.defaults().with("task", "classifier").with("data.kind", "fashion-mnist");
    }
}
