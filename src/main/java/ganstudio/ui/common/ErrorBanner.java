package ganstudio.ui.common;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The red line across the top of a view that says why a run failed or a preset did not load; dismissable. */
public final class ErrorBanner extends HBox {

    private final Label text = new Label();

    public ErrorBanner() {
        super(10);
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        text.setMinHeight(Region.USE_PREF_SIZE); // a long reason wraps to more lines instead of ending in "..."
        HBox.setHgrow(text, Priority.ALWAYS);
        Button dismiss = new Button("Dismiss");
        dismiss.setOnAction(e -> hide());
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(text, dismiss);
        getStyleClass().add("error-banner");
        hide();
    }

    public void show(String message) {
        text.setText(message);
        setVisible(true);
        setManaged(true);
    }

    public void hide() {
        setVisible(false);
        setManaged(false);
    }

    public String getText() {
        return isVisible() ? text.getText() : "";
    }
}
