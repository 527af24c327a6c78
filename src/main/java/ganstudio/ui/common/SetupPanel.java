package ganstudio.ui.common;

import ganstudio.config.ConfigKey;
import ganstudio.config.ConfigSchema;
import ganstudio.config.Presets;
import ganstudio.config.RunConfig;
import ganstudio.config.UserError;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A view's Setup tab: the preset picker over its task's presets and the schema-driven form a preset loads into;
 * what the view starts a run from, and what the studio's start-up and the Sweeps tab ask of a setup. Its
 * problems (a preset that does not load, a setup that cannot be studied) show in the view's banner.
 */
public abstract class SetupPanel extends VBox {

    protected final ConfigFormModel form = new ConfigFormModel();
    protected final ConfigFormView formView;
    protected final PresetPicker presetPicker;
    protected final ErrorBanner banner;
    /** "New study…": hands the setup to the Sweeps tab's dialog. */
    protected final Button studyButton = new Button("New study…");
    private BiConsumer<RunConfig, String> onNewStudy = (c, p) -> { };
    /** Over the form while it shows an opened run's settings: what they are, Train again, Resume. */
    private final VBox runBox = new VBox(6);
    private final Label runTitle = new Label();
    private final Button trainAgain = new Button("Train again with these settings");
    private final Button resume = new Button("Resume");
    /** The form as the user left it before a run's settings replaced it, and its preset; null outside. */
    private Map<String, String> savedTexts;
    private String savedPreset;

