package ganstudio.ui.common;

import ganstudio.metrics.EvaluationScores;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A GAN run's final evaluation under its picture: a heading (step, samples, which features), its scores by name
 * one to a row (a Fréchet distance's name can be long), and its note. Out of the layout while there is none (a run still training, or one
 * stopped before its evaluation).
 */
public final class EvaluationPanel extends VBox {

    private final Label heading = new Label();
    private final GridPane grid = new GridPane();
    private final Label note = new Label();
    private List<EvaluationScores.Line> shown = List.of();

    public EvaluationPanel() {
        super(4);
        getStyleClass().add("evaluation-panel");
        heading.getStyleClass().add("section-title");
        heading.setWrapText(true);
        grid.getStyleClass().add("evaluation-grid");
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(heading, grid, note);
        show(Optional.empty());
    }

    public void show(Optional<EvaluationScores> scores) {
        grid.getChildren().clear();
        shown = scores.map(EvaluationScores::lines).orElse(List.of());
        boolean any = scores.isPresent();
        setVisible(any);
        setManaged(any);
        if (!any) {
            return;
        }
        EvaluationScores s = scores.get();
        heading.setText(s.heading());
        Tooltip.install(heading, s.features().isEmpty() ? null : new Tooltip(s.features()));
        for (int i = 0; i < shown.size(); i++) {
            Label name = new Label(shown.get(i).name());
            name.getStyleClass().add("evaluation-name");
            Label value = new Label(shown.get(i).value());
            value.getStyleClass().add("evaluation-value");
            for (Label l : List.of(name, value)) {
                l.setMinWidth(Region.USE_PREF_SIZE);
            }
            grid.addRow(i, name, value);
        }
        note.setText(s.note());
        note.setVisible(!s.note().isEmpty());
        note.setManaged(!s.note().isEmpty());
    }

    public void clear() {
        show(Optional.empty());
    }

    /** What is on screen, "name value" per score, for a test; empty while hidden. */
    public List<String> shownText() {
        List<String> out = new ArrayList<>();
        if (isVisible()) {
            out.add(heading.getText());
            for (EvaluationScores.Line l : shown) {
                out.add(l.name().strip() + ": " + l.value());
            }
        }
        return out;
    }
}
