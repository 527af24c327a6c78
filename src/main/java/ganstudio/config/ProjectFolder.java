package ganstudio.config;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds a folder that ships next to the jar (models/, styles/): a system property, else the working directory,
 * else walking up from the jar (target/ganstudio.jar → ../models). These folders stay outside the jar so a
 * preset or a theme can be edited without a rebuild.
 */
public final class ProjectFolder {

    private ProjectFolder() {}

    /**
     * @param name the folder's name, e.g. "models"
     * @param property a system property that overrides the search
     * @param looksRight what a candidate must satisfy to be taken
     */
    public static Optional<Path> locate(String name, String property, Predicate<Path> looksRight) {
        String prop = System.getProperty(property);
        if (prop != null && !prop.isBlank()) {
            return Optional.of(Paths.get(prop));
        }
        Path cwd = Paths.get(name);
        if (looksRight.test(cwd)) {
            return Optional.of(cwd);
        }
        try {
            Path jar = Paths.get(ProjectFolder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = jar.getParent(); p != null; p = p.getParent()) {
                if (looksRight.test(p.resolve(name))) {
                    return Optional.of(p.resolve(name));
                }
            }
        } catch (URISyntaxException | SecurityException e) {
            // not found: the caller decides what that means
        }
        return Optional.empty();
    }

    /** A predicate for "is a folder". */
    public static boolean isFolder(Path p) {
        return Files.isDirectory(p);
    }
}
