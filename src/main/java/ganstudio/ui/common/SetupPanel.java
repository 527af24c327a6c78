package ganstudio.ui.common;

import ganstudio.config.Presets;
import ganstudio.config.RunConfig;

import java.util.function.BiConsumer;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
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
