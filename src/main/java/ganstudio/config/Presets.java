package ganstudio.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The JSON presets shipped in models/, and preset files given by path. */
public final class Presets {

    private final Path dir;

    public Presets(Path dir) {
        this.dir = dir;
    }

    /**
     * Finds models/: the system property ganstudio.models, else ./models, else next to the jar (the jar
     * lives in target/, so ../models).
     */
    public static Presets locate() {
        return new Presets(ProjectFolder.locate("models", "ganstudio.models", ProjectFolder::isFolder)
                .orElse(Paths.get("models")));
    }

    public Path getDir() {
        return dir;
    }

    /** Preset names (file names without .json), sorted. */
    public List<String> names() {
        var names = new ArrayList<String>();
        if (!Files.isDirectory(dir)) {
            return names;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5))
                    .sorted()
                    .forEach(names::add);
        } catch (IOException e) {
            throw new UserError(dir + ": cannot list presets (" + e.getMessage() + ")");
        }
        return names;
    }

    /** A preset by name, or a JSON file by path. */
    public RunConfig load(String nameOrFile) {
        Path file = Paths.get(nameOrFile);
        if (!nameOrFile.endsWith(".json") || !Files.isRegularFile(file)) {
            file = dir.resolve(nameOrFile.endsWith(".json") ? nameOrFile : nameOrFile + ".json");
        }
        if (!Files.isRegularFile(file)) {
            throw new UserError("no preset '" + nameOrFile + "' (looked for " + file.toAbsolutePath()
                    + "); `presets` lists them: " + String.join(", ", names()));
        }
        try {
            return RunConfig.fromJson(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
        } catch (IOException e) {
            throw new UserError(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** Saves a config as a new preset; refuses to overwrite unless asked. */
    public Path save(String name, RunConfig config, boolean overwrite) {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new UserError("preset name '" + name + "' may hold only letters, digits, '.', '_' and '-'");
        }
        Path file = dir.resolve(name + ".json");
        if (Files.exists(file) && !overwrite) {
            throw new UserError("preset " + file + " exists; pick another name");
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(file, config.toJson() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(file + ": cannot write (" + e.getMessage() + ")");
        }
        return file;
    }
}
