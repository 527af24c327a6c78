package ganstudio.ui.common;

import ganstudio.config.ConfigKey;
import ganstudio.config.ConfigSchema;
import ganstudio.config.RunConfig;
import ganstudio.config.UserError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * Knobs that a running session accepts: the keys ConfigSchema marks live for its task. Apply sends only
 * the values that changed; the session applies them at the next generator iteration and reports each one
 * back as an event, which becomes a marker on the charts.
 */
public final class LiveEditPanel extends VBox {

    private final List<String> keys;
    private final Map<String, Editor> fields = new LinkedHashMap<>();
    private final Map<String, String> applied = new LinkedHashMap<>();
    private final Button apply = new Button("Apply");
    private final Label message = new Label();
    private BiConsumer<String, Double> sink = (k, v) -> { };

    /** Fields for every key ConfigSchema marks live for the task ("gan" or "classifier"), under their labels. */
    public LiveEditPanel(String task) {
        this.keys = ConfigSchema.liveKeys(task);
        getStyleClass().add("live-edits");
        Label title = new Label("Live edits");
        title.getStyleClass().add("section-title");
        // A flow, not a grid: in a narrow window the fields wrap to a second line instead of shrinking to "...".
        FlowPane flow = new FlowPane(8, 6);
        flow.getStyleClass().add("live-edit-flow");
        for (String key : keys) {
            ConfigKey<?> k = ConfigSchema.require(key);
            Label label = new Label(k.getShortLabel());
            Editor editor = new Editor(k, this::apply);
            Tooltip tip = new Tooltip(key + ": " + k.getHelp() + "\nAllowed: " + k.describeRange());
            editor.control.setTooltip(tip);
            label.setTooltip(tip);
            flow.getChildren().add(new VBox(2, label, editor.control));
            fields.put(key, editor);
        }
        apply.setOnAction(e -> apply());
        apply.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        apply.setTooltip(new Tooltip("Send the changed values to the running session (Enter in a field does too)"));
        VBox applyCell = new VBox(2, new Label(" "), apply);
        flow.getChildren().add(applyCell);
        message.getStyleClass().add("error-text");
        message.setWrapText(true);
        getChildren().addAll(title, flow, message);
        setActive(false);
    }

    public void onEdit(BiConsumer<String, Double> sink) {
        this.sink = sink;
    }

    /** Shows the values a run starts with. */
    public void load(RunConfig config) {
        for (String key : keys) {
            String text = String.valueOf(config.get(key));
            fields.get(key).setText(text);
            applied.put(key, text);
        }
        message.setText("");
    }

    public void setActive(boolean active) {
        fields.values().forEach(f -> f.control.setDisable(!active));
        apply.setDisable(!active);
    }

    private void apply() {
        Map<String, Double> changes = new LinkedHashMap<>();
        for (String key : keys) {
            String text = fields.get(key).text();
            if (text.equals(applied.get(key))) {
                continue;
            }
            try {
                Object v = ConfigSchema.require(key).coerce(text);
                changes.put(key, v instanceof Boolean ? ((Boolean) v ? 1.0 : 0.0) : ((Number) v).doubleValue());
            } catch (UserError e) {
                message.setText(e.getMessage());
                fields.get(key).control.getStyleClass().add("field-error");
                return;
            }
        }
        fields.values().forEach(f -> f.control.getStyleClass().remove("field-error"));
        message.setText("");
        changes.forEach((k, v) -> {
            sink.accept(k, v);
            applied.put(k, fields.get(k).text());
        });
    }

    /** One key's editor: a text field, or a check box for a true/false key. */
    private static final class Editor {
        final Control control;
        private final TextField field;
        private final CheckBox box;

        Editor(ConfigKey<?> key, Runnable onEnter) {
            if (key.getType() == ConfigKey.Type.BOOL) {
                field = null;
                box = new CheckBox();
                control = box;
            } else {
                box = null;
                field = new TextField();
                field.setPrefColumnCount(6);
                field.setOnAction(e -> onEnter.run());
                control = field;
            }
        }

        String text() {
            return box != null ? String.valueOf(box.isSelected()) : field.getText().trim();
        }

        void setText(String text) {
            if (box != null) {
                box.setSelected(Boolean.parseBoolean(text));
            } else {
                field.setText(text);
            }
        }
    }
}
