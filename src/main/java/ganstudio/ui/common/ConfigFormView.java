package ganstudio.ui.common;

import ganstudio.config.ConfigKey;
import ganstudio.config.ConfigSchema;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import javafx.scene.Node;
import javafx.scene.control.Accordion;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * The widgets of a setup form, generated from ConfigSchema: one titled pane per section of a {@link FormLayout}
 * (the GAN's by key prefix, the classifier's by kind of trick), a combo box per choice, a switch per flag, a
 * text field for the rest. Every edit goes to the {@link ConfigFormModel}; its verdict comes back as the
 * "field-error" style class and the message under the field.
 */
public final class ConfigFormView extends Accordion {

    private final ConfigFormModel model;
    private final Map<String, Control> editors = new HashMap<>();
    private final Map<String, Label> errors = new HashMap<>();
    private final Map<String, Label> keyLabels = new HashMap<>();
    private final Map<String, String> tips = new HashMap<>();
    private final Map<String, TitledPane> panes = new HashMap<>();
    private final FormLayout layout;
    private boolean loading;
    private boolean showChanged;
    private final Set<String> shownBad = new HashSet<>();
    private Map<String, String> marked = Map.of();

    public ConfigFormView(ConfigFormModel model) {
        this(model, FormLayout.gan());
    }

    public ConfigFormView(ConfigFormModel model, FormLayout layout) {
        this.model = model;
        this.layout = layout;
        getStyleClass().add("config-form");
        for (FormLayout.Section section : layout.sections()) {
            GridPane grid = new GridPane();
            grid.getStyleClass().add("form-grid");
            ColumnConstraints labels = new ColumnConstraints();
            labels.setMinWidth(110);
            ColumnConstraints fields = new ColumnConstraints();
            fields.setHgrow(Priority.ALWAYS);
            fields.setFillWidth(true);
            grid.getColumnConstraints().addAll(labels, fields);
            int row = 0;
            for (String name : section.keys()) {
                ConfigKey<?> key = ConfigSchema.require(name);
                Label label = new Label(section.label(name));
                label.setMinWidth(Region.USE_PREF_SIZE); // the field gives way, the key's name stays whole
                Control editor = editorFor(key);
                Tooltip tip = new Tooltip(name + ": " + key.getHelp() + "\nAllowed: " + key.describeRange()
                        + "\nDefault: " + key.getDefaultValue() + (key.isLiveEditable() ? "\nEditable while training" : ""));
                tip.setShowDelay(Duration.millis(300));
                tip.setWrapText(true);
                tip.setMaxWidth(420);
                label.setTooltip(tip);
                editor.setTooltip(tip);
                editor.setMaxWidth(Double.MAX_VALUE);
                Label error = new Label();
                error.getStyleClass().add("error-text");
                error.setWrapText(true);
                error.setManaged(false);
                error.setVisible(false);
                grid.add(label, 0, row);
                grid.add(editor, 1, row++);
                grid.add(error, 0, row++, 2, 1);
                editors.put(name, editor);
                errors.put(name, error);
                keyLabels.put(name, label);
                tips.put(name, tip.getText());
            }
            TitledPane pane = new TitledPane(section.title(), grid);
            pane.setAnimated(false);
            panes.put(section.title(), pane);
            getPanes().add(pane);
        }
        if (!getPanes().isEmpty()) {
            setExpandedPane(getPanes().get(0));
        }
        model.addListener(m -> showErrors());
        refreshFromModel();
    }

    /**
     * Shows next to each section title how many of its keys differ from the default ("Regularization · 2 changed"),
     * so the switched-on tricks are visible with every pane but one collapsed.
     */
    public void showChangedCounts(boolean show) {
        this.showChanged = show;
        updateTitles();
    }

    private void updateTitles() {
        for (FormLayout.Section section : layout.sections()) {
            TitledPane pane = panes.get(section.title());
            if (!marked.isEmpty()) {
                long n = section.keys().stream().filter(marked::containsKey).count();
                pane.setText(n == 0 ? section.title() : section.title() + "  \u00b7 " + n
                        + (n == 1 ? " differs" : " differ") + " from the preset");
                continue;
            }
            int n = showChanged ? FormLayout.changedFromDefault(section, model.getConfig()) : 0;
            pane.setText(n == 0 ? section.title() : section.title() + "  \u00b7 " + n + " changed");
        }
    }

