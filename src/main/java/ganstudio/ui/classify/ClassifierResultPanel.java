package ganstudio.ui.classify;

import ganstudio.ui.common.Theme;

import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Headline, note, caption and the confusion heatmap: draws one {@link ClassifierResult}. */
final class ClassifierResultPanel extends VBox {

    private final Label headline = new Label();
    private final Label note = new Label();
    private final Label caption = new Label();
    private final ConfusionMatrixPane matrix = new ConfusionMatrixPane();

    ClassifierResultPanel() {
        super(6);
        headline.getStyleClass().add("headline");
        note.getStyleClass().add("hint");
        caption.getStyleClass().add("section-title");
        for (Label l : new Label[] {headline, note, caption}) {
            l.setWrapText(true);
        }
        VBox.setVgrow(matrix, Priority.ALWAYS);
        VBox.setVgrow(this, Priority.ALWAYS);
        matrix.setOnMousePressed(e -> matrix.requestFocus());
        getChildren().addAll(headline, note, caption, matrix);
        show(ClassifierResult.idle());
    }

    void show(ClassifierResult r) {
        headline.setText(r.headline());
        headline.getStyleClass().remove("headline-final");
        if (r.isFinal()) {
            headline.getStyleClass().add("headline-final");
        }
        note.setText(r.note());
        caption.setText(r.caption());
        matrix.setPlaceholder(r.placeholder());
        matrix.show(r.report() == null ? null : new ConfusionMatrixModel(r.report()));
    }

    void setTheme(Theme theme) {
        matrix.setPalette(ConfusionMatrixPane.Palette.of(theme));
    }
}
