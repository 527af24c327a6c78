package ganstudio.ui;

import ganstudio.config.ProjectFolder;
import ganstudio.ui.common.Theme;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds styles/ (-Dganstudio.styles, else ./styles, else next to the jar) and its stylesheets.
 */
public final class StylesLocator {

    /** The rules both themes share; a theme file only names colours. */
    static final String SHARED = "studio.css";

    private StylesLocator() {}

    /** The styles folder, or null when there is none (the studio then runs with JavaFX's own look). */
    public static Path locate() {
        return ProjectFolder.locate("styles", "ganstudio.styles", p -> Files.isRegularFile(p.resolve(SHARED)))
                .orElse(null);
    }

    /** The URLs of the shared rules and of a theme's colours, in the order a scene loads them; empty if none. */
    public static List<String> stylesheets(Path dir, Theme theme) {
        List<String> urls = new ArrayList<>();
        if (dir == null) {
            return urls;
        }
        for (Path css : List.of(dir.resolve(SHARED), dir.resolve(theme.fileName()))) {
            if (Files.isRegularFile(css)) {
                urls.add(css.toUri().toString());
            }
        }
        return urls;
    }
}
