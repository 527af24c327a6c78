package ganstudio.ui;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Help > Session log: this process's log (ganstudio.logs.Logs) in a read-only window, the end of it when it is
 * long, with its path to copy and a Reload button.
 */
final class LogWindow {

    /** The most of a log's end the window shows; a long session's log is mostly per-step noise. */
    static final int SHOWN_BYTES = 512 * 1024;

    private final Stage stage = new Stage();
    private final TextArea text = new TextArea();
    private final Optional<Path> file;

    LogWindow(Window owner, Optional<Path> file) {
        this.file = file;
        stage.initOwner(owner);
        stage.setTitle("Session log");
        text.setEditable(false);
        text.setWrapText(false);
        text.setAccessibleText("The session log's text");
        // a text field, not a label, so the path can be selected and copied
        TextField path = new TextField(file.map(Path::toString).orElse("no session log: the folder for it could "
                + "not be written (see the console)"));
        path.setEditable(false);
        path.setAccessibleText("The session log's path");
        Button reload = new Button("Reload");
        reload.setOnAction(e -> load());
        HBox top = new HBox(8, path, reload);
        HBox.setHgrow(path, Priority.ALWAYS);
        top.setPadding(new Insets(6));
        BorderPane root = new BorderPane(text, top, null, null, null);
        Scene scene = new Scene(root, 900, 560);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        load();
    }

    void show() {
        stage.show();
        text.positionCaret(text.getLength());
        text.setScrollTop(Double.MAX_VALUE);
    }

    Stage stage() {
        return stage;
    }

    String shownText() {
        return text.getText();
    }

    private void load() {
        if (file.isEmpty()) {
            text.setText("");
            return;
        }
        try {
            text.setText(tail(file.get(), SHOWN_BYTES));
        } catch (IOException e) {
            text.setText("cannot read " + file.get() + ": " + e.getMessage());
        }
        text.positionCaret(text.getLength());
    }

    /** The file's last {@code max} bytes, from the first whole line among them. */
    static String tail(Path file, int max) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, f.length() - max);
            byte[] bytes = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(bytes);
            String s = new String(bytes, StandardCharsets.UTF_8);
            if (start > 0) {
                int nl = s.indexOf('\n');
                s = "[earlier lines left out]\n" + (nl >= 0 ? s.substring(nl + 1) : s);
            }
            return s;
        }
    }
}