    /**
     * @param task the presets' "task" (gan, classifier)
     * @param kind how an error names them ("GAN", "classifier")
     */
    protected SetupPanel(FormLayout layout, String task, String kind, ErrorBanner banner) {
        super(8);
        this.banner = banner;
        formView = new ConfigFormView(form, layout);
        presetPicker = new PresetPicker(Presets.locate(), task, kind, form, formView);
        presetPicker.onLoaded(problem -> {
            if (problem == null) {
                banner.hide();
            } else {
                banner.show(problem);
            }
        });
        studyButton.setTooltip(new Tooltip("A study of this setup: keys to vary, their values and seeds, run on this "
                + "machine or on Slurm; watched in the Sweeps tab"));
        studyButton.setMinWidth(Region.USE_PREF_SIZE);
        studyButton.setOnAction(e -> handOver(onNewStudy, "cannot start a study from this setup: "));
        getStyleClass().add("setup-panel");
        setPadding(new Insets(8));
        runTitle.setWrapText(true);
        runTitle.setMaxWidth(Double.MAX_VALUE);
        runTitle.setMinHeight(Region.USE_PREF_SIZE); // the whole sentence, on as many lines as it takes
        runTitle.getStyleClass().add("run-settings-title");
        trainAgain.setTooltip(new Tooltip("Start a new run with exactly these settings (the form becomes editable "
                + "first, so you can change some)"));
        resume.setTooltip(new Tooltip("Continue this run from its latest checkpoint, in this window"));
        for (Button b : new Button[] {trainAgain, resume}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        runBox.getChildren().addAll(runTitle, new FlowPane(8, 6, trainAgain, resume));
        runBox.getStyleClass().add("run-settings");
        runBox.setVisible(false);
        runBox.managedProperty().bind(runBox.visibleProperty());
    }

    /** The box over the form that an opened run's settings show in; a subclass puts it first. */
    protected VBox runSettingsBox() {
        return runBox;
    }

    /**
     * Shows an opened run's own settings, read-only, with the keys that differ from its preset marked, and "Train
     * again with these settings" and "Resume". The form as the user left it comes back with
     * {@link #leaveRunSettings}.
     *
     * @param preset the preset the run started from ("" when none)
     * @param resumeProblem why the run cannot be resumed here, or null when it can
     * @param onTrainAgain told after the form took the run's settings and became editable (to start them)
     */
    public void showRunSettings(RunConfig runConfig, String preset, String runName, String resumeProblem,
            Runnable onTrainAgain, Runnable onResume) {
        if (savedTexts == null) {
            savedTexts = form.texts();
            savedPreset = presetPicker.name();
        }
        form.load(runConfig);
        formView.refreshFromModel();
        formView.setReadOnly(true);
        presetPicker.showName(preset);
        presetPicker.setDisable(true);
        Map<String, String> differ = differences(runConfig, preset);
        formView.markChanged(differ, preset);
        runTitle.setText("Settings of " + runName + " (read-only)" + (preset.isEmpty() ? ""
                : differ.isEmpty() ? ": as preset " + preset : ": " + differ.size() + " "
                        + (differ.size() == 1 ? "key differs" : "keys differ") + " from preset " + preset
                        + ", marked"));
        trainAgain.setOnAction(e -> {
            keepRunSettings();
            onTrainAgain.run();
        });
        resume.setDisable(resumeProblem != null);
        resume.setTooltip(new Tooltip(resumeProblem != null ? resumeProblem
                : "Continue this run from its latest checkpoint, in this window"));
        resume.setOnAction(e -> onResume.run());
        runBox.setVisible(true);
    }

    /** Whether the form shows an opened run's settings. */
    public boolean showsRunSettings() {
        return savedTexts != null;
    }

    /** The form as the user left it, editable again (the opened run was closed). */
    public void leaveRunSettings() {
        if (savedTexts == null) {
            return;
        }
        Map<String, String> texts = savedTexts;
        String preset = savedPreset;
        endRunMode();
        form.loadTexts(texts);
        formView.refreshFromModel();
        presetPicker.showName(preset);
    }

    /** "Train again" (or Start while a run's settings show): they stay in the form, editable, under its preset. */
    public void keepRunSettings() {
        if (savedTexts != null) {
            endRunMode();
        }
    }

    private void endRunMode() {
        savedTexts = null;
        savedPreset = null;
        formView.setReadOnly(false);
        formView.markChanged(Map.of(), "");
        presetPicker.setDisable(false);
        runBox.setVisible(false);
    }

    /** Key to the preset's value, for every key where the run's value differs (name and description left out). */
    private Map<String, String> differences(RunConfig run, String preset) {
        Map<String, String> out = new LinkedHashMap<>();
        if (preset.isEmpty()) {
            return out;
        }
        RunConfig base;
        try {
            base = presetPicker.presets().load(preset);
        } catch (UserError e) {
            return out; // the preset is gone or changed shape: nothing to compare with
        }
        for (ConfigKey<?> k : ConfigSchema.keys()) {
            String key = k.getName();
            if (key.equals("name") || key.equals("description")) {
                continue;
            }
            if (!Objects.equals(String.valueOf(run.get(key)), String.valueOf(base.get(key)))) {
                out.put(key, String.valueOf(base.get(key)));
            }
        }
        return out;
    }

    /** Where "New study…" sends the config and preset (the Sweeps tab's dialog). */
    public void onNewStudy(BiConsumer<RunConfig, String> onNewStudy) {
        this.onNewStudy = onNewStudy;
    }

    /** Gives the setup's config and preset to another tab, or says in the banner why it cannot (cannot + why). */
    protected void handOver(BiConsumer<RunConfig, String> to, String cannot) {
        if (form.canStart()) {
            to.accept(form.getConfig(), presetPicker.name());
        } else {
            banner.show(cannot + form.firstProblem());
        }
    }

    /** The form in a pane that scrolls down, never sideways, and takes the height left. */
    protected ScrollPane scrolledForm() {
        ScrollPane scroll = new ScrollPane(formView);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return scroll;
    }

    /** Called after every edit and preset load (the view enables Start). */
    public void onChange(Runnable r) {
        form.addListener(m -> r.run());
    }

    public void selectPreset(String name) {
        presetPicker.select(name);
    }

    /** Types a value into the form, as a person would (the demo shortens the run this way). */
    public void setField(String key, String text) {
        formView.type(key, text);
    }

    /** The picked preset's name, or "" without one. */
    public String presetName() {
        return presetPicker.name();
    }

    public boolean canStart() {
        return form.canStart();
    }

    /** The config the form describes; only meaningful when {@link #canStart()}. */
    public RunConfig getConfig() {
        return form.getConfig();
    }

    /** Why Start is disabled (a study neither), or null. */
    public String firstProblem() {
        return form.firstProblem();
    }
}