    private Control editorFor(ConfigKey<?> key) {
        String name = key.getName();
        switch (key.getType()) {
            case CHOICE: {
                ComboBox<String> box = new ComboBox<>();
                box.getItems().setAll(key.getChoices());
                box.valueProperty().addListener((o, a, b) -> edited(name, b));
                return box;
            }
            case BOOL: {
                // Styled as a switch (studio.css); the words say the state for those who do not read switches.
                CheckBox box = new CheckBox("off");
                box.getStyleClass().add("switch");
                box.selectedProperty().addListener((o, a, b) -> {
                    box.setText(b ? "on" : "off");
                    edited(name, String.valueOf(b));
                });
                return box;
            }
            default: {
                TextField field = new TextField();
                field.setPrefColumnCount(10);
                // Checked on every keystroke: the message appears while typing, Start follows at once.
                field.textProperty().addListener((o, a, b) -> edited(name, b));
                return field;
            }
        }
    }

    private void edited(String key, String text) {
        if (!loading && text != null) {
            model.set(key, text);
        }
    }

    /** Puts the model's texts into the widgets (after a preset was loaded). */
    @SuppressWarnings("unchecked")
    public void refreshFromModel() {
        loading = true;
        try {
            editors.forEach((key, editor) -> {
                String text = model.getText(key);
                if (editor instanceof TextField f) {
                    f.setText(text);
                } else if (editor instanceof CheckBox c) {
                    c.setSelected(Boolean.parseBoolean(text));
                } else if (editor instanceof ComboBox<?> b) {
                    ((ComboBox<String>) b).setValue(text);
                }
            });
        } finally {
            loading = false;
        }
        showErrors();
    }

    /** Sets a field as if typed (the demo lowers steps this way). */
    public void type(String key, String text) {
        Control editor = editors.get(key);
        if (editor instanceof TextField f) {
            f.setText(text);
        } else {
            model.set(key, text);
            refreshFromModel();
        }
    }

    private void showErrors() {
        Set<String> nowBad = new HashSet<>();
        editors.forEach((key, editor) -> {
            String message = model.errorOf(key);
            Label label = errors.get(key);
            boolean bad = message != null;
            editor.getStyleClass().remove("field-error");
            if (bad) {
                editor.getStyleClass().add("field-error");
            }
            label.setText(bad ? message : "");
            label.setVisible(bad);
            label.setManaged(bad);
            if (bad) {
                nowBad.add(key);
                TitledPane pane = panes.get(layout.sectionOf(key));
                pane.getStyleClass().remove("section-error");
                pane.getStyleClass().add("section-error");
                // A value that just turned bad (typed, or set by a preset or the demo) is shown, not left
                // in a collapsed pane; an error that was already there does not pull the form around.
                if (!shownBad.contains(key) && getExpandedPane() != pane) {
                    setExpandedPane(pane);
                }
            }
        });
        panes.forEach((section, pane) -> {
            boolean any = layout.section(section).keys().stream().anyMatch(k -> model.errorOf(k) != null);
            if (!any) {
                pane.getStyleClass().remove("section-error");
            }
        });
        shownBad.clear();
        shownBad.addAll(nowBad);
        updateTitles();
    }

    Node editor(String key) {
        return editors.get(key);
    }

    /**
     * Read-only: an opened run's settings. Text stays selectable (a value can be copied); switches and choices
     * cannot be changed.
     */
    public void setReadOnly(boolean readOnly) {
        editors.values().forEach(editor -> {
            if (editor instanceof TextField f) {
                f.setEditable(!readOnly);
            } else {
                editor.setDisable(readOnly);
            }
            editor.getStyleClass().remove("read-only");
            if (readOnly) {
                editor.getStyleClass().add("read-only");
            }
        });
    }

    /**
     * Marks the keys whose value differs from a preset's (key to the preset's value as text), the label in the
     * accent colour and the tooltip saying both values; an empty map clears the marks. Sections holding a marked
     * key say how many.
     */
    public void markChanged(Map<String, String> presetValues, String preset) {
        editors.forEach((key, editor) -> {
            Label label = keyLabels.get(key);
            label.getStyleClass().remove("changed-key");
            String presetValue = presetValues.get(key);
            String tip = tips.get(key) + (presetValue == null ? ""
                    : "\nThis run: " + model.getText(key) + "   preset " + preset + ": " + presetValue);
            label.getTooltip().setText(tip);
            if (presetValue != null) {
                label.getStyleClass().add("changed-key");
            }
        });
        marked = Map.copyOf(presetValues);
        updateTitles();
    }

    /** The keys marked by {@link #markChanged} (for a test). */
    public java.util.Set<String> markedKeys() {
        return marked.keySet();
    }
}
