package ganstudio.ui.common;

import javafx.scene.control.Label;

/** Under a setup's form: why Start is disabled, following the form; takes no room while it can start. */
public final class StartProblemLabel extends Label {

    public StartProblemLabel(ConfigFormModel form) {
        getStyleClass().add("error-text");
        setWrapText(true);
        form.addListener(m -> show(form.firstProblem()));
        show(form.firstProblem());
    }

    private void show(String problem) {
        setText(problem == null ? "" : "Start is disabled: " + problem);
        setVisible(problem != null);
        setManaged(problem != null);
    }
}
