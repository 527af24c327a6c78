package ganstudio.ui.classify;

import ganstudio.config.Presets;
import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.ui.common.ConfigFormModel;
import ganstudio.ui.common.ConfigFormView;
import ganstudio.ui.common.FormLayout;
import ganstudio.ui.common.PresetsByTask;

import java.util.List;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The classifier's Setup tab: the preset picker (task = classifier presets only), the schema-driven form
 * grouped by kind of trick, and the line that says why Start is disabled.
 */
final class ClassifierSetup extends VBox {

    private static final String FIRST_PRESET = "fashion-classifier-baseline";

    private final Presets presets = Presets.locate();
    private final ConfigFormModel form = new ConfigFormModel();
    private final ConfigFormView formView = new ConfigFormView(form, FormLayout.classifier());
    private final ComboBox<String> presetBox = new ComboBox<>();
    private final Label problem = new Label();
    private final Button newStudy = new Button("New study…");
    private Consumer<String> onPresetLoaded = e -> { };
    private Runnable onNewStudy = () -> { };

    ClassifierSetup() {
        super(8);
        presetBox.setMaxWidth(Double.MAX_VALUE);
        presetBox.setPromptText("classifier preset");
        presetBox.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                loadPreset(b);
            }
        });
        HBox.setHgrow(presetBox, Priority.ALWAYS);
        HBox presetRow = new HBox(8, new Label("Preset"), presetBox);
        presetRow.getStyleClass().add("preset-row");
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE); // wrap to a second line rather than end in "..."
        Label hint = new Label("Each title counts the values that differ from the defaults.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        ScrollPane scroll = new ScrollPane(formView);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        newStudy.setTooltip(new Tooltip("A study of this setup: keys to vary, their values and seeds, run on this "
                + "machine or on Slurm; watched in the Sweeps tab"));
        newStudy.setOnAction(e -> onNewStudy.run());
        newStudy.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(presetRow, scroll, problem, hint, new HBox(8, newStudy));
        getStyleClass().add("setup-panel");
        setPadding(new Insets(8));
        formView.showChangedCounts(true);
        form.addListener(m -> showProblem());
    }

    /** Fills the picker and loads the first preset; call once the listeners are in place. */
    void loadPresetList() {
        List<String> names = PresetsByTask.names(presets, "classifier");
        presetBox.getItems().setAll(names);
        if (names.isEmpty()) {
            form.load(defaults());
            formView.refreshFromModel();
            return;
        }
        presetBox.setValue(names.contains(FIRST_PRESET) ? FIRST_PRESET : names.get(0));
    }

    /** Bare defaults are a GAN on ring8; a classifier without a preset starts on Fashion-MNIST. */
    private static RunConfig defaults() {
        return RunConfig.defaults().with("task", "classifier").with("data.kind", "fashion-mnist");
    }

    /** Told after each preset load: null when it loaded, else why not (the view's banner shows it). */
    void onPresetLoaded(Consumer<String> onPresetLoaded) {
        this.onPresetLoaded = onPresetLoaded;
    }

    /** What "New study…" under the form does. */
    void onNewStudy(Runnable r) {
        this.onNewStudy = r;
    }

    /** Called after every edit and preset load (the view enables Start). */
    void onChange(Runnable r) {
        form.addListener(m -> r.run());
    }

    void selectPreset(String name) {
        if (!presetBox.getItems().contains(name)) {
            throw new UserError("no classifier preset '" + name + "'; there are: "
                    + String.join(", ", presetBox.getItems()));
        }
        presetBox.setValue(name);
    }

    private void loadPreset(String name) {
        try {
            form.load(presets.load(name));
            formView.refreshFromModel();
            onPresetLoaded.accept(null);
        } catch (UserError e) {
            onPresetLoaded.accept(e.getMessage());
        }
    }

    /** Types a value into the form, as a person would (the demo shortens the run this way). */
    void setField(String key, String text) {
        formView.type(key, text);
    }

    /** The picked preset's name, or "" without one. */
    String presetName() {
        return presetBox.getValue() == null ? "" : presetBox.getValue();
    }

    boolean canStart() {
        return form.canStart();
    }

    /** The config the form describes; only meaningful when {@link #canStart()}. */
    RunConfig getConfig() {
        return form.getConfig();
    }

    /** Why Start is disabled, or null. */
    String firstProblem() {
        return form.firstProblem();
    }

    private void showProblem() {
        String p = form.firstProblem();
        problem.setText(p == null ? "" : "Start is disabled: " + p);
        problem.setVisible(p != null);
        problem.setManaged(p != null);
    }
}
