package ganstudio.ui.common;

import java.nio.file.Path;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** A view's left side: its Setup tab, and its Runs tab where a run picked is opened with onOpen. */
public final class SetupAndRunsTabs extends TabPane {

    public SetupAndRunsTabs(Node setup, RunsPanel runs, Consumer<Path> onOpen) {
        super(new Tab("Setup", setup), new Tab("Runs", runs));
        runs.setPadding(new Insets(8));
        runs.setSpacing(8);
        runs.onOpen(onOpen);
        setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setPrefWidth(400);
        setMinWidth(260);
        getStyleClass().add("left-tabs");
    }
}
