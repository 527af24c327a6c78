package ganstudio.ui.common;

import ganstudio.config.Presets;
import ganstudio.config.UserError;

import java.util.List;
import java.util.function.Consumer;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A setup's "Preset" row: a picker over one task's presets ({@link PresetsByTask}); picking one loads it into
 * the setup's form.
 */
public final class PresetPicker extends HBox {

    private final Presets presets;
    private final String task;
    private final String kind;
    private final ConfigFormModel form;
    private final ConfigFormView formView;
    private final ComboBox<String> box = new ComboBox<>();
    private Consumer<String> onLoaded = p -> { };
    private boolean quiet;

    /**
     * @param task the presets' "task" (gan, classifier)
     * @param kind how an error names them ("GAN", "classifier")
     */
    public PresetPicker(Presets presets, String task, String kind, ConfigFormModel form, ConfigFormView formView) {
        super(8);
        this.presets = presets;
        this.task = task;
        this.kind = kind;
        this.form = form;
        this.formView = formView;
        box.setMaxWidth(Double.MAX_VALUE);
        box.valueProperty().addListener((o, a, b) -> {
            if (b != null && !quiet) {
                load(b);
            }
        });
        HBox.setHgrow(box, Priority.ALWAYS);
        getChildren().addAll(new Label("Preset"), box);
        getStyleClass().add("preset-row");
    }

    public Presets presets() {
        return presets;
    }

    public void setPromptText(String text) {
        box.setPromptText(text);
    }

    /** Told after each preset load: null when it loaded, else why not (the view's banner shows it). */
    public void onLoaded(Consumer<String> onLoaded) {
        this.onLoaded = onLoaded;
    }

    /** Lists the task's presets again, keeping none picked; returns their names. */
    public List<String> reload() {
        List<String> names = PresetsByTask.names(presets, task);
        box.getItems().setAll(names);
        return names;
    }

    /** Picks preferred when it is listed, else the first listed. */
    public void pickFirst(String preferred) {
        List<String> names = box.getItems();
        if (!names.isEmpty()) {
            box.setValue(names.contains(preferred) ? preferred : names.get(0));
        }
    }

    public void select(String name) {
        if (!box.getItems().contains(name)) {
            throw new UserError("no " + kind + " preset '" + name + "'; there are: "
                    + String.join(", ", box.getItems()));
        }
        box.setValue(name);
    }

    /**
     * Shows a preset's name without loading it into the form (the form holds an opened run's settings, which
     * started from that preset); a name that is not listed clears the choice.
     */
    public void showName(String name) {
        quiet = true;
        try {
            box.setValue(box.getItems().contains(name) ? name : null);
        } finally {
            quiet = false;
        }
    }

    /** The picked preset's name, or "" without one. */
    public String name() {
        return box.getValue() == null ? "" : box.getValue();
    }

    private void load(String name) {
        try {
            form.load(presets.load(name));
            formView.refreshFromModel();
            onLoaded.accept(null);
        } catch (UserError e) {
            onLoaded.accept(e.getMessage());
        }
    }
}
