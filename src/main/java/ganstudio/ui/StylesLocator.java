package ganstudio.ui;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds styles/ the way config.Presets finds models/: -Dganstudio.styles, else ./styles, else walking up from
 * the jar (target/ganstudio.jar → ../styles). CSS lives next to the jar, not inside it, so a theme can be
 * tweaked without a rebuild.
 */
public final class StylesLocator {

    private StylesLocator() {}

    /** The styles folder, or null when there is none (the studio then runs with JavaFX's own look). */
    public static Path locate() {
        String prop = System.getProperty("ganstudio.styles");
        if (prop != null && !prop.isBlank()) {
            return Paths.get(prop);
        }
        Path cwd = Paths.get("styles");
        if (Files.isRegularFile(cwd.resolve("dark.css"))) {
            return cwd;
        }
        try {
            Path jar = Paths.get(StylesLocator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = jar.getParent(); p != null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve("styles").resolve("dark.css"))) {
                    return p.resolve("styles");
                }
            }
        } catch (URISyntaxException | SecurityException e) {
            // no styles: the default look
        }
        return null;
    }

    /** The URL of a theme's stylesheet, or null. */
    public static String stylesheet(Path dir, Theme theme) {
        if (dir == null) {
            return null;
        }
        Path css = dir.resolve(theme.fileName());
        return Files.isRegularFile(css) ? css.toUri().toString() : null;
    }
}
